/**
 * A batch: every input file → its rows in the dataset, streamed through the work database in
 * windows of files, so memory stays bounded whatever the corpus size. Files already in the
 * dataset (same content, same path) are skipped; a file whose content repeats another keeps
 * its own row, which says which file it repeats (one report per content). Worker threads
 * (one per core) take the parsing when the batch is big enough to win back their start-up.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { reportIdOf } from '../../src/ingest/hash.ts';
import { sniffFormat } from '../../src/ingest/sniff.ts';
import { DatasetBuilder, type FileRows, type Manifest } from './dataset-builder.ts';
import { failedReport, ingestBytesOf, type FileTask } from './ingest-one.ts';
import { listInputs } from './inputs.ts';
import { sourceFor, type SourceInfo } from './sources.ts';

export interface BatchOptions {
  regionHint?: string | null;
  sources?: Map<string, SourceInfo> | null;
  exclude?: string[];
  /**
   * Worker threads (0: this thread). Default: one per core when the batch holds 100 PDFs or
   * more. Measured on the 2-core machine (npm run bench): PDFs gain ×1.1 from two workers,
   * text/HTML and DOCX lose: their work is allocation-bound and a worker takes a second to start.
   */
  workers?: number;
  /** Start again instead of continuing an interrupted run or adding to the dataset there. */
  fresh?: boolean;
  synthetic?: boolean;
  generator?: string;
  copySources?: boolean;
  /** Files per transaction: what a killed run loses at most. */
  window?: number;
  onFile?: (done: number, total: number, path: string) => void;
}

export interface BatchResult { manifest: Manifest; files: number; skipped: number; seconds: number }

interface Task extends FileTask { bytes: Uint8Array; sha256: string }

class Pool {
  private workers: Worker[];
  private idle: Worker[];
  private waiting: { task: Task; resolve: (r: FileRows) => void; reject: (e: Error) => void }[] = [];
  private pending = new Map<Worker, (r: FileRows) => void>();

  constructor(n: number) {
    this.workers = Array.from({ length: n }, () => {
      const w = new Worker(new URL('./ingest-worker.mjs', import.meta.url));
      w.on('message', (json: string) => {
        const resolve = this.pending.get(w)!;
        this.pending.delete(w);
        resolve(JSON.parse(json) as FileRows);
        this.next(w);
      });
      return w;
    });
    this.idle = [...this.workers];
  }

  run(task: Task): Promise<FileRows> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ task, resolve, reject });
      const w = this.idle.pop();
      if (w) this.next(w);
    });
  }

  private next(w: Worker) {
    const job = this.waiting.shift();
    if (!job) {
      this.idle.push(w);
      return;
    }
    this.pending.set(w, job.resolve);
    const { bytes, ...rest } = job.task;
    const copy = bytes.slice();
    w.postMessage({ ...rest, bytes: copy }, [copy.buffer]);
  }

  close(): Promise<number[]> {
    return Promise.all(this.workers.map((w) => w.terminate()));
  }
}

export async function ingestToDataset(paths: string[], out: string, opts: BatchOptions = {}): Promise<BatchResult> {
  const started = performance.now();
  const { files, problems } = listInputs(paths, opts.exclude);
  const builder = await DatasetBuilder.open(out, { fresh: opts.fresh });
  const pdfs = files.filter((f) => /\.pdf$/i.test(f.path)).length;
  const workers = opts.workers ?? (pdfs >= 100 ? availableParallelism() : 0);
  const pool = workers > 0 ? new Pool(workers) : null;
  const window = opts.window ?? 256;
  const total = files.length + problems.length;
  let done = 0;
  let skipped = 0;
  try {
    for (let at = 0; at < files.length; at += window) {
      const slice = files.slice(at, at + window);
      const tasks: (Task | FileRows)[] = slice.map((f) => {
        const src = sourceFor(opts.sources ?? null, f.abs);
        try {
          const bytes = new Uint8Array(readFileSync(f.abs));
          return { path: f.path, abs: f.abs, regionHint: src?.region ?? opts.regionHint ?? null, url: src?.url ?? null, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
        } catch (e) {
          const pseudo = createHash('sha256').update(`unreadable:${f.path}`).digest('hex');
          return { report: failedReport(f.path, pseudo, `无法读取文件：${(e as NodeJS.ErrnoException).code ?? String(e)} / cannot read file`, src?.url ?? null), cells: [], findings: [] };
        }
      });
      const known = await builder.known(tasks.filter((t): t is Task => 'sha256' in t).map((t) => t.sha256));
      const results: Promise<FileRows | null>[] = tasks.map((t) => {
        if (!('sha256' in t)) return Promise.resolve(t);
        const before = known.get(t.sha256);
        if (before?.includes(t.path)) {
          skipped++;
          return Promise.resolve(null);
        }
        if (before?.length) return Promise.resolve(copyOf(t, before[0]));
        known.set(t.sha256, [t.path]);
        return pool ? pool.run(t) : ingestBytesOf(t);
      });
      const rows: FileRows[] = [];
      for (const [i, r] of results.entries()) {
        const got = await r;
        if (got) rows.push(got);
        opts.onFile?.(++done, total, slice[i].path);
      }
      await builder.add(rows);
    }
    await builder.add(problems.map((p) => ({ report: failedReport(p.path, createHash('sha256').update(`unlisted:${p.path}`).digest('hex'), p.reason, null), cells: [], findings: [] })));
  } catch (e) {
    builder.close();
    await pool?.close();
    throw e;
  }
  await pool?.close();
  const manifest = await builder.finish({ generator: opts.generator ?? 'xxgk-dashboard ingest', synthetic: opts.synthetic, copySources: opts.copySources });
  return { manifest, files: total, skipped, seconds: (performance.now() - started) / 1000 };
}

/** The row of a file whose bytes repeat a file already in the dataset. */
function copyOf(t: Task, first: string): FileRows {
  const id = createHash('sha256').update(`${t.sha256}\n${t.path}`).digest('hex');
  const report = failedReport(t.path, t.sha256, `与「${first}」内容完全相同，按同一份报告计 / byte-identical to ${first}`, t.url, sniffFormat(t.bytes, t.path));
  return { report: { ...report, report_id: reportIdOf(id) }, cells: [], findings: [] };
}
