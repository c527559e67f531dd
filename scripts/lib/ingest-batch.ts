/**
 * A batch: every input file → its rows, in a fixed order, on all cores (worker threads) when
 * there is enough to do. Byte-identical files become one report; the copies keep their rows and
 * say which file they repeat. Agencies are linked and the checks across reports run at the end.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { linkAgencies } from '../../src/ingest/agencies.ts';
import { crossReportChecks } from '../../src/ingest/validate/cross-report.ts';
import { duplicateOf, failedReport, ingestOne, type FileResult, type FileTask } from './ingest-one.ts';
import { listInputs } from './inputs.ts';
import { sourceFor, type SourceInfo } from './sources.ts';
import type { DatasetRows, Manifest } from './write-dataset.ts';

export interface BatchOptions {
  regionHint?: string | null;
  sources?: Map<string, SourceInfo> | null;
  exclude?: string[];
  /**
   * Worker threads (0: this thread). Default: one per core when the batch holds 100 PDFs or
   * more. Measured on the 2-core machine (npm run bench): PDFs gain ×1.1 from two workers,
   * text/HTML and DOCX lose (×0.8, ×0.7): their work is allocation-bound and a worker takes
   * about a second to start.
   */
  workers?: number;
  onFile?: (done: number, total: number, path: string) => void;
}

export interface BatchResult { rows: DatasetRows; inputs: Manifest['inputs'] }

async function runInWorkers(tasks: FileTask[], n: number, onDone: (i: number) => void): Promise<FileResult[]> {
  const results: FileResult[] = new Array(tasks.length);
  let next = 0;
  // workers load TypeScript through tsx, as the scripts do
  const workers = Array.from({ length: n }, () => new Worker(new URL('./ingest-worker.mjs', import.meta.url)));
  try {
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= tasks.length) return resolve();
        const id = next++;
        w.postMessage({ ...tasks[id], id });
      };
      w.on('message', ({ id, json }: { id: number; json: string }) => {
        results[id] = JSON.parse(json) as FileResult;
        onDone(id);
        send();
      });
      w.on('error', reject);
      send();
    })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

export async function ingestPaths(paths: string[], opts: BatchOptions = {}): Promise<BatchResult> {
  const { files, problems } = listInputs(paths, opts.exclude);
  const tasks: FileTask[] = files.map((f) => {
    const src = sourceFor(opts.sources ?? null, f.abs);
    return { path: f.path, abs: f.abs, regionHint: src?.region ?? opts.regionHint ?? null, url: src?.url ?? null };
  });
  const total = files.length + problems.length;
  let done = 0;
  const tick = (i: number) => opts.onFile?.(++done, total, tasks[i].path);
  const pdfs = tasks.filter((t) => /\.pdf$/i.test(t.path)).length;
  const workers = opts.workers ?? (pdfs >= 100 ? availableParallelism() : 0);
  let results: FileResult[];
  if (workers > 0) {
    results = await runInWorkers(tasks, Math.min(workers, tasks.length), tick);
  } else {
    results = [];
    for (const [i, t] of tasks.entries()) {
      results.push(await ingestOne(t));
      tick(i);
    }
  }
  // files are in path order, so the first of identical files keeps the report
  const seen = new Map<string, string>();
  results = results.map((r) => {
    const first = r.report.status === 'failed' && r.report.source_sha256.length !== 64 ? undefined : seen.get(r.report.source_sha256);
    if (first !== undefined) return duplicateOf(r, first);
    seen.set(r.report.source_sha256, r.report.source_path);
    return r;
  });
  const rows: DatasetRows = { reports: [], cells: [], findings: [], agencies: [] };
  for (const r of results) {
    rows.reports.push(r.report);
    rows.cells.push(...r.cells);
    rows.findings.push(...r.findings);
  }
  for (const p of problems) {
    rows.reports.push(failedReport(p.path, createHash('sha256').update(`unlisted:${p.path}`).digest('hex'), p.reason, null));
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
