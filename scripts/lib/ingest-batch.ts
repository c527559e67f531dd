/**
 * A batch: every input file → its rows, in a fixed order. A file that cannot be read, or whose
 * parsing throws, still gets its row; byte-identical files become one report and the copies say
 * which file they repeat.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CellRow, FindingRow, ReportRow } from '../../src/model/contract.ts';
import { reportIdOf } from '../../src/ingest/hash.ts';
import { linkAgencies } from '../../src/ingest/agencies.ts';
import { crossReportChecks } from '../../src/ingest/validate/cross-report.ts';
import { ingestFile as ingestCore } from '../../src/ingest/ingest-file.ts';
import { sniffFormat } from '../../src/ingest/sniff.ts';
import { nodeExtractors } from './extractors.ts';
import { listInputs, type InputFile } from './inputs.ts';
import { sourceFor, type SourceInfo } from './sources.ts';
import type { DatasetRows, Manifest } from './write-dataset.ts';

export interface BatchOptions {
  regionHint?: string | null;
  sources?: Map<string, SourceInfo> | null;
  exclude?: string[];
  onFile?: (done: number, total: number, path: string) => void;
}

export interface BatchResult { rows: DatasetRows; inputs: Manifest['inputs'] }

function failed(path: string, sha256: string, reason: string, url: string | null): ReportRow {
  return {
    report_id: reportIdOf(sha256), source_path: path, source_sha256: sha256, agency_id: null, source_format: 'unknown', source_url: url,
    status: 'failed', status_reason: reason, agency_name: null, agency_kind: null, admin_level: null, region_code: null,
    province: null, city: null, county: null, year: null, template: 'unknown', title: null, cell_count: 0, unreadable_count: 0,
  };
}

export async function ingestFile(file: InputFile, opts: BatchOptions, seen: Map<string, string>): Promise<{ report: ReportRow; cells: CellRow[]; findings: FindingRow[] }> {
  const src = sourceFor(opts.sources ?? null, file.abs);
  const url = src?.url ?? null;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file.abs));
  } catch (e) {
    const reason = `无法读取文件：${(e as NodeJS.ErrnoException).code ?? String(e)} / cannot read file`;
    const pseudo = createHash('sha256').update(`unreadable:${file.path}`).digest('hex');
    return { report: failed(file.path, pseudo, reason, url), cells: [], findings: [] };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const first = seen.get(sha256);
  if (first !== undefined) {
    // one report per content: the copy keeps its row, distinguished by its path
    const id = createHash('sha256').update(`${sha256}\n${file.path}`).digest('hex');
    const report = failed(file.path, sha256, `与「${first}」内容完全相同，按同一份报告计 / byte-identical to ${first}`, url);
    return { report: { ...report, report_id: reportIdOf(id), source_format: sniffFormat(bytes, file.path) }, cells: [], findings: [] };
  }
  seen.set(sha256, file.path);
  try {
    return await ingestCore({ bytes, path: file.path, sha256, regionHint: src?.region ?? opts.regionHint ?? null, sourceUrl: url }, nodeExtractors);
  } catch (e) {
    return { report: failed(file.path, sha256, `解析时出错：${(e as Error).message} / internal error while parsing`, url), cells: [], findings: [] };
  }
}

export async function ingestPaths(paths: string[], opts: BatchOptions = {}): Promise<BatchResult> {
  const { files, problems } = listInputs(paths, opts.exclude);
  const rows: DatasetRows = { reports: [], cells: [], findings: [], agencies: [] };
  const seen = new Map<string, string>();
  const total = files.length + problems.length;
  for (const [i, file] of files.entries()) {
    const out = await ingestFile(file, opts, seen);
    rows.reports.push(out.report);
    rows.cells.push(...out.cells);
    rows.findings.push(...out.findings);
    opts.onFile?.(i + 1, total, file.path);
  }
  for (const p of problems) {
    const pseudo = createHash('sha256').update(`unlisted:${p.path}`).digest('hex');
    rows.reports.push(failed(p.path, pseudo, p.reason, null));
  }
  rows.reports.sort((a, b) => (a.source_path < b.source_path ? -1 : a.source_path > b.source_path ? 1 : 0));
  const { agencies, agencyOf } = linkAgencies(rows.reports);
  for (const r of rows.reports) r.agency_id = agencyOf.get(r.report_id) ?? null;
  rows.agencies = agencies;
  rows.findings.push(...crossReportChecks(rows.reports, rows.cells));
  const reportOrder = new Map(rows.reports.map((r, i) => [r.report_id, i]));
  // cells and findings follow their report; within a report the parser's order is kept
  const byReport = <T extends { report_id: string }>(xs: T[]) =>
    xs.map((x, i) => ({ x, i })).sort((a, b) => reportOrder.get(a.x.report_id)! - reportOrder.get(b.x.report_id)! || a.i - b.i).map((e) => e.x);
  rows.cells = byReport(rows.cells);
  rows.findings = byReport(rows.findings);
  const inputs = rows.reports.map((r) => ({ path: r.source_path, sha256: r.source_sha256, status: r.status }));
  return { rows, inputs };
}
