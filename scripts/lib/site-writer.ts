/**
 * Writes the dashboard's layout (src/model/site.ts) from a DuckDB connection holding the
 * dataset's tables: each site table by partition, one Parquet file per part, rows ordered for
 * the filters, and site.json listing what was written.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { bucketDigits, SITE_TABLES, type SiteIndex, type SiteTable } from '../../src/model/site.ts';
import { factsSql } from '../../src/queries/facts.ts';
import { MEASURE_KEY_IDS, measureCells, measureCoarseIds, measureKeyCoarse, measuresByIdsSql, measuresByKeySql, reportKeyIds, siteTableSql } from '../../src/queries/site-sql.ts';
import { sqlString } from './sql-literal.ts';

/**
 * Row order inside each file: the columns the views filter and group on first. The cells are
 * not sorted here: they come sorted with the contract's cells (dataset-builder.ts), their
 * reports by agency, year and id, each report's cells as printed.
 */
export const SITE_ORDER: Record<Exclude<SiteTable, 'cells'>, string> = {
  rollup: 'year, region_code, agency_kind, admin_level, template, status',
  agency_masks: 'region_code, agency_kind, admin_level',
  agency_years: 'agency_id, year',
  measures: 'measure, applicant, year, region_code',
  rules: 'rule, year, region_code',
  problems: 'year, region_code, report_id',
  agency_facts: 'agency_id, year',
  agency_index: 'region_code, canonical_name, agency_id',
  reports: 'agency_id, year, source_path',
  findings: 'report_id, rule, metric, applicant',
  agencies: 'agency_id',
};

/**
 * Reports per slice when the cells are sorted a slice at a time. Slices of 5,000 reports sort
 * without spilling and lowered the peak at 100,000 reports (1,045–1,159 MB, writing only, 4 runs,
 * against 1,174–1,250 with 25,000), but at a million their 200 slices made staging slower (119 s
 * against 78 s) and the run's peak higher (1,618 MB against 1,309): docs/scale.md.
 */
export const CELL_SLICE_REPORTS = 25_000;
/**
 * Up to this many reports the cells are sorted in one statement, straight into the contract's
 * file: at 100,000 reports 9.5–11.8 s, against 18.5–21.6 s for staging four slices, sorting each
 * into a file of its own and copying those into the contract (docs/scale.md). Every write of
 * all the cells to Parquet costs about 4 s there; one sort saves two of them. That sort spilled
 * about 1.1 GB at 100,000 reports (so about 2.2 GB at this bound, which was not timed); at a
 * million one sort spilled 27 GB, so larger corpora keep the slices.
 */
export const ONE_SORT_REPORTS = 200_000;
/** Reports per slice when the agencies are grouped a slice of agencies at a time. */
export const AGENCY_SLICE_REPORTS = 100_000;
/** Reports per slice when the measures are summed a slice of keys at a time. */
export const MEASURE_SLICE_REPORTS = 25_000;

/** Slices of `per` reports each for `reports` reports (XXGK_SLICE_REPORTS overrides `per`: tests use small slices). */
export const slicesFor = (reports: number, per: number) => Math.max(1, Math.ceil(reports / (Number(process.env.XXGK_SLICE_REPORTS) || per)));

/** Slices the cells are sorted in: one up to ONE_SORT_REPORTS (unless XXGK_SLICE_REPORTS asks for slices). */
export const cellSlices = (reports: number) => slicesFor(reports, reports <= ONE_SORT_REPORTS ? Math.max(1, reports) : CELL_SLICE_REPORTS);

/**
 * The site's cells, sorted, for writing them a part at a time: the parts in order with their
 * number of cells, and a relation of one part's cells (the part, then the contract's columns)
 * in stored order, read from the one or two files, or the rows of a file, that hold it.
 */
export interface SortedCells {
  counts: [part: string, cells: number][];
  of: (part: string) => string;
}

/** Sorted cells in Parquet files with a part column, one after the other, each with the first and last part it holds. */
export async function cellsInPartFiles(conn: DuckDBConnection, files: { file: string; first: string; last: string }[]): Promise<SortedCells> {
  const all = `read_parquet([${files.map((f) => sqlString(f.file)).join(', ')}])`;
  return {
    counts: await partCounts(conn, all),
    of: (part) => `(SELECT * FROM read_parquet([${files.filter((f) => f.first <= part && part <= f.last).map((f) => sqlString(f.file)).join(', ')}]) WHERE part = ${sqlString(part)})`,
  };
}

/**
 * Sorted cells in one Parquet file without the part column (the contract's cells.parquet), each
 * part a range of its rows: DuckDB reads only the row groups of the range.
 */
export function cellsInRows(file: string, ranges: { part: string; first: number; last: number }[]): SortedCells {
  const range = new Map(ranges.map((r) => [r.part, r]));
  return {
    counts: ranges.map((r) => [r.part, r.last - r.first + 1]),
    of: (part) => {
      const { first, last } = range.get(part)!;
      return `(SELECT ${sqlString(part)} AS part, * EXCLUDE (file_row_number) FROM read_parquet(${sqlString(file)}, file_row_number = true) WHERE file_row_number BETWEEN ${first} AND ${last})`;
    },
  };
}

const partCounts = async (conn: DuckDBConnection, from: string): Promise<[string, number][]> =>
  (await conn.runAndReadAll(`SELECT part, count(*)::BIGINT FROM ${from} GROUP BY part ORDER BY part`)).getRows().map(([part, n]) => [String(part), Number(n)]);

/**
 * `conns[0]` must hold `reports`, `findings`, `agencies` and the relation `cells` (the work
 * database's table, or the contract's file once written); `facts` is (re)built here.
 * `sortedCells` are the site's cells, already in their order (the contract's cells.parquet holds
 * the same rows in the same order). Writes
 * `<dir>/site/<table>/<part>.parquet` and returns the index. Each other table is first
 * materialized sorted by part (a sort DuckDB can spill to disk), then written one part at a
 * time, reading only that part's row groups: memory stays bounded however many parts there
 * are (a partitioned COPY keeps a buffer open for every part). Parts are written by every
 * connection of `conns` side by side: one part's COPY keeps about one core busy. The measures,
 * which grow with the cells, are summed a slice of keys (and so of whole reports) at a time, so
 * that their grouping does not outgrow the memory limit and spill the whole table at once
 * (at a million reports, tens of GB); slices are staged as Parquet under `scratch` in one pass.
 */
export async function writeSite(conns: DuckDBConnection[], dir: string, scratch: string, reports: number, sortedCells: SortedCells, cells = 'cells'): Promise<SiteIndex> {
  const [conn] = conns;
  const digits = bucketDigits(reports);
  await conn.run(factsSql(cells));
  const index: SiteIndex = { bucket_digits: digits, parts: {} };
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  try {
    for (const table of Object.keys(SITE_TABLES) as SiteTable[]) {
      const target = join(dir, 'site', table);
      mkdirSync(target, { recursive: true });
      if (table === 'cells') {
        index.parts[table] = await writeParts(conns, target, sortedCells.counts, sortedCells.of);
        continue;
      }
      if (table === 'measures') {
        // stored, then sorted: at a million reports under 400 MB the sort fed straight from the
        // measures' joins and grouping ran out of memory, while each step alone fits
        await conn.run(`CREATE OR REPLACE TABLE measure_rows AS SELECT * FROM ${await measuresInSlices(conn, join(scratch, table), slicesFor(reports, MEASURE_SLICE_REPORTS), cells)}`);
        await sortedPart(conn, table, 'measure_rows');
        for (const t of MEASURE_TABLES) await conn.run(`DROP TABLE ${t}`);
      } else {
        await sortedPart(conn, table, `(${siteTableSql(table, digits)})`);
      }
      index.parts[table] = await writeParts(conns, target, await partCounts(conn, 'site_part'), (part) => `(SELECT * FROM site_part WHERE part = ${sqlString(part)})`);
      rmSync(join(scratch, table), { recursive: true, force: true });
    }
  } finally {
    await conn.run('DROP TABLE IF EXISTS site_part');
    rmSync(scratch, { recursive: true, force: true });
  }
  return index;
}

/**
 * Writes the rows of `select` to `stage` as Parquet partitioned by its column `slice`, in one
 * pass, and returns a relation for each slice's rows (without `slice`); none when it had no rows.
 */
export async function stageSlices(conn: DuckDBConnection, stage: string, select: string): Promise<string[]> {
  await conn.run(`COPY (${select}) TO ${sqlString(stage)} (FORMAT parquet, PARTITION_BY (slice))`);
  // slice=0, slice=1, … slice=10: in the slices' order, not the names'
  const dirs = existsSync(stage) ? readdirSync(stage).sort((a, b) => Number(a.split('=')[1]) - Number(b.split('=')[1])) : [];
  return dirs.map((d) => `(SELECT * EXCLUDE (slice) FROM read_parquet(${sqlString(join(stage, d, '*.parquet'))}))`);
}

/** The measures' tables, dropped once the measures are written. */
const MEASURE_TABLES = ['measure_rows', 'measure_sums', 'measure_key_ids', 'measure_coarse_ids', 'measure_key_coarse'];

/**
 * The measures (a relation of measuresSql rows) of the relation `cells`, summed `slices` slices at a time. A slice is a
 * set of keys, so its reports are whole and its sums by key final; keys are grouped on as numbers.
 */
async function measuresInSlices(conn: DuckDBConnection, stage: string, slices: number, cells: string): Promise<string> {
  await conn.run(`CREATE OR REPLACE TABLE measure_key_ids AS ${MEASURE_KEY_IDS}`);
  await conn.run(`CREATE OR REPLACE TABLE report_key_ids AS ${reportKeyIds('measure_key_ids')}`);
  const parts = await stageSlices(conn, stage, `SELECT c.*, hash(k.key_id) % ${slices} AS slice FROM (${measureCells(cells)}) c JOIN report_key_ids k USING (report_id)`);
  await conn.run('CREATE OR REPLACE TABLE measure_sums (key_id INTEGER, measure VARCHAR, applicant VARCHAR, value DOUBLE, reports BIGINT)');
  for (const cells of parts) await conn.run(`INSERT INTO measure_sums ${measuresByKeySql(cells, 'report_key_ids', ['key_id'])}`);
  await conn.run('DROP TABLE report_key_ids');
  await conn.run(`CREATE OR REPLACE TABLE measure_coarse_ids AS ${measureCoarseIds('measure_key_ids')}`);
  await conn.run(`CREATE OR REPLACE TABLE measure_key_coarse AS ${measureKeyCoarse('measure_key_ids', 'measure_coarse_ids')}`);
  return `(${measuresByIdsSql('measure_sums', 'measure_key_ids', 'measure_coarse_ids', 'measure_key_coarse')})`;
}

/** Table site_part: the rows of `from` with the table's columns, sorted by part and the table's order. */
async function sortedPart(conn: DuckDBConnection, table: Exclude<SiteTable, 'cells'>, from: string): Promise<void> {
  const cols = SITE_TABLES[table].map((c) => `"${c.name}"::${c.type} AS "${c.name}"`).join(', ');
  await conn.run(`CREATE OR REPLACE TABLE site_part AS SELECT ${cols} FROM ${from} ORDER BY part, ${SITE_ORDER[table]}`);
}

/**
 * Runs `work` with every connection of `conns` keeping rows in stored order: a sorted table
 * (created with ORDER BY) or a sorted Parquet file is then copied as it is, not sorted again.
 * The work database's own setting is put back afterwards.
 */
export async function inStoredOrder<T>(conns: DuckDBConnection[], work: () => Promise<T>): Promise<T> {
  const before = (await conns[0].runAndReadAll(`SELECT current_setting('preserve_insertion_order')`)).getRows()[0][0];
  for (const c of conns) await c.run('SET preserve_insertion_order = true');
  try {
    return await work();
  } finally {
    for (const c of conns) await c.run(`SET preserve_insertion_order = ${before ? 'true' : 'false'}`);
  }
}

/**
 * One Parquet file per part (`counts`: the parts, in order, with their rows), `partOf` giving a
 * part's rows in stored order: each copied as it is rather than sorted again (about a quarter
 * cheaper for the bucketed cells, measured at 100,000 reports), by all of `conns` at once.
 */
async function writeParts(conns: DuckDBConnection[], target: string, counts: [string, number][], partOf: (part: string) => string): Promise<SiteIndex['parts'][string]> {
  const names = counts.map(([part]) => part);
  for (const name of names) if (!/^[0-9A-Za-z._-]+$/.test(name)) throw new Error(`unexpected partition name ${name}`);
  const file = (name: string) => join(target, `${name}.parquet`);
  let next = 0;
  const copyNext = async (c: DuckDBConnection) => {
    for (let i; (i = next++) < names.length;) {
      await c.run(`COPY (SELECT * FROM ${partOf(names[i])}) TO ${sqlString(file(names[i]))} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`);
    }
  };
  await inStoredOrder(conns, async () => {
    // every connection finishes its part before the error, if any, is thrown
    const failed = (await Promise.allSettled(conns.map(copyNext))).find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  });
  const parts: SiteIndex['parts'][string] = {};
  counts.forEach(([name, rows]) => (parts[name] = { rows, bytes: statSync(file(name)).size }));
  return parts;
}

/** SQL creating one view per site table over the files written in `dir` (Node tests and the summary). */
export function siteViewsSql(dir: string, index: SiteIndex): string[] {
  return (Object.keys(SITE_TABLES) as SiteTable[]).map((table) => {
    const files = Object.keys(index.parts[table] ?? {}).map((p) => sqlString(join(dir, 'site', table, `${p}.parquet`)));
    const cols = SITE_TABLES[table].map((c) => `NULL::${c.type} AS "${c.name}"`).join(', ');
    // a table with no rows has no files: an empty view of the right columns
    return files.length
      ? `CREATE OR REPLACE VIEW ${table} AS SELECT * FROM read_parquet([${files.join(', ')}])`
      : `CREATE OR REPLACE VIEW ${table} AS SELECT ${cols} WHERE false`;
  });
}
