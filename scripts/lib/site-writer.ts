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
import { MEASURE_CELLS, MEASURE_KEY_IDS, measuresByKeySql, measuresSql, reportKeyIds, siteTableSql } from '../../src/queries/site-sql.ts';
import { sqlString } from './sql-literal.ts';

/** Row order inside each file: the columns the views filter and group on first. */
export const SITE_ORDER: Record<SiteTable, string> = {
  rollup: 'year, region_code, agency_kind, admin_level, template, status',
  agency_masks: 'region_code, agency_kind, admin_level',
  agency_years: 'agency_id, year',
  measures: 'measure, applicant, year, region_code',
  rules: 'rule, year, region_code',
  problems: 'year, region_code, report_id',
  agency_facts: 'agency_id, year',
  agency_index: 'region_code, canonical_name, agency_id',
  reports: 'agency_id, year, source_path',
  cells: 'report_id, metric, applicant',
  findings: 'report_id, rule, metric, applicant',
  agencies: 'agency_id',
};

/** Reports per slice when the measures are summed a slice at a time (XXGK_MEASURE_SLICE: tests use small slices). */
const measureSlice = () => Number(process.env.XXGK_MEASURE_SLICE) || 25_000;

/**
 * `conn` must hold `reports`, `cells`, `findings`, `agencies`; `facts` is (re)built here.
 * Writes `<dir>/site/<table>/<part>.parquet` and returns the index. Each table is first
 * materialized sorted by part (a sort DuckDB can spill to disk), then written one part at a
 * time, reading only that part's row groups: memory stays bounded however many parts there
 * are (a partitioned COPY keeps a buffer open for every part). The two tables that grow with
 * the cells are built in slices, so that neither their sort nor their grouping outgrows the
 * memory limit and spills the whole table at once (at a million reports, tens of GB): the
 * agency-bucketed `cells` one group of buckets at a time, the measures a slice of keys (and so
 * of whole reports) at a time. Slices are staged as Parquet under `scratch` in one pass over the
 * cells.
 */
export async function writeSite(conn: DuckDBConnection, dir: string, scratch: string, reports: number): Promise<SiteIndex> {
  const digits = bucketDigits(reports);
  await conn.run(factsSql());
  const index: SiteIndex = { bucket_digits: digits, parts: {} };
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  try {
    for (const table of Object.keys(SITE_TABLES) as SiteTable[]) {
      const target = join(dir, 'site', table);
      mkdirSync(target, { recursive: true });
      const parts: SiteIndex['parts'][string] = {};
      if (table === 'cells' && digits > 0) {
        // one group per first hex digit of the bucket
        for (const group of await stageSlices(conn, join(scratch, table), `SELECT *, substr(part, 2, 1) AS slice FROM (${siteTableSql(table, digits)})`)) {
          await sortedPart(conn, table, group);
          Object.assign(parts, await writeParts(conn, target));
        }
      } else if (table === 'measures') {
        await sortedPart(conn, table, await measuresInSlices(conn, join(scratch, table), Math.max(1, Math.ceil(reports / measureSlice()))));
        await conn.run('DROP TABLE measure_sums; DROP TABLE measure_key_ids');
        Object.assign(parts, await writeParts(conn, target));
      } else {
        await sortedPart(conn, table, `(${siteTableSql(table, digits)})`);
        Object.assign(parts, await writeParts(conn, target));
      }
      index.parts[table] = parts;
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
async function stageSlices(conn: DuckDBConnection, stage: string, select: string): Promise<string[]> {
  await conn.run(`COPY (${select}) TO ${sqlString(stage)} (FORMAT parquet, PARTITION_BY (slice))`);
  const dirs = existsSync(stage) ? readdirSync(stage).sort() : [];
  return dirs.map((d) => `(SELECT * EXCLUDE (slice) FROM read_parquet(${sqlString(join(stage, d, '*.parquet'))}))`);
}

/**
 * The measures (a relation of measuresSql rows), summed `slices` slices at a time. A slice is a
 * set of keys, so its reports are whole and its sums by key final; keys are grouped on as numbers.
 */
async function measuresInSlices(conn: DuckDBConnection, stage: string, slices: number): Promise<string> {
  await conn.run(`CREATE OR REPLACE TABLE measure_key_ids AS ${MEASURE_KEY_IDS}`);
  await conn.run(`CREATE OR REPLACE TABLE report_key_ids AS ${reportKeyIds('measure_key_ids')}`);
  const parts = await stageSlices(conn, stage, `SELECT c.*, hash(k.key_id) % ${slices} AS slice FROM (${MEASURE_CELLS}) c JOIN report_key_ids k USING (report_id)`);
  await conn.run('CREATE OR REPLACE TABLE measure_sums (key_id INTEGER, measure VARCHAR, applicant VARCHAR, value DOUBLE, reports BIGINT)');
  for (const cells of parts) await conn.run(`INSERT INTO measure_sums ${measuresByKeySql(cells, 'report_key_ids', ['key_id'])}`);
  await conn.run('DROP TABLE report_key_ids');
  return `(${measuresSql('(SELECT k.* EXCLUDE (key_id), s.* EXCLUDE (key_id) FROM measure_sums s JOIN measure_key_ids k USING (key_id))')})`;
}

/** Table site_part: the rows of `from` with the table's columns, sorted by part and the table's order. */
async function sortedPart(conn: DuckDBConnection, table: SiteTable, from: string): Promise<void> {
  const cols = SITE_TABLES[table].map((c) => `"${c.name}"::${c.type} AS "${c.name}"`).join(', ');
  await conn.run(`CREATE OR REPLACE TABLE site_part AS SELECT ${cols} FROM ${from} ORDER BY part, ${SITE_ORDER[table]}`);
}

/**
 * One Parquet file per part of site_part. site_part was stored sorted (an ORDER BY is kept
 * whatever preserve_insertion_order says), so a part's rows are copied in stored order rather
 * than sorted again, which makes writing the bucketed cells about a quarter cheaper (measured at
 * 100,000 reports).
 */
async function writeParts(conn: DuckDBConnection, target: string): Promise<SiteIndex['parts'][string]> {
  const parts: SiteIndex['parts'][string] = {};
  const reader = await conn.runAndReadAll('SELECT part, count(*)::BIGINT FROM site_part GROUP BY part ORDER BY part');
  const before = (await conn.runAndReadAll(`SELECT current_setting('preserve_insertion_order')`)).getRows()[0][0];
  await conn.run('SET preserve_insertion_order = true');
  try {
    for (const [part, rows] of reader.getRows()) {
      const name = String(part);
      if (!/^[0-9A-Za-z._-]+$/.test(name)) throw new Error(`unexpected partition name ${name}`);
      const file = join(target, `${name}.parquet`);
      await conn.run(`COPY (SELECT * FROM site_part WHERE part = ${sqlString(name)}) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`);
      parts[name] = { rows: Number(rows), bytes: statSync(file).size };
    }
  } finally {
    await conn.run(`SET preserve_insertion_order = ${before ? 'true' : 'false'}`);
  }
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
