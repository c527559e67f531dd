/**
 * Writes the dashboard's layout (src/model/site.ts) from a DuckDB connection holding the
 * dataset's tables: each site table by partition, one Parquet file per part, rows ordered for
 * the filters, and site.json listing what was written.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { bucketDigits, SITE_TABLES, type SiteIndex, type SiteTable } from '../../src/model/site.ts';
import { factsSql } from '../../src/queries/facts.ts';
import { siteTableSql } from '../../src/queries/site-sql.ts';

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

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * `conn` must hold `reports`, `cells`, `findings`, `agencies`; `facts` is (re)built here.
 * Writes `<dir>/site/<table>/<part>.parquet` and returns the index.
 */
export async function writeSite(conn: DuckDBConnection, dir: string, reports: number): Promise<SiteIndex> {
  const digits = bucketDigits(reports);
  await conn.run(factsSql());
  // one open file per partition, so each part is written as a single file
  await conn.run('SET partitioned_write_max_open_files = 1000000');
  const index: SiteIndex = { bucket_digits: digits, parts: {} };
  const stage = join(dir, 'site.stage');
  mkdirSync(stage, { recursive: true });
  for (const table of Object.keys(SITE_TABLES) as SiteTable[]) {
    const cols = SITE_TABLES[table].map((c) => `"${c.name}"::${c.type} AS "${c.name}"`).join(', ');
    const out = join(stage, table);
    await conn.run(`COPY (SELECT ${cols} FROM (${siteTableSql(table, digits)}) ORDER BY part, ${ORDER[table]})
      TO ${q(out)} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (part), WRITE_PARTITION_COLUMNS true, ROW_GROUP_SIZE 100000)`);
    index.parts[table] = await moveParts(conn, out, join(dir, 'site', table));
  }
  rmSync(stage, { recursive: true, force: true });
  return index;
}

/** part=<p>/data_*.parquet → <p>.parquet (merging when DuckDB split a part into several files). */
async function moveParts(conn: DuckDBConnection, staged: string, target: string): Promise<SiteIndex['parts'][string]> {
  mkdirSync(target, { recursive: true });
  const parts: SiteIndex['parts'][string] = {};
  if (!existsSync(staged)) return parts;
  for (const d of readdirSync(staged).sort()) {
    const part = decodeURIComponent(d.replace(/^part=/, ''));
    if (!/^[0-9A-Za-z._-]+$/.test(part)) throw new Error(`unexpected partition name ${part}`);
    const files = readdirSync(join(staged, d)).filter((f) => f.endsWith('.parquet')).map((f) => join(staged, d, f));
    const file = join(target, `${part}.parquet`);
    if (files.length === 1) renameSync(files[0], file);
    else await conn.run(`COPY (SELECT * FROM read_parquet([${files.map(q).join(', ')}])) TO ${q(file)} (FORMAT parquet, COMPRESSION zstd)`);
    const reader = await conn.runAndReadAll(`SELECT sum(num_rows)::BIGINT FROM parquet_file_metadata(${q(file)})`);
    parts[part] = { rows: Number(reader.getRows()[0][0]), bytes: statSync(file).size };
  }
  return parts;
}

/** SQL creating one view per site table over the files written in `dir` (Node tests and the summary). */
export function siteViewsSql(dir: string, index: SiteIndex): string[] {
  return (Object.keys(SITE_TABLES) as SiteTable[]).map((table) => {
    const files = Object.keys(index.parts[table] ?? {}).map((p) => q(join(dir, 'site', table, `${p}.parquet`)));
    const cols = SITE_TABLES[table].map((c) => `NULL::${c.type} AS "${c.name}"`).join(', ');
    // a table with no rows has no files: an empty view of the right columns
    return files.length
      ? `CREATE OR REPLACE VIEW ${table} AS SELECT * FROM read_parquet([${files.join(', ')}])`
      : `CREATE OR REPLACE VIEW ${table} AS SELECT ${cols} WHERE false`;
  });
}
