/**
 * Writes the dashboard's layout (src/model/site.ts) from a DuckDB connection holding the
 * dataset's tables: each site table by partition, one Parquet file per part, rows ordered for
 * the filters, and site.json listing what was written.
 */
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { bucketDigits, SITE_TABLES, type SiteIndex, type SiteTable } from '../../src/model/site.ts';
import { factsSql } from '../../src/queries/facts.ts';
import { siteTableSql } from '../../src/queries/site-sql.ts';
import { sqlString } from './sql-literal.ts';

/** Row order inside each file: the columns the views filter and group on first. */
const ORDER: Record<SiteTable, string> = {
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

/**
 * `conn` must hold `reports`, `cells`, `findings`, `agencies`; `facts` is (re)built here.
 * Writes `<dir>/site/<table>/<part>.parquet` and returns the index. Each table is first
 * materialized sorted by part (a sort DuckDB can spill to disk), then written one part at a
 * time, reading only that part's row groups: memory stays bounded however many parts there
 * are (a partitioned COPY keeps a buffer open for every part).
 */
export async function writeSite(conn: DuckDBConnection, dir: string, reports: number): Promise<SiteIndex> {
  const digits = bucketDigits(reports);
  await conn.run(factsSql());
  const index: SiteIndex = { bucket_digits: digits, parts: {} };
  for (const table of Object.keys(SITE_TABLES) as SiteTable[]) {
    const cols = SITE_TABLES[table].map((c) => `"${c.name}"::${c.type} AS "${c.name}"`).join(', ');
    await conn.run(`CREATE OR REPLACE TEMP TABLE site_part AS SELECT ${cols} FROM (${siteTableSql(table, digits)}) ORDER BY part, ${ORDER[table]}`);
    const target = join(dir, 'site', table);
    mkdirSync(target, { recursive: true });
    const parts: SiteIndex['parts'][string] = {};
    const reader = await conn.runAndReadAll('SELECT part, count(*)::BIGINT FROM site_part GROUP BY part ORDER BY part');
    for (const [part, rows] of reader.getRows()) {
      const name = String(part);
      if (!/^[0-9A-Za-z._-]+$/.test(name)) throw new Error(`unexpected partition name ${name}`);
      const file = join(target, `${name}.parquet`);
      await conn.run(`COPY (SELECT * FROM site_part WHERE part = ${sqlString(name)} ORDER BY ${ORDER[table]}) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`);
      parts[name] = { rows: Number(rows), bytes: statSync(file).size };
    }
    index.parts[table] = parts;
  }
  await conn.run('DROP TABLE IF EXISTS site_part');
  return index;
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
