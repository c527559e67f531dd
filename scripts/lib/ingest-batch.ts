/**
 * A batch: every input file → its rows in the dataset, streamed through the work database in
 * windows of files, so memory stays bounded whatever the corpus size. Files already in the
 * dataset (same content, same path) are skipped; a file whose content repeats another keeps
 * its own row, which says which file it repeats (one report per content). Worker threads
 * (one per core) take the parsing when the batch is big enough to win back their start-up.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { reportIdOf } from '../../src/ingest/hash.ts';
import { sniffFormat } from '../../src/ingest/sniff.ts';
import { DatasetBuilder, type FileRows, type Manifest } from './dataset-builder.ts';
import type { EncodedResult, FileTask } from './ingest-one.ts';
import { readRoundInChild } from './ingest-rounds.ts';
import { countInputs, walkInputs, type InputFile, type WalkPlace, type WalkProblem } from './inputs.ts';
import { SourceTable, type SourceInfo } from './sources.ts';
import { workerBundle } from './worker-bundle.ts';
import { cleanLeftovers, recoverInterrupted } from './dataset-recovery.ts';
import { lockOutput } from './out-lock.ts';
import { asOutputError } from './user-error.ts';

/**
 * The parsing core, loaded by the process that reads (about 50 MB): a run read in rounds does
 * not load it where it only waits for its rounds, beside the round that reads.
 */
let core: typeof import('./ingest-one.ts');
const failedReport: (typeof core)['failedReport'] = (...a) => core.failedReport(...a);

export interface BatchOptions {
  regionHint?: string | null;
  /** A sources table (CSV/TSV: path, region, url), see sources.ts. */
  sourcesFile?: string | null;
  exclude?: string[];
  /**
   * Worker threads parsing the files (0: this thread, without the time and memory limits).
   * Default: one per core when the batch's first window is full (256 files) or holds 100 PDFs, else one, so that a file
   * that hangs or explodes can be stopped while this thread goes on writing the dataset.
   */
  workers?: number;
  /** Per-file limits (enforced in worker threads; with workers = 0 only the size limit holds). */
  limits?: Partial<FileLimits>;
  /** Start again instead of continuing an interrupted run or adding to the dataset there. */
  fresh?: boolean;
  synthetic?: boolean;
  generator?: string;
  copySources?: boolean;
  /** Files per transaction at most (what a killed run loses at most); a window also stops at WINDOW_BYTES. */
  window?: number;
  /**
   * Files read by one process at most: a larger batch is read in rounds, each in a process of
   * its own (0: all in this one). Default ROUND_FILES, or XXGK_ROUND_FILES when set.
   */
  roundFiles?: number;
  onFile?: (done: number, total: number, path: string) => void;
}

export interface BatchResult {
  manifest: Manifest; files: number; skipped: number; seconds: number;
  /** Seconds by phase: `read` (files read, parsed, appended to the work database), then the steps of writing the dataset. */
  phases: Record<string, number>;
  /** Reading rounds run in processes of their own (0: read in this process). */
  rounds: number;
  /**
   * Peak memory (RSS, bytes) of the run's processes together, at most: this process's peak, or
   * while a round read, that round's peak plus this process's largest RSS meanwhile.
   */
  peakRss: number;
}

interface Task extends FileTask { bytes: Uint8Array<ArrayBuffer>; sha256: string; /** the path's bytes, when not UTF-8 (not sent to the worker) */ raw?: Buffer }

/** Limits on the work for one file; beyond them the file fails alone and the batch goes on. */
export interface FileLimits { seconds: number; heapMb: number; maxBytes: number }
export const DEFAULT_LIMITS: FileLimits = { seconds: 30, heapMb: 512, maxBytes: 100 * 1024 * 1024 };

/** Windows of files walked ahead, whose sources are looked up together. */
const LOOKAHEAD = 16;
/**
 * Files of a window: its cells go to the work database in one statement. Appending 256 reports'
 * cells at a time (51,000 rows, under a row group, which DuckDB likely logs before it writes
 * them) took twice as long as 1,024 at a time: reading 10,000 reports took 15–16.5 s instead of
 * 12–13 s (docs/scale.md).
 */
const WINDOW_FILES = 1024;
/** A window's files are held in memory from reading to appending: two windows at a time. */
const WINDOW_BYTES = 64 * 1024 * 1024;
/** Files read at a time before the workers' messages are seen to (about 2 ms of reading). */
const READ_CHUNK = 64;
/** Workers are started for a batch of this many files or more (or 100 PDFs), which wins back their start-up. */
const WORKER_BATCH = 256;
/**
 * Files a reading process reads before it hands over to a fresh one. The memory a process held
 * while reading grew by about 20 MB per 100,000 files, outside DuckDB's account and every
 * JavaScript heap (docs/scale.md); a process's exit gives it all back.
 */
export const ROUND_FILES = 100_000;

/** What a file gives the dataset: its rows, from this thread, or from a worker with the cells encoded. */
type Rows = FileRows | EncodedResult;

interface Job { task: Task; resolve: (r: Rows) => void }

/**
 * Worker threads that parse one file at a time each, under the limits: a worker that runs past
 * the time limit is stopped, one that outgrows its heap dies; either way the file gets a failed
 * row saying why, and a fresh worker takes its place.
 */
class Pool {
  private idle: Worker[] = [];
  private waiting: Job[] = [];
  private busy = new Map<Worker, { job: Job; timer: NodeJS.Timeout }>();
  private all = new Set<Worker>();
  private ready = new Set<Worker>();
  private startFailures = 0;
  private broken: string | null = null;
  /** Each worker's heap as it last said, in bytes (for the memory trace). */
  readonly heaps = new Map<Worker, number>();

  constructor(n: number, private limits: FileLimits) {
    for (let i = 0; i < n; i++) this.spawn();
  }

  private spawn(): Worker {
    const w = new Worker(workerBundle(), {
      // A young generation of 16 MB, not 64: each worker's heap settled about 50 MB lower, and
      // reading 100,000 reports was no slower (docs/scale.md); XXGK_WORKER_YOUNG_MB to measure others
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb, maxYoungGenerationSizeMb: Math.min(Number(process.env.XXGK_WORKER_YOUNG_MB ?? 16), this.limits.heapMb / 4) },
    });
    // a worker takes work once it has loaded (its start-up is not counted against a file)
    w.on('message', (msg: 'ready' | (EncodedResult & { heap?: number })) => {
      if (msg !== 'ready') {
        if (msg.heap !== undefined) this.heaps.set(w, msg.heap);
        return this.done(w, msg);
      }
      this.ready.add(w);
      this.startFailures = 0;
      this.next(w);
    });
    w.on('error', (e: Error & { code?: string }) => {
      const oom = e.code === 'ERR_WORKER_OUT_OF_MEMORY' || /memory/i.test(e.message);
      this.fail(w, oom
        ? `处理时内存超过 ${this.limits.heapMb} MB，已停止 / exceeded the ${this.limits.heapMb} MB memory limit`
        : `解析时出错：${e.message} / internal error while parsing`);
    });
    w.on('exit', (code) => this.fail(w, `解析进程意外退出（${code}）/ parser exited unexpectedly`));
    this.all.add(w);
    return w;
  }

  run(task: Task): Promise<Rows> {
    return new Promise((resolve) => {
      if (this.broken && !this.all.size) {
        resolve({ report: failedReport(task.path, task.sha256, this.broken, task.url, sniffFormat(task.bytes, task.path)), cells: [], findings: [] });
        return;
      }
      this.waiting.push({ task, resolve });
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
    const timer = setTimeout(() => this.fail(w, `处理超过 ${this.limits.seconds} 秒，已停止 / stopped after ${this.limits.seconds} s`), this.limits.seconds * 1000);
    this.busy.set(w, { job, timer });
    // the bytes are moved, not copied: readTask gave each file memory of its own
    const { raw: _raw, ...task } = job.task;
    w.postMessage(task, [task.bytes.buffer]);
  }

  private done(w: Worker, rows: Rows) {
    const b = this.busy.get(w);
    if (!b) return;
    clearTimeout(b.timer);
    this.busy.delete(w);
    b.job.resolve(rows);
    this.next(w);
  }

  /** The worker's file fails with `reason`; the worker is replaced. */
  private fail(w: Worker, reason: string) {
    const b = this.busy.get(w);
    if (!this.all.delete(w)) return;
    this.heaps.delete(w);
    void w.terminate();
    this.idle = this.idle.filter((x) => x !== w);
    const failed = (job: Job, why: string) => {
      const t = job.task;
      job.resolve({ report: failedReport(t.path, t.sha256, why, t.url, formatOf(t)), cells: [], findings: [] });
    };
    if (b) {
      clearTimeout(b.timer);
      this.busy.delete(w);
      failed(b.job, reason);
    }
    if (!this.ready.delete(w) && ++this.startFailures >= 3) {
      // workers that die before they can take any work: no more are started, no file waits for one
      this.broken = `解析进程无法启动：${reason} / the parser could not start`;
      if (!this.all.size) for (const job of this.waiting.splice(0)) failed(job, this.broken);
      return;
    }
    this.spawn();
  }

  close(): Promise<number[]> {
    const ws = [...this.all];
    this.all.clear();
    return Promise.all(ws.map((w) => w.terminate()));
  }
}

/**
 * A task's format for its failed row. Its bytes went to the worker that failed (moved, so this
 * thread no longer has them): read again from the file, which only a stopped worker's file needs.
 */
function formatOf(t: Task): string {
  if (t.bytes.byteLength) return sniffFormat(t.bytes, t.path);
  try {
    return sniffFormat(new Uint8Array(readFileSync(t.raw ?? t.abs)), t.path);
  } catch {
    return 'unknown';
  }
}

/** SHA-256 of a file read in pieces (for files too large to read whole). */
function hashFile(path: string | Buffer): string {
  const h = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    for (let n; (n = readSync(fd, buf)) > 0;) h.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}

/**
 * Under the output's lock (one run at a time on it, out-lock.ts): a dataset left aside by an
 * interrupted run is put back and the leftovers of interrupted runs are removed
 * (dataset-recovery.ts); a failure to write the output is said in one line (user-error.ts).
 */
export async function ingestToDataset(paths: string[], out: string, opts: BatchOptions = {}): Promise<BatchResult> {
  const release = lockOutput(out);
  try {
    recoverInterrupted(out);
    cleanLeftovers(out);
    return await ingestLocked(paths, out, opts);
  } catch (e) {
    throw asOutputError(e, out);
  } finally {
    release();
  }
}

async function ingestLocked(paths: string[], out: string, opts: BatchOptions): Promise<BatchResult> {
  const started = performance.now();
  const total = countInputs(paths, opts.exclude);
  const roundFiles = opts.roundFiles ?? (process.env.XXGK_ROUND_FILES ? Number(process.env.XXGK_ROUND_FILES) : ROUND_FILES);
  const progress = { done: 0, total };
  let builder: DatasetBuilder;
  let files = 0;
  let skipped = 0;
  let rounds = 0;
  let roundsPeak = 0;
  if (roundFiles > 0 && total > roundFiles) {
    // Each round reads in a process of its own, which gives back all it held when it exits: the
    // reading's memory no longer grows with the corpus (docs/scale.md). The work database carries
    // the rows from round to round, and the dataset is written here once they are all read.
    let after: string[] | null = null;
    let seen: string[] = [];
    for (let first = true; ; first = false) {
      const r = await readRoundInChild({ paths, out, opts: roundOptions(opts), fresh: first && Boolean(opts.fresh), after, seen, maxFiles: roundFiles, progress }, opts.onFile);
      files += r.files;
      skipped += r.skipped;
      progress.done = r.done;
      rounds++;
      roundsPeak = Math.max(roundsPeak, r.peakRss);
      if (!r.last) break;
      ({ last: after, seen } = r);
    }
    builder = await DatasetBuilder.open(out);
  } else {
    builder = await DatasetBuilder.open(out, { fresh: opts.fresh });
    try {
      ({ files, skipped } = await readRound(paths, builder, opts, { after: null, seen: new Set() }, Infinity, progress));
    } catch (e) {
      builder.close();
      throw e;
    }
  }
  await builder.traceMemory('read');
  const read = (performance.now() - started) / 1000;
  const manifest = await builder.finish({ generator: opts.generator ?? 'xxgk-dashboard ingest', synthetic: opts.synthetic, copySources: opts.copySources });
  const peakRss = Math.max(roundsPeak, maxRss());
  return { manifest, files, skipped, seconds: (performance.now() - started) / 1000, phases: { read, ...builder.phases }, rounds, peakRss };
}

/** This process's peak RSS so far, in bytes. */
export const maxRss = () => process.resourceUsage().maxRSS * 1024;

/** What a round of reading was told: the options that cross to its process (no callbacks). */
export function roundOptions(opts: BatchOptions): RoundOptions {
  const { regionHint, sourcesFile, exclude, workers, limits, window } = opts;
  return { regionHint, sourcesFile, exclude, workers, limits, window };
}

export type RoundOptions = Pick<BatchOptions, 'regionHint' | 'sourcesFile' | 'exclude' | 'workers' | 'limits' | 'window' | 'onFile'>;

export interface RoundResult {
  /** Files walked (a repeat or a known file counts), and of them skipped as already in the dataset. */
  files: number; skipped: number;
  /** Files done in the whole run so far (for progress). */
  done: number;
  /** The key of the round's last file, where the next round starts; null when the walk is through. */
  last: string[] | null;
  /** The folders the walk has seen so far, by real path (the next round's walk is told them). */
  seen: string[];
  /** The round's process's peak RSS, in bytes, and (once the round is done) the reading process's RSS during it added. */
  peakRss: number;
}

/**
 * Reads the files of the walk after `after` (from the start when null) into the builder's work
 * database, `maxFiles` of them at most (whole windows), and the walk's problems met on the way.
 */
export async function readRound(paths: string[], builder: DatasetBuilder, opts: RoundOptions, place: WalkPlace, maxFiles: number, progress: { done: number; total: number }): Promise<RoundResult> {
  core ??= await import('./ingest-one.ts');
  // before the walk below moves the place on
  const roundPaths = opts.sourcesFile ? filesAhead(paths, opts.exclude, place, maxFiles) : undefined;
  const problems: WalkProblem[] = [];
  const walk = walkInputs(paths, problems, opts.exclude, place);
  const window = opts.window ?? WINDOW_FILES;
  // The files are walked as they are read, up to LOOKAHEAD windows ahead (nothing here grows with
  // the corpus), and the sources of those windows are looked up at once: each lookup scans the
  // round's rows of the sources table. The walk stops at the round's last file, so the problems
  // met are those of this round's stretch of it.
  const ahead: InputFile[] = [];
  let walked = 0;
  let through = false;
  let last = place.after;
  // files to read again: they repeated a content whose first file a window replaced (path-rows.ts)
  const again: InputFile[] = [];
  let reread = 0;
  const nextWindow = (): InputFile[] => {
    reread += again.length;
    ahead.unshift(...again.splice(0));
    while (ahead.length < window * LOOKAHEAD && walked < maxFiles) {
      const f = walk.next();
      if (f.done) {
        through = true;
        break;
      }
      ahead.push(f.value);
      walked++;
      last = f.value.key;
    }
    return takeWindow(ahead, window, WINDOW_BYTES);
  };
  let looked = new Set<string>();
  let found = new Map<string, SourceInfo>();
  let sources: SourceTable | null = null;
  const sourcesOf = async (slice: InputFile[]): Promise<Map<string, SourceInfo>> => {
    if (sources && slice.some((f) => !looked.has(f.abs))) {
      const abs = [...slice, ...ahead].map((f) => f.abs);
      found = await sources.lookup(abs);
      looked = new Set(abs);
    }
    return found;
  };
  let slice = nextWindow();
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  // the files walked so far tell whether the batch is big enough (or PDF enough) to win back a worker per core
  const first = [...slice, ...ahead];
  const pdfs = first.filter((f) => /\.pdf$/i.test(f.path)).length;
  const workers = opts.workers ?? (pdfs >= 100 || first.length >= Math.min(window, WORKER_BATCH) ? availableParallelism() : 1);
  const pool = workers > 0 ? new Pool(workers, limits) : null;
  let files = 0;
  let skipped = 0;
  // The rows of a window are appended while the next window is read and parsed. Until its
  // transaction commits, the files of a window are looked up here as well as in the database.
  const uncommitted: Map<string, string[]>[] = [];
  let committing: Promise<void> = Promise.resolve();
  const commit = async (win: InputFile[], results: Promise<Rows | null>[], sent: Map<string, string[]>, replace: string[]) => {
    const rows: Rows[] = [];
    for (const [i, r] of results.entries()) {
      const got = await r;
      if (got) rows.push(got);
      progress.total = Math.max(progress.total, ++progress.done);
      opts.onFile?.(progress.done, progress.total, win[i].path);
    }
    const raws = win.flatMap((f) => (f.raw ? [{ path: f.path, raw: f.raw }] : []));
    for (const o of await builder.add(rows, { replace, raws })) {
      again.push({ path: o.path, abs: resolve(o.path), size: 0, key: [], ...(o.raw ? { raw: o.raw } : {}) });
    }
    uncommitted.splice(uncommitted.indexOf(sent), 1);
    await builder.traceMemory(`${progress.done} files`, () => (pool ? `workers=${[...pool.heaps.values()].map((b) => Math.round(b / 1048576)).join(',')}` : ''));
  };
  try {
    if (opts.sourcesFile) sources = await SourceTable.load(builder.lookups, opts.sourcesFile, roundPaths);
    for (;;) {
      for (; slice.length; slice = nextWindow()) {
        files += slice.length;
        const srcs = await sourcesOf(slice);
        const sent = new Map<string, string[]>();
        const rowOf = (sha: string, path: string) => sent.set(sha, [...(sent.get(sha) ?? []), path]);
        // what this window's files repeat: in the dataset, in a window not yet committed, or earlier in this window
        const known = new Map<string, string[]>();
        // paths whose rows (other contents, read before) this window's rows replace
        const replace: string[] = [];
        const results: Promise<Rows | null>[] = [];
        // A few files at a time, then the workers' messages are seen to: reading a whole window
        // here at once left both workers waiting for their next file meanwhile.
        for (let at = 0; at < slice.length; at += READ_CHUNK) {
          const tasks = slice.slice(at, at + READ_CHUNK).map((f) => readTask(f, srcs.get(f.abs), opts.regionHint ?? null, limits));
          const shas = tasks.map((t) => ('sha256' in t ? t.sha256 : t.report.source_sha256));
          // taken before the lookup: a window that commits during it is then seen in one or the other
          const pending = shas.map((sha) => uncommitted.flatMap((w) => w.get(sha) ?? []));
          const found = await builder.known(shas);
          // only a file not known at its path with its content may replace rows there: an unchanged file costs no lookup
          const pathOf = (t: Task | FileRows) => ('sha256' in t ? t.path : t.report.source_path);
          const held = await builder.contentsAt(tasks.filter((t, i) => !found.get(shas[i])?.includes(pathOf(t))).map(pathOf));
          shas.forEach((sha, i) => {
            const stored = found.get(sha);
            const more = [...(known.get(sha) ?? []), ...pending[i]];
            if (more.length) known.set(sha, [...new Set([...(stored ?? []), ...more])].sort());
            else if (stored) known.set(sha, stored);
          });
          for (const t of tasks) results.push(dispatch(t, held));
          await new Promise((next) => setImmediate(next));
        }
        function dispatch(t: Task | FileRows, held: Map<string, string[]>): Promise<Rows | null> {
          const [path, sha] = 'sha256' in t ? [t.path, t.sha256] : [t.report.source_path, t.report.source_sha256];
          // the path held other contents before (the file was changed in place, or now holds another report): its rows go, all of them
          const stale = held.get(path)?.some((x) => x !== sha) ?? false;
          if (stale) {
            replace.push(path);
            held.delete(path);
            const others = known.get(sha)?.filter((p) => p !== path);
            if (others?.length) known.set(sha, others);
            else known.delete(sha);
          }
          if (!('sha256' in t)) {
            // a file that could not be read at all is recorded once, not again on every re-run
            if (known.get(t.report.source_sha256)?.includes(t.report.source_path)) {
              skipped++;
              return Promise.resolve(null);
            }
            rowOf(t.report.source_sha256, t.report.source_path);
            return Promise.resolve(t);
          }
          const before = known.get(t.sha256);
          if (before?.includes(t.path)) {
            skipped++;
            return Promise.resolve(null);
          }
          rowOf(t.sha256, t.path);
          if (before?.length) return Promise.resolve(copyOf(t, before[0]));
          known.set(t.sha256, [t.path]);
          return pool ? pool.run(t) : core.ingestBytesOf(t).then(core.encodeRows);
        }
        uncommitted.push(sent);
        await committing;
        committing = commit(slice, results, sent, replace);
        // a failure surfaces at the next await of it, not as an unhandled rejection meanwhile
        committing.catch(() => {});
      }
      await committing;
      // files whose rows a replacement removed, read again (they were read already: not counted again)
      if (!again.length) break;
      slice = nextWindow();
    }
    // a round that stopped at its size looks one file further: a walk that ends right there needs no round after it
    if (!through && walked >= maxFiles) {
      const [met, seen] = [problems.length, new Set(place.seen)];
      through = Boolean(walk.next().done);
      // what the look met is met again by the next round, if there is one
      if (!through) {
        problems.length = met;
        place.seen.clear();
        for (const d of seen) place.seen.add(d);
      }
    }
    await sources?.drop();
    await builder.add(problems.map((p) => ({ report: failedReport(p.path, createHash('sha256').update(`unlisted:${p.path}`).digest('hex'), p.reason, null), cells: [], findings: [] })));
  } catch (e) {
    await committing.catch(() => {});
    await pool?.close();
    throw e;
  }
  await pool?.close();
  return { files: files - reread + problems.length, skipped, done: progress.done, last: through ? null : last, seen: [...place.seen], peakRss: 0 };
}

/** The absolute paths of the next `max` files of the walk from `place` (which is left as it was). */
function filesAhead(paths: string[], exclude: string[] | undefined, place: WalkPlace, max: number): Set<string> {
  const found = new Set<string>();
  const walk = walkInputs(paths, [], exclude, { after: place.after, seen: new Set(place.seen) });
  let n = 0;
  for (let f = walk.next(); !f.done && n++ < max; f = walk.next()) found.add(f.value.abs);
  return found;
}

/** Takes the next window off the front of `ahead`: up to `files` files and `bytes` bytes, and at least one file. */
export function takeWindow<F extends { size: number }>(ahead: F[], files: number, bytes: number): F[] {
  let n = 0;
  for (let sum = 0; n < ahead.length && n < files && (n === 0 || sum + ahead[n].size <= bytes); n++) sum += ahead[n].size;
  return ahead.splice(0, n);
}

/** A file read and hashed, ready for parsing; or, if it cannot be parsed at all, its row saying why. */
function readTask(f: InputFile, src: SourceInfo | undefined, regionHint: string | null, limits: FileLimits): Task | FileRows {
  try {
    // one open, stat and read, into memory of the file's own that goes to a worker as it is
    // (readFileSync may give a small file a slice of a shared pool, which cannot be moved)
    const fd = openSync(f.raw ?? f.abs, 'r');
    let bytes: Uint8Array<ArrayBuffer>;
    let size: number;
    try {
      size = fstatSync(fd).size;
      if (size > limits.maxBytes || size === 0) bytes = new Uint8Array(0);
      else {
        bytes = new Uint8Array(size);
        let got = 0;
        for (let n; got < size && (n = readSync(fd, bytes, got, size - got, null)) > 0;) got += n;
        // a file that shrank since its stat: what there was
        if (got < size) bytes = bytes.subarray(0, got);
      }
    } finally {
      closeSync(fd);
    }
    if (size > limits.maxBytes) {
      const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
      const reason = `文件过大（${mb(size)}，上限 ${mb(limits.maxBytes)}），未读取 / file too large (${mb(size)}, limit ${mb(limits.maxBytes)})`;
      return { report: failedReport(f.path, hashFile(f.raw ?? f.abs), reason, src?.url ?? null, /\.pdf$/i.test(f.path) ? 'pdf' : 'unknown'), cells: [], findings: [] };
    }
    if (bytes.length === 0) {
      // all empty files share one hash: each keeps its own row and id
      const sha = createHash('sha256').update('').digest('hex');
      const report = failedReport(f.path, sha, '空文件 / empty file', src?.url ?? null, 'empty');
      return { report: { ...report, report_id: reportIdOf(createHash('sha256').update(`${sha}\n${f.path}`).digest('hex')) }, cells: [], findings: [] };
    }
    return { path: f.path, abs: f.abs, regionHint: src?.region ?? regionHint, url: src?.url ?? null, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), ...(f.raw ? { raw: f.raw } : {}) };
  } catch (e) {
    const pseudo = createHash('sha256').update(`unreadable:${f.path}`).digest('hex');
    return { report: failedReport(f.path, pseudo, `无法读取文件：${(e as NodeJS.ErrnoException).code ?? String(e)} / cannot read file`, src?.url ?? null), cells: [], findings: [] };
  }
}

/** The row of a file whose bytes repeat a file already in the dataset. */
function copyOf(t: Task, first: string): FileRows {
  const id = createHash('sha256').update(`${t.sha256}\n${t.path}`).digest('hex');
  const report = failedReport(t.path, t.sha256, `与「${first}」内容完全相同，按同一份报告计 / byte-identical to ${first}`, t.url, sniffFormat(t.bytes, t.path));
  return { report: { ...report, report_id: reportIdOf(id) }, cells: [], findings: [] };
}
