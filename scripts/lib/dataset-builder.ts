/**
 * Building a dataset through a DuckDB work database beside the target (`<out>.work/`): rows
 * are appended batch by batch as files are read, so memory does not grow with the corpus (a
 * batch's cells go to a Parquet file of their own, listed in the database); a run that is
 * killed leaves the committed batches there, and the next run continues from them; a run over
 * an existing dataset starts from its rows and only adds files it has not seen.
 * `finish` links agencies, runs the checks across reports, and writes the Parquet dataset
 * into a temporary folder that is swapped in with renames.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writevSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { DuckDBInstance, INTEGER, LIST, STRUCT, VARCHAR, structValue, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { SCHEMA_VERSION, TABLES, type ColumnDef, type TableName } from '../../src/model/contract.ts';
import { agencyKey, stableId } from '../../src/ingest/agencies.ts';
import { NO_FILTERS, type Sql } from '../../src/queries/filters.ts';
import { overviewByYear, overviewTotals } from '../../src/queries/overview.ts';
import { regionsPresent, yearsPresent } from '../../src/queries/regions.ts';
import { crossReportSql } from './cross-report.sql.ts';
import { AGENCY_SLICE_REPORTS, cellSlices, cellsInPartFiles, cellsInRows, inStoredOrder, siteViewsSql, slicesFor, type SortedCells, stageSlices, writeSite } from './site-writer.ts';
import { bucketDigits, type SiteIndex } from '../../src/model/site.ts';
import { sourceCopyName } from '../../src/model/source-copy.ts';
import { detailBucketSql } from '../../src/queries/site-sql.ts';
import { sqlString } from './sql-literal.ts';
import { cellsCsvBytes, readCellsCsv } from './cells-csv.ts';
import { knownFilesSql, readShaFilter, type ShaFilter } from './sha-filter.ts';
import type { EncodedResult, FileResult } from './ingest-one.ts';
import { recoverInterrupted, retire } from './dataset-recovery.ts';
import { RAW_PATHS_TABLE, contentsAt, deleteRowsAt, inFiles, orphanCopies, pathKey, rawPathsOf, readPathFilter, recordRawPaths, rowsAt } from './path-rows.ts';
import { sourceCopyBytes } from './source-copy-bytes.ts';
import { UserError } from './user-error.ts';

export { recoverInterrupted } from './dataset-recovery.ts';

/** What a window adds besides its rows: paths whose earlier rows it replaces, and the bytes of paths whose names are not UTF-8. */
export interface WindowExtras { replace?: string[]; raws?: { path: string; raw: Uint8Array }[] }

export interface Manifest {
  schema_version: number;
  generator: string;
  built_at: string;
  synthetic: boolean;
  row_counts: Record<TableName, number>;
  /** Digest of every row of every table: equal for equal inputs, whatever the build time or order of work. */
  rows_digest: string;
  files: Record<string, { rows: number; bytes: number }>;
  /** The folder sources/ holds the source files, named <report_id><extension>. */
  sources: boolean;
  /** The dashboard's layout: site.json and site/ (src/model/site.ts). */
  site: boolean;
}

export type { FileResult as FileRows } from './ingest-one.ts';

/**
 * DuckDB's memory while files are read: appending needs little, but DuckDB keeps the blocks it
 * has written cached up to its limit, so with the writing's limit the process grew with the
 * corpus until that cache was full (by 150 MB over 100,000 reports). 160 MB, not 256: the
 * reading's peak at 100,000 reports 605 MB against 700, in no more time (docs/scale.md).
 */
const READING_MEMORY = process.env.XXGK_READING_MEMORY ?? '160MB';
/**
 * DuckDB's threads while files are read: one. A window's statements (its cells from CSV to
 * Parquet) then run on the thread that calls them, beside the two parsing threads, rather than
 * on every core against them: reading 20,000 reports took 6–14 % less CPU (docs/scale.md). The
 * writing gets DuckDB's own default back.
 */
const READING_THREADS = Number(process.env.XXGK_READING_THREADS ?? 1);
/**
 * DuckDB's memory while the dataset is written (its sorts and joins spill to disk beyond it).
 * The process's peak follows it: the RSS runs a few hundred MB above DuckDB's own account. At
 * 400 MB every statement fits at a million reports since the statements that grew with the
 * corpus work a slice at a time (docs/scale.md); 600 MB before.
 */
const WRITING_MEMORY = process.env.XXGK_DUCKDB_MEMORY ?? '400MB';

const CROSS_RULES = ['XYEAR_CARRY', 'DUPLICATE_REPORT', 'MISSING_YEAR'];
/**
 * The folder of the work database where each committed window's cells are kept as a Parquet
 * file (about 110 KB for 1,024 reports), listed in its table cell_files, rather than stored in
 * its table `cells`: at 100,000 reports a window's file cost DuckDB 127–145 ms of CPU against
 * 255–272 ms for the table (more with its log and checkpoints), while the workers need both
 * cores; and the cells are sorted from the files as fast as from the table (docs/scale.md).
 */
const PENDING_DIR = 'cells';
const STRING_LIST = LIST(VARCHAR);
const ALIAS_LIST = LIST(STRUCT({ name: VARCHAR, first_year: INTEGER, last_year: INTEGER }));

function append(appender: DuckDBAppender, col: ColumnDef, value: unknown): void {
  if (value === null || value === undefined) {
    if (!col.nullable) throw new Error(`column ${col.name} is not nullable`);
    appender.appendNull();
    return;
  }
  switch (col.type) {
    case 'VARCHAR': appender.appendVarchar(String(value)); break;
    case 'INTEGER': appender.appendInteger(Number(value)); break;
    case 'DOUBLE': appender.appendDouble(Number(value)); break;
    case 'VARCHAR[]': appender.appendList((value as string[]).map(String), STRING_LIST); break;
    default:
      appender.appendList((value as { name: string; first_year: number | null; last_year: number | null }[]).map((a) => structValue(a)), ALIAS_LIST);
  }
}

const columns = (name: TableName) => TABLES[name].map((c) => `"${c.name}" ${c.type}${c.nullable ? '' : ' NOT NULL'}`).join(', ');

/**
 * With XXGK_SQL_TIMES=<ms>, statements of `conn` slower than that are printed to stderr with
 * their time and the process's peak memory so far: how the dataset's writing is traced in a
 * real run.
 */
function traced(conn: DuckDBConnection): DuckDBConnection {
  const slow = Number(process.env.XXGK_SQL_TIMES);
  if (!slow) return conn;
  const run = conn.run.bind(conn);
  conn.run = (async (sql: string, ...rest: unknown[]) => {
    const t0 = performance.now();
    let failed = false;
    try {
      return await (run as (...a: unknown[]) => ReturnType<DuckDBConnection['run']>)(sql, ...rest);
    } catch (e) {
      failed = true;
      throw e;
    } finally {
      const ms = performance.now() - t0;
      // the statement that failed is printed whatever its time: which one ran out of memory
      // with the process's peak so far, the statement that raised it shows
      const peak = `, peak ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`;
      if (ms >= slow || failed) process.stderr.write(`[sql ${(ms / 1000).toFixed(1)} s${peak}${failed ? ' FAILED' : ''}] ${sql.replace(/\s+/g, ' ').slice(0, 140)}\n`);
    }
  }) as DuckDBConnection['run'];
  return conn;
}

async function rowsOf(conn: DuckDBConnection, q: Sql | string): Promise<Record<string, unknown>[]> {
  const sql = typeof q === 'string' ? { sql: q, params: [] } : q;
  const reader = await conn.runAndReadAll(sql.sql, sql.params as never);
  return reader.getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
}

/**
 * A run adds to the dataset at `out` only when it can: a folder that is not a dataset is never
 * replaced by one (it would be deleted in the swap), and the rows of a dataset written by
 * another version of the contract are not mixed with this version's (`--fresh` rebuilds it
 * from the report files).
 */
function checkExisting(out: string): void {
  if (!existsSync(out)) return;
  const manifestFile = join(out, 'manifest.json');
  if (!existsSync(manifestFile)) {
    if (readdirSync(out).length) throw new UserError(`输出文件夹 ${out} 已存在且不是数据集（没有 manifest.json），未改动；请换一个 --out / the output folder ${out} exists and is not a dataset (no manifest.json); left as it is: choose another --out`, 64);
    return;
  }
  let version: unknown;
  try {
    version = (JSON.parse(readFileSync(manifestFile, 'utf8')) as { schema_version?: unknown }).schema_version;
  } catch {
    version = undefined;
  }
  if (version !== SCHEMA_VERSION) {
    throw new UserError(`数据集 ${out} 由另一版数据约定写出（schema_version ${String(version ?? '无')}，本版为 ${SCHEMA_VERSION}），不能在其上增量导入；请加 --fresh 从报告文件重新导入 / the dataset ${out} was written by another version of the data contract (schema_version ${String(version ?? 'none')}, this version writes ${SCHEMA_VERSION}) and cannot be added to: run again with --fresh to rebuild it from the report files`, 64);
  }
}

export class DatasetBuilder {
  /** Seconds spent in each step of `finish`, in order (for the run's summary and the benchmarks). */
  readonly phases: Record<string, number> = {};
  private traceConn: DuckDBConnection | null = null;
  private sampler: NodeJS.Timeout | null = null;
  /**
   * Which contents the work database may hold, for `known` (null until the first lookup). A
   * window committed while the filter is being read is added to it once it is read, whether
   * the read saw that window or not.
   */
  private shas: Promise<ShaFilter> | null = null;
  /** Which paths the work database may hold (path-rows.ts), as `shas` for contents. */
  private paths: Promise<ShaFilter> | null = null;
  /** Windows added by this process (their files' names). */
  private windows = 0;
  /** DuckDB's own number of threads, while READING_THREADS are set for the windows (null before the first window). */
  private threads: number | null = null;

  /**
   * `conn` writes; `lookups` reads (sources, known files) while `conn` appends the previous
   * window, so the files of the next window can be read and sent for parsing meanwhile.
   */
  private constructor(readonly out: string, readonly work: string, private db: DuckDBInstance, readonly conn: DuckDBConnection, readonly lookups: DuckDBConnection) {}

  /**
   * Opens the work database: continues an interrupted run, or starts from the dataset already
   * at `out` (incremental), or from nothing.
   */
  static async open(outDir: string, opts: { fresh?: boolean } = {}): Promise<DatasetBuilder> {
    const out = resolve(outDir);
    recoverInterrupted(out);
    const work = `${out}.work`;
    // a work database is continued only if it was set up completely (the marker is written last)
    const marker = join(work, 'started');
    // ... and by this version of the contract: one of another version is started again
    const current = existsSync(marker) && readFileSync(marker, 'utf8').includes(`schema ${SCHEMA_VERSION}\n`);
    if (opts.fresh || !current) rmSync(work, { recursive: true, force: true });
    if (!opts.fresh) checkExisting(out);
    const resuming = existsSync(marker);
    mkdirSync(work, { recursive: true });
    // Bounded memory whatever the corpus: DuckDB spills to disk beyond its limit. The limit only
    // covers DuckDB's buffers; without the allocator's background threads, memory freed by one
    // statement stayed with the process, and its RSS reached about twice the limit while the
    // dataset was written (1,150 MB against 817 MB with them, layout at 100,000 reports).
    const db = await DuckDBInstance.create(join(work, 'work.duckdb'), {
      memory_limit: READING_MEMORY, temp_directory: join(work, 'spill'), preserve_insertion_order: 'false', allocator_background_threads: 'true',
    });
    const conn = traced(await db.connect());
    const b = new DatasetBuilder(out, work, db, conn, await db.connect());
    if (!resuming) {
      await conn.run('BEGIN TRANSACTION');
      await conn.run(`CREATE TABLE reports (${columns('reports')})`);
      await conn.run(`CREATE TABLE cells (${columns('cells')}, seq INTEGER NOT NULL)`);
      await conn.run(`CREATE TABLE findings (${columns('findings')}, seq INTEGER NOT NULL)`);
      if (!opts.fresh && existsSync(join(out, 'manifest.json'))) await b.importExisting();
      await conn.run('COMMIT');
      await conn.run('CHECKPOINT');
      writeFileSync(marker, `${new Date().toISOString()}\nschema ${SCHEMA_VERSION}\n`);
    }
    // (a work database of an earlier version has no such table; its cells are all in `cells`)
    await conn.run('CREATE TABLE IF NOT EXISTS cell_files (file VARCHAR NOT NULL)');
    await conn.run(RAW_PATHS_TABLE);
    await b.dropUnlisted();
    return b;
  }

  /** Removes a window's file written by a run killed before its window committed (its files are read again). */
  private async dropUnlisted(): Promise<void> {
    const dir = join(this.work, PENDING_DIR);
    mkdirSync(dir, { recursive: true });
    const listed = new Set((await this.rows('SELECT file FROM cell_files')).map((r) => String(r.file)));
    for (const f of readdirSync(dir)) if (!listed.has(f)) rmSync(join(dir, f), { force: true });
  }

  /** The files of the committed windows, whose cells are not in the table `cells`. */
  private async pendingFiles(): Promise<string[]> {
    return (await this.rows('SELECT file FROM cell_files ORDER BY file')).map((r) => join(this.work, PENDING_DIR, String(r.file)));
  }

  /** Every cell: the table `cells` and those of the windows still in their files. */
  private async allCells(): Promise<string> {
    const files = await this.pendingFiles();
    return files.length ? `(SELECT * FROM cells UNION ALL SELECT * FROM read_parquet([${files.map(sqlString).join(', ')}]))` : 'cells';
  }

  /**
   * Moves the cells of the committed windows from their files into the table `cells`, in one
   * statement: where the cells are sorted a slice at a time, and each slice's statements read the
   * table rather than the files.
   */
  async loadPendingCells(): Promise<void> {
    const files = await this.pendingFiles();
    if (!files.length) return;
    await this.conn.run('BEGIN TRANSACTION');
    try {
      await this.conn.run(`INSERT INTO cells SELECT * FROM read_parquet([${files.map(sqlString).join(', ')}])`);
      await this.conn.run('DELETE FROM cell_files');
      await this.conn.run('COMMIT');
    } catch (e) {
      await this.conn.run('ROLLBACK');
      throw e;
    }
    for (const f of files) rmSync(f, { force: true });
  }

  /** The rows of the dataset at `out`, less the checks across reports (they are run again). */
  private async importExisting(): Promise<void> {
    const p = (t: string) => sqlString(join(this.out, `${t}.parquet`));
    await this.conn.run(`INSERT INTO reports SELECT ${TABLES.reports.map((c) => `"${c.name}"`).join(', ')} FROM ${p('reports')}`);
    // each report's cells and findings keep the order they were written in
    const rows = (t: string) => `read_parquet(${p(t)}, file_row_number = true)`;
    await this.conn.run(`INSERT INTO cells SELECT ${TABLES.cells.map((c) => `"${c.name}"`).join(', ')}, row_number() OVER (PARTITION BY report_id ORDER BY file_row_number) FROM ${rows('cells')}`);
    await this.conn.run(`INSERT INTO findings SELECT ${TABLES.findings.map((c) => `"${c.name}"`).join(', ')}, row_number() OVER (PARTITION BY report_id ORDER BY file_row_number) FROM ${rows('findings')} WHERE rule NOT IN (${CROSS_RULES.map((r) => `'${r}'`).join(', ')})`);
  }

  /**
   * Adds the rows of another dataset (a shard written by another machine): a file already here
   * (same content, same path) is left as it is; the same content under another path becomes a
   * row that names the file it repeats, as the ingest records repeated files.
   */
  async mergeShard(dir: string): Promise<{ added: number; repeated: number; known: number }> {
    const p = (t: string) => sqlString(join(resolve(dir), `${t}.parquet`));
    const cols = (t: TableName) => TABLES[t].map((c) => `"${c.name}"`).join(', ');
    await this.conn.run('BEGIN TRANSACTION');
    try {
      await this.conn.run(`CREATE OR REPLACE TEMP TABLE shard AS SELECT ${cols('reports')} FROM ${p('reports')}`);
      const [counts] = await this.rows(`SELECT
        count(*) FILTER (WHERE s.report_id NOT IN (SELECT report_id FROM reports))::INTEGER AS added,
        count(*) FILTER (WHERE s.report_id IN (SELECT report_id FROM reports) AND (s.source_sha256, s.source_path) NOT IN (SELECT source_sha256, source_path FROM reports))::INTEGER AS repeated
        FROM shard s`);
      const [{ n }] = await this.rows('SELECT count(*)::INTEGER AS n FROM shard');
      await this.conn.run(`CREATE OR REPLACE TEMP TABLE shard_new AS SELECT report_id FROM shard WHERE report_id NOT IN (SELECT report_id FROM reports)`);
      await this.conn.run(`INSERT INTO reports SELECT * FROM shard WHERE report_id IN (SELECT report_id FROM shard_new)`);
      const rows = (t: string) => `read_parquet(${p(t)}, file_row_number = true)`;
      await this.conn.run(`INSERT INTO cells SELECT ${cols('cells')}, row_number() OVER (PARTITION BY report_id ORDER BY file_row_number)
        FROM ${rows('cells')} WHERE report_id IN (SELECT report_id FROM shard_new)`);
      await this.conn.run(`INSERT INTO findings SELECT ${cols('findings')}, row_number() OVER (PARTITION BY report_id ORDER BY file_row_number)
        FROM ${rows('findings')} WHERE report_id IN (SELECT report_id FROM shard_new) AND rule NOT IN (${CROSS_RULES.map((r) => `'${r}'`).join(', ')})`);
      // same content under another path: the row a repeated file gets (ingest-batch.ts copyOf)
      await this.conn.run(`INSERT INTO reports (${cols('reports')})
        SELECT substr(sha256(s.source_sha256 || chr(10) || s.source_path), 1, 16), s.source_path, s.source_sha256, NULL, s.source_format, s.source_url,
          'failed', '与「' || first.source_path || '」内容完全相同，按同一份报告计 / byte-identical to ' || first.source_path,
          NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'unknown', NULL, 0, 0
        FROM shard s JOIN reports first ON first.report_id = s.report_id
        WHERE s.report_id NOT IN (SELECT report_id FROM shard_new) AND (s.source_sha256, s.source_path) NOT IN (SELECT source_sha256, source_path FROM reports)`);
      await this.conn.run('DROP TABLE shard');
      await this.conn.run('DROP TABLE shard_new');
      await this.conn.run('COMMIT');
      // read again from the database at the next lookup
      this.shas = null;
      this.paths = null;
      return { added: Number(counts.added), repeated: Number(counts.repeated), known: Number(n) - Number(counts.added) - Number(counts.repeated) };
    } catch (e) {
      await this.conn.run('ROLLBACK');
      throw e;
    }
  }

  /** The paths under which the dataset already has each of these contents (SHA-256). */
  async known(shas: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    const filter = await (this.shas ??= readShaFilter(this.lookups));
    const maybe = [...new Set(shas)].filter((s) => filter.mayHave(s));
    if (!maybe.length) return out;
    const reader = await this.lookups.runAndReadAll(knownFilesSql(maybe));
    for (const [sha, path] of reader.getRows()) {
      if (!out.has(String(sha))) out.set(String(sha), []);
      out.get(String(sha))!.push(String(path));
    }
    return out;
  }

  /** The contents the dataset holds at each of these paths (a path held before by other contents is replaced). */
  async contentsAt(paths: string[]): Promise<Map<string, string[]>> {
    if (!paths.length) return new Map();
    const filter = await (this.paths ??= readPathFilter(this.lookups));
    return contentsAt(this.lookups, [...new Set(paths)].filter((p) => filter.mayHave(pathKey(p))));
  }

  /**
   * With XXGK_MEM_TRACE set, one line to stderr: the process's memory against DuckDB's own
   * account of it (duckdb_memory(), by tag), to see what grows while a corpus is read; `more`
   * gives figures the builder does not know (the worker threads' heaps), only when tracing.
   */
  async traceMemory(label: string, more = () => ''): Promise<void> {
    if (!process.env.XXGK_MEM_TRACE) return;
    // a trace never fails the ingest it watches
    await this.writeTrace(label, more()).catch((e: Error) => process.stderr.write(`[mem ${label}] ${e.message}\n`));
  }

  private async writeTrace(label: string, more: string): Promise<void> {
    const m = process.memoryUsage();
    this.traceConn ??= await this.db.connect();
    const reader = await this.traceConn.runAndReadAll(`SELECT tag, memory_usage_bytes::BIGINT, temporary_storage_bytes::BIGINT FROM duckdb_memory() WHERE memory_usage_bytes > 0 OR temporary_storage_bytes > 0 ORDER BY 2 DESC`);
    const mb = (n: unknown) => Math.round(Number(n) / 1048576);
    const tags = reader.getRows().map(([tag, used, spill]) => `${tag}=${mb(used)}${Number(spill) ? `+${mb(spill)}t` : ''}`);
    const duck = reader.getRows().reduce((s, r) => s + Number(r[1]), 0);
    // the peak so far (Linux): a peak between two samples shows as a rise here
    const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    process.stderr.write(`[mem ${label}] rss=${mb(m.rss)} peak=${hwm ? mb(Number(hwm) * 1024) : '?'} heap=${mb(m.heapUsed)}/${mb(m.heapTotal)}${more ? ` ${more}` : ''} ext=${mb(m.external)} ab=${mb(m.arrayBuffers)} duckdb=${mb(duck)} ${tags.join(' ')}\n`);
  }

  async count(): Promise<number> {
    const reader = await this.conn.runAndReadAll('SELECT count(*)::INTEGER FROM reports');
    return Number(reader.getRows()[0][0]);
  }

  /**
   * Appends the rows of some files in one transaction (all or nothing if the run dies): their
   * reports and findings to the database, their cells to a Parquet file of their own that the
   * transaction lists.
   */
  async add(batch: (FileResult | EncodedResult)[], extras: WindowExtras = {}): Promise<{ path: string; raw: Buffer | null }[]> {
    const replace = [...new Set(extras.replace ?? [])];
    const raws = extras.raws ?? [];
    if (!batch.length && !replace.length && !raws.length) return [];
    // the rows a replacement removes; cells of this run's windows are first moved from their files into the table, where they can be
    const old = await rowsAt(this.conn, replace);
    if (old.ids.length && (await inFiles(this.conn, await this.pendingFiles(), old.ids))) await this.loadPendingCells();
    if (this.threads === null) {
      this.threads = Number((await this.conn.runAndReadAll(`SELECT current_setting('threads')`)).getRows()[0][0]);
      await this.conn.run(`SET threads = ${READING_THREADS}`);
    }
    const csvFile = join(this.work, 'window-cells.csv');
    const name = `${process.pid}-${Date.now()}-${this.windows++}.parquet`;
    const file = join(this.work, PENDING_DIR, name);
    const lines = batch.map((f) => ('cellsCsv' in f ? f.cellsCsv : cellsCsvBytes(f.cells)));
    const bytes = lines.reduce((n, l) => n + l.length, 0);
    const fd = openSync(csvFile, 'w');
    try {
      // the reports' lines in one call, not a write each (libuv writes them all, in pieces if it must)
      const written = writevSync(fd, lines);
      if (written !== bytes) throw new Error(`wrote ${written} of ${bytes} bytes to ${csvFile}`);
    } finally {
      closeSync(fd);
    }
    let orphans: { path: string; raw: Buffer | null }[] = [];
    await this.conn.run('BEGIN TRANSACTION');
    try {
      await deleteRowsAt(this.conn, replace, old.ids);
      const reports = await this.conn.createAppender('reports');
      const findings = await this.conn.createAppender('findings');
      for (const f of batch) {
        const r = f.report;
        if (r.agency_name && r.status !== 'failed') r.agency_id = stableId(agencyKey(r.agency_name, r));
        for (const col of TABLES.reports) append(reports, col, (r as unknown as Record<string, unknown>)[col.name]);
        reports.endRow();
        f.findings.forEach((x, i) => {
          for (const col of TABLES.findings) append(findings, col, (x as unknown as Record<string, unknown>)[col.name]);
          findings.appendInteger(i);
          findings.endRow();
        });
      }
      reports.closeSync();
      findings.closeSync();
      if (bytes) {
        await this.conn.run(`COPY (SELECT * FROM ${readCellsCsv(csvFile)}) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd)`);
        // on disk before the transaction that lists it commits, as DuckDB's own log is
        const pq = openSync(file, 'r');
        try {
          fsyncSync(pq);
        } finally {
          closeSync(pq);
        }
        await this.conn.run(`INSERT INTO cell_files VALUES (${sqlString(name)})`);
      }
      await recordRawPaths(this.conn, raws);
      // copies of a content whose first file was replaced, or that name a file replaced meanwhile
      const copies = batch.filter((f) => f.report.report_id !== f.report.source_sha256.slice(0, 16) && / byte-identical to /.test(f.report.status_reason ?? ''));
      if (replace.length || copies.length) orphans = await orphanCopies(this.conn, [...old.shas, ...copies.map((f) => f.report.source_sha256)]);
      await this.conn.run('COMMIT');
    } catch (e) {
      await this.conn.run('ROLLBACK');
      rmSync(file, { force: true });
      throw e;
    } finally {
      rmSync(csvFile, { force: true });
    }
    if (this.shas) {
      const filter = await this.shas;
      for (const f of batch) filter.add(f.report.source_sha256);
    }
    if (this.paths) {
      const filter = await this.paths;
      for (const f of batch) filter.add(pathKey(f.report.source_path));
    }
    return orphans;
  }

  /**
   * The cells of `from` (every cell `t`, from the table or the windows' files, joined to their
   * report's place `r`) sorted by report and place in one statement, straight into the
   * contract's `file`; each part is then a range of that file's rows, reports of a part being
   * consecutive in that order (their agency id, or their own id, begins with the part's digits).
   */
  private async sortCellsOnce(file: string, cols: string, from: string, parquet: string): Promise<SortedCells> {
    await this.conn.run(`COPY (SELECT ${cols} FROM ${from} ORDER BY r.n, t.seq) TO ${sqlString(file)} ${parquet}`);
    const ranges = (await this.rows(`WITH c AS (SELECT report_id, count(*) AS cells FROM read_parquet(${sqlString(file)}) GROUP BY report_id),
      o AS (SELECT r.part, c.cells, sum(c.cells) OVER (ORDER BY r.n ROWS UNBOUNDED PRECEDING) AS upto FROM report_order r JOIN c USING (report_id))
      SELECT part, min(upto - cells)::BIGINT AS first, max(upto - 1)::BIGINT AS last, sum(cells)::BIGINT AS cells FROM o GROUP BY part ORDER BY part`))
      .map((r) => ({ part: String(r.part), first: Number(r.first), last: Number(r.last), cells: Number(r.cells) }));
    // a part whose reports were not consecutive would take another part's rows: never written
    const broken = ranges.find((r) => r.last - r.first + 1 !== r.cells);
    if (broken) throw new Error(`the cells of part ${broken.part} are not consecutive in ${file}`);
    return cellsInRows(file, ranges);
  }

  /**
   * The rows of `select` (cells with their report's `slice`, `part` and place `n`, and their
   * own `seq`), sorted by report and place, without slice, n and seq: Parquet files in `dir`, in
   * order one after the other, each with the first and last part it holds. A slice at a time,
   * staged in one pass, so that no sort holds more than a slice's cells, whatever the corpus:
   * one sort of all 199 million cells of a million reports spilled 27 GB.
   */
  private async sortCellsInSlices(dir: string, select: string, slices: number, parquet: string): Promise<{ file: string; first: string; last: string }[]> {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const sorted = async (from: string, i: number) => {
      const file = join(dir, `${i}.parquet`);
      await this.conn.run(`COPY (SELECT * EXCLUDE (n, seq) FROM ${from} ORDER BY n, seq) TO ${sqlString(file)} ${parquet}`);
      const [first, last] = (await this.conn.runAndReadAll(`SELECT min(part), max(part) FROM read_parquet(${sqlString(file)})`)).getRows()[0];
      return { file, first: String(first ?? ''), last: String(last ?? '') };
    };
    const stage = join(dir, 'stage');
    const parts = await stageSlices(this.conn, stage, select);
    // no cells at all: a staged copy has no file then
    if (!parts.length) return [await sorted(`(SELECT * EXCLUDE (slice) FROM (${select}))`, 0)];
    const files = [];
    for (const [i, from] of parts.entries()) files.push(await sorted(from, i));
    rmSync(stage, { recursive: true, force: true });
    return files;
  }

  private rows(q: Sql | string): Promise<Record<string, unknown>[]> {
    return rowsOf(this.conn, q);
  }

  /**
   * Agencies from the reports' agency ids: canonical name of the latest year, every printed name
   * with its years. Grouped a slice of agencies at a time: one grouping of every agency (with
   * their names and lists) ran out of memory at a million reports under a 400 MB limit.
   */
  private async agencies(slices: number): Promise<void> {
    // the columns' types without their NOT NULL, as the single grouping's CREATE TABLE AS had
    await this.conn.run(`CREATE OR REPLACE TABLE agencies (${TABLES.agencies.map((c) => `"${c.name}" ${c.type}`).join(', ')})`);
    for (let i = 0; i < slices; i++) {
      await this.conn.run(`INSERT INTO agencies
        WITH r AS (SELECT * FROM reports WHERE agency_id IS NOT NULL AND hash(agency_id) % ${slices} = ${i}),
        latest AS (
          SELECT agency_id, arg_max(agency_name, (coalesce(year, 0), source_path)) AS canonical_name,
            arg_max(agency_kind, (coalesce(year, 0), source_path)) AS agency_kind, arg_max(admin_level, (coalesce(year, 0), source_path)) AS admin_level,
            arg_max(region_code, (coalesce(year, 0), source_path)) AS region_code, arg_max(province, (coalesce(year, 0), source_path)) AS province,
            arg_max(city, (coalesce(year, 0), source_path)) AS city, arg_max(county, (coalesce(year, 0), source_path)) AS county,
            min(year)::INTEGER AS first_year, max(year)::INTEGER AS last_year, count(*)::INTEGER AS report_count
          FROM r GROUP BY agency_id
        ),
        names AS (
          SELECT agency_id, agency_name AS name, min(year)::INTEGER AS first_year, max(year)::INTEGER AS last_year FROM r GROUP BY ALL
        ),
        aliases AS (
          SELECT agency_id, list({'name': name, 'first_year': first_year, 'last_year': last_year} ORDER BY first_year NULLS FIRST, name) AS aliases FROM names GROUP BY agency_id
        )
        SELECT ${TABLES.agencies.map((c) => `"${c.name}"`).join(', ')} FROM latest JOIN aliases USING (agency_id)`);
    }
  }

  /** What the dashboard shows first, with its own SQL over the site layout just written, before DuckDB has started in the browser. */
  private async summary(dir: string, index: SiteIndex) {
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    try {
      for (const sql of siteViewsSql(dir, index)) await conn.run(sql);
      return {
        overview: { totals: (await rowsOf(conn, overviewTotals(NO_FILTERS)))[0], byYear: await rowsOf(conn, overviewByYear(NO_FILTERS)) },
        years: (await rowsOf(conn, yearsPresent()))[0],
        regions: await rowsOf(conn, regionsPresent()),
      };
    } finally {
      conn.closeSync();
      db.closeSync();
    }
  }

  /** `cells`: the relation holding every cell. */
  private async digest(cells: string): Promise<string> {
    const h = createHash('sha256');
    for (const t of Object.keys(TABLES) as TableName[]) {
      const cols = TABLES[t].map((c) => `"${c.name}"`).join(', ');
      // order-free: the sum of the rows' hashes, with the count
      const [row] = await this.rows(`SELECT count(*)::BIGINT AS n, sum(hash(${cols})::HUGEINT)::VARCHAR AS s FROM ${t === 'cells' ? cells : t}`);
      h.update(`${t}:${row.n}:${row.s}\n`);
    }
    return h.digest('hex');
  }

  private async timed<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      this.phases[phase] = (this.phases[phase] ?? 0) + (performance.now() - t0) / 1000;
      await this.traceMemory(`after ${phase}`);
    }
  }

  async finish(meta: { generator: string; synthetic?: boolean; copySources?: boolean }): Promise<Manifest> {
    if (process.env.XXGK_MEM_TRACE) this.sampler = setInterval(() => void this.traceMemory('writing'), 5000);
    try {
      return await this.write(meta);
    } finally {
      clearInterval(this.sampler ?? undefined);
    }
  }

  private async write(meta: { generator: string; synthetic?: boolean; copySources?: boolean }): Promise<Manifest> {
    await this.conn.run(`SET memory_limit = ${sqlString(WRITING_MEMORY)}`);
    if (this.threads !== null) await this.conn.run(`SET threads = ${this.threads}`);
    const reports = Number((await this.rows('SELECT count(*)::BIGINT AS n FROM reports'))[0].n);
    const slices = cellSlices(reports);
    // Over ONE_SORT_REPORTS the cells are first loaded into the table, and the statements that
    // sort them a slice at a time, and all that read them after, read the table, as they did
    // before the windows' files (not re-measured at a million reports with the files read)
    if (slices > 1) await this.timed('load', () => this.loadPendingCells());
    const parent = dirname(this.out);
    const tmp = join(parent, `${basename(this.out)}.tmp-${process.pid}-${Date.now()}`);
    mkdirSync(tmp);
    try {
      // Cells and findings follow their reports, ordered by agency (whose id's first hex digits
      // are its detail bucket on the dashboard), year and id; reports of no agency by their id.
      // So the cells are sorted once, for the contract and for the dashboard's buckets alike: a
      // second full sort of every cell into the buckets is not needed.
      // Up to ONE_SORT_REPORTS in one statement straight into the contract's file; beyond, a slice
      // of reports at a time, each slice consecutive in that order.
      await this.timed('parquet', () => this.conn.run(`CREATE OR REPLACE TEMP TABLE report_order AS
        SELECT *, ((n - 1)::BIGINT * ${slices} // ${Math.max(1, reports)})::INTEGER AS slice FROM (
          SELECT report_id, ${detailBucketSql(bucketDigits(reports))} AS part,
            row_number() OVER (ORDER BY coalesce(agency_id, report_id), year NULLS FIRST, report_id)::INTEGER AS n FROM reports)`));
      const order: Record<TableName, string> = {
        reports: 't.source_path, t.report_id',
        cells: 'r.n, t.seq', // the order sortCellsOnce and sortCellsInSlices give
        findings: 'r.n, t.seq, t.rule, t.metric, t.applicant',
        agencies: 't.region_code NULLS LAST, t.canonical_name, t.agency_id',
      };
      // every cell in order: sorted once, for the contract and for the buckets alike, the first
      // table written; what reads the cells after it (the checks, the dashboard's tables, the
      // digest) reads the contract's file when they were sorted in one statement, the table
      // when they were loaded into it
      const sortedDir = join(this.work, 'cells-sorted');
      let sortedCells: SortedCells = { counts: [], of: () => '' };
      const rowsOf = new Map<TableName, number>();
      const parquet = `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`;
      const cellsFile = join(tmp, 'cells.parquet');
      const cells = slices === 1 ? `read_parquet(${sqlString(cellsFile)})` : 'cells';
      const cols = (t: TableName) => TABLES[t].map((c) => `t."${c.name}"`).join(', ');
      await this.timed('parquet', async () => {
        const from = `${await this.allCells()} t JOIN report_order r ON r.report_id = t.report_id`;
        if (slices === 1) {
          sortedCells = await this.sortCellsOnce(cellsFile, cols('cells'), from, parquet);
        } else {
          const sorted = await this.sortCellsInSlices(sortedDir, `SELECT r.slice, r.part, ${cols('cells')}, r.n, t.seq FROM ${from}`, slices, parquet);
          sortedCells = await cellsInPartFiles(this.conn, sorted);
          await inStoredOrder([this.conn], () => this.conn.run(`COPY (SELECT * EXCLUDE (part) FROM read_parquet([${sorted.map((f) => sqlString(f.file)).join(', ')}])) TO ${sqlString(cellsFile)} ${parquet}`));
        }
        rowsOf.set('cells', Number((await this.rows(`SELECT count(*)::BIGINT AS n FROM ${cells}`))[0].n));
      });
      await this.timed('checks', async () => {
        const agencySlices = slicesFor(reports, AGENCY_SLICE_REPORTS);
        await this.conn.run(`DELETE FROM findings WHERE rule IN (${CROSS_RULES.map((r) => `'${r}'`).join(', ')})`);
        await this.agencies(agencySlices);
        for (const sql of crossReportSql(agencySlices, cells)) await this.conn.run(sql);
      });
      for (const t of ['reports', 'findings', 'agencies'] as const) {
        const file = join(tmp, `${t}.parquet`);
        const from = t === 'findings' ? `${t} t JOIN report_order r ON r.report_id = t.report_id` : `${t} t`;
        await this.timed('parquet', async () => {
          await this.conn.run(`COPY (SELECT ${cols(t)} FROM ${from} ORDER BY ${order[t]}) TO ${sqlString(file)} ${parquet}`);
          rowsOf.set(t, Number((await this.rows(`SELECT count(*)::BIGINT AS n FROM ${t}`))[0].n));
        });
      }
      await this.conn.run('DROP TABLE report_order');
      // in the contract's order of tables, whatever the order they were written in
      const files: Manifest['files'] = {};
      const counts = {} as Record<TableName, number>;
      for (const t of Object.keys(TABLES) as TableName[]) {
        counts[t] = rowsOf.get(t)!;
        files[`${t}.parquet`] = { rows: counts[t], bytes: statSync(join(tmp, `${t}.parquet`)).size };
      }
      const site = await this.timed('site', () => writeSite([this.conn, this.lookups], tmp, join(this.work, 'site-stage'), reports, sortedCells, cells));
      rmSync(sortedDir, { recursive: true, force: true });
      writeFileSync(join(tmp, 'site.json'), `${JSON.stringify(site)}\n`);
      writeFileSync(join(tmp, 'summary.json'), `${JSON.stringify(await this.timed('site', () => this.summary(tmp, site)))}\n`);
      let sources = false;
      if (meta.copySources) {
        // the reports themselves, named by report id, for the dashboard's links to sources
        mkdirSync(join(tmp, 'sources'));
        // from the file the row was read from (by its bytes when its name is not UTF-8), and only while it still holds what was read
        const raws = await rawPathsOf(this.conn);
        for (const r of await this.rows(`SELECT report_id, source_path, source_sha256 FROM reports WHERE status <> 'failed'`)) {
          const bytes = sourceCopyBytes(raws.get(String(r.source_path)) ?? resolve(String(r.source_path)), String(r.source_sha256));
          if (bytes) {
            // never under a name a browser would run (model/source-copy.ts)
            writeFileSync(join(tmp, 'sources', sourceCopyName(String(r.report_id), String(r.source_path))), bytes);
            sources = true;
          }
        }
      }
      const manifest: Manifest = {
        schema_version: SCHEMA_VERSION, generator: meta.generator, built_at: new Date().toISOString(), synthetic: meta.synthetic ?? false,
        row_counts: counts, rows_digest: await this.timed('digest', () => this.digest(cells)), files, sources, site: true,
      };
      writeFileSync(join(tmp, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
      this.close();
      const aside = `${this.out}.old-${process.pid}-${Date.now()}`;
      if (existsSync(this.out)) renameSync(this.out, aside);
      renameSync(tmp, this.out);
      // renamed before it is deleted: a deletion cut short never leaves a part of it looking like a dataset (dataset-recovery.ts)
      retire(aside, this.out);
      rmSync(this.work, { recursive: true, force: true });
      return manifest;
    } catch (e) {
      if (existsSync(tmp)) retire(tmp, this.out);
      throw e;
    }
  }

  close(): void {
    clearInterval(this.sampler ?? undefined);
    this.traceConn?.closeSync();
    this.lookups.closeSync();
    this.conn.closeSync();
    this.db.closeSync();
  }
}
