/**
 * One input file, read from disk and ingested, whatever happens: a file that cannot be read, or
 * whose parsing throws, still gets its row. Runs in the main thread or in a worker.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { CellRow, FindingRow, ReportRow } from '../../src/model/contract.ts';
import { reportIdOf } from '../../src/ingest/hash.ts';
import { ingestFile } from '../../src/ingest/ingest-file.ts';
import { sniffFormat } from '../../src/ingest/sniff.ts';
import { nodeExtractors } from './extractors.ts';

export interface FileTask { path: string; abs: string; regionHint: string | null; url: string | null }
export interface FileResult { report: ReportRow; cells: CellRow[]; findings: FindingRow[] }

export function failedReport(path: string, sha256: string, reason: string, url: string | null, format = 'unknown'): ReportRow {
  return {
    report_id: reportIdOf(sha256), source_path: path, source_sha256: sha256, agency_id: null, source_format: format, source_url: url,
    status: 'failed', status_reason: reason, agency_name: null, agency_kind: null, admin_level: null, region_code: null,
    province: null, city: null, county: null, year: null, template: 'unknown', title: null, cell_count: 0, unreadable_count: 0,
  };
}

export async function ingestOne(task: FileTask): Promise<FileResult> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(task.abs));
  } catch (e) {
    const reason = `无法读取文件：${(e as NodeJS.ErrnoException).code ?? String(e)} / cannot read file`;
    const pseudo = createHash('sha256').update(`unreadable:${task.path}`).digest('hex');
    return { report: failedReport(task.path, pseudo, reason, task.url), cells: [], findings: [] };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  try {
    return await ingestFile({ bytes, path: task.path, sha256, regionHint: task.regionHint, sourceUrl: task.url }, nodeExtractors);
  } catch (e) {
    return { report: failedReport(task.path, sha256, `解析时出错：${(e as Error).message} / internal error while parsing`, task.url, sniffFormat(bytes, task.path)), cells: [], findings: [] };
  }
}

/** The row of a file whose bytes repeat an earlier file: one report per content. */
export function duplicateOf(result: FileResult, first: string): FileResult {
  const id = createHash('sha256').update(`${result.report.source_sha256}\n${result.report.source_path}`).digest('hex');
  const report = failedReport(result.report.source_path, result.report.source_sha256, `与「${first}」内容完全相同，按同一份报告计 / byte-identical to ${first}`, result.report.source_url, result.report.source_format);
  return { report: { ...report, report_id: reportIdOf(id) }, cells: [], findings: [] };
}
