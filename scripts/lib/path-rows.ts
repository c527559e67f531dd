/**
 * A path has one row in a dataset: the file as it is now. A file changed in place (a cell
 * corrected) or a path that now holds another report replaces the rows read from it before
 * (its report, cells and findings; the checks across reports are run again when the dataset
 * is written). A file that repeated the content the path held is no longer a copy of
 * anything then: its row is removed as well and the file read again (orphanCopies).
 *
 * Which paths the work database may hold is kept as a filter of their hashes' prefixes
 * (sha-filter.ts), so that a run of new files does not look each window's paths up in the
 * database.
 */
import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ShaFilter, prefixSql } from './sha-filter.ts';
import { sqlString } from './sql-literal.ts';

/** The key of a path in the filter: its SHA-256, as DuckDB's sha256() gives it. */
export const pathKey = (path: string) => createHash('sha256').update(path, 'utf8').digest('hex');

export async function readPathFilter(conn: DuckDBConnection): Promise<ShaFilter> {
  const [prefixes = []] = (await conn.runAndReadAll(`SELECT ${prefixSql('sha256(source_path)')} FROM reports`)).getColumns();
  return new ShaFilter(prefixes as number[]);
}

/** The contents (SHA-256) the reports table holds at each of these paths. */
export async function contentsAt(conn: DuckDBConnection, paths: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!paths.length) return out;
  const reader = await conn.runAndReadAll(`SELECT source_path, source_sha256 FROM reports WHERE source_path IN (${paths.map(sqlString).join(', ')})`);
  for (const [path, sha] of reader.getRows()) out.set(String(path), [...(out.get(String(path)) ?? []), String(sha)]);
  return out;
}

/** The work database's table of paths whose names are not UTF-8: the bytes the file is opened by (file-names.ts). */
export const RAW_PATHS_TABLE = 'CREATE TABLE IF NOT EXISTS raw_paths (source_path VARCHAR NOT NULL, raw BLOB NOT NULL)';

export async function recordRawPaths(conn: DuckDBConnection, raws: { path: string; raw: Uint8Array }[]): Promise<void> {
  if (!raws.length) return;
  await conn.run(`DELETE FROM raw_paths WHERE source_path IN (${raws.map((r) => sqlString(r.path)).join(', ')})`);
  await conn.run(`INSERT INTO raw_paths VALUES ${raws.map((r) => `(${sqlString(r.path)}, from_hex('${Buffer.from(r.raw).toString('hex')}'))`).join(', ')}`);
}

/** The bytes of each of these paths that has them. */
export async function rawPathsOf(conn: DuckDBConnection): Promise<Map<string, Buffer>> {
  const reader = await conn.runAndReadAll('SELECT source_path, hex(raw) FROM raw_paths');
  return new Map(reader.getRows().map(([p, h]) => [String(p), Buffer.from(String(h), 'hex')]));
}

/** The ids and contents of the rows at these paths (the rows a replacement removes). */
export async function rowsAt(conn: DuckDBConnection, paths: string[]): Promise<{ ids: string[]; shas: string[] }> {
  if (!paths.length) return { ids: [], shas: [] };
  const rows = (await conn.runAndReadAll(`SELECT report_id, source_sha256 FROM reports WHERE source_path IN (${paths.map(sqlString).join(', ')})`)).getRows();
  return { ids: rows.map((r) => String(r[0])), shas: rows.map((r) => String(r[1])) };
}

/** Removes the rows at these paths (in the caller's transaction; cells in the table, not in windows' files). */
export async function deleteRowsAt(conn: DuckDBConnection, paths: string[], ids: string[]): Promise<void> {
  if (!paths.length) return;
  if (ids.length) {
    const idList = ids.map(sqlString).join(', ');
    await conn.run(`DELETE FROM findings WHERE report_id IN (${idList})`);
    await conn.run(`DELETE FROM cells WHERE report_id IN (${idList})`);
  }
  const list = paths.map(sqlString).join(', ');
  await conn.run(`DELETE FROM reports WHERE source_path IN (${list})`);
  await conn.run(`DELETE FROM raw_paths WHERE source_path IN (${list})`);
}

/**
 * Rows of files recorded as repeating one of these contents whose first file no longer has
 * it: removed (in the caller's transaction), their paths returned to be read again. A copy's
 * row is the one ingest-batch.ts copyOf makes: its own id, a reason naming the first file.
 */
export async function orphanCopies(conn: DuckDBConnection, shas: string[]): Promise<{ path: string; raw: Buffer | null }[]> {
  if (!shas.length) return [];
  const where = `c.source_sha256 IN (${[...new Set(shas)].map(sqlString).join(', ')}) AND c.status = 'failed'
    AND c.report_id <> substr(c.source_sha256, 1, 16) AND c.status_reason LIKE '%/ byte-identical to %'
    AND NOT EXISTS (SELECT 1 FROM reports o WHERE o.report_id = substr(c.source_sha256, 1, 16))`;
  const rows = (await conn.runAndReadAll(`SELECT c.source_path, hex(p.raw) FROM reports c LEFT JOIN raw_paths p USING (source_path) WHERE ${where}`)).getRows();
  if (!rows.length) return [];
  await conn.run(`DELETE FROM reports WHERE source_path IN (${rows.map((r) => sqlString(String(r[0]))).join(', ')}) AND report_id <> substr(source_sha256, 1, 16)`);
  return rows.map(([p, h]) => ({ path: String(p), raw: h === null ? null : Buffer.from(String(h), 'hex') }));
}

/** Whether the windows' cell files hold cells of these reports (then they are loaded into the table before rows are removed). */
export async function inFiles(conn: DuckDBConnection, files: string[], ids: string[]): Promise<boolean> {
  if (!files.length || !ids.length) return false;
  const [[n]] = (await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM read_parquet([${files.map(sqlString).join(', ')}]) WHERE report_id IN (${ids.map(sqlString).join(', ')})`)).getRows();
  return Number(n) > 0;
}
