/**
 * A synthetic corpus's truth (truth.jsonl) against the dataset the ingest made of it, in SQL so
 * it runs at a million reports: cells read right / cells in the truth, cells read as a number
 * other than the truth's (wrong numbers: must be 0), cells left unreadable, and whether the
 * reports with injected errors — and only they — break an identity.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { sqlString } from './sql-literal.ts';

export interface Accuracy {
  truth_cells: number; right: number; wrong_numbers: number; unreadable: number; missing: number;
  error_reports: number; error_reports_flagged: number; clean_reports: number; clean_reports_flagged: number;
  examples: string[];
}

export async function checkAccuracy(corpus: string, dataset: string, inputRoot = corpus): Promise<Accuracy> {
  // on disk, with a memory cap: a million reports' truth is 200 million cells, more than memory holds
  const work = mkdtempSync(join(tmpdir(), 'xxgk-accuracy-'));
  const db = await DuckDBInstance.create(join(work, 'accuracy.duckdb'), { memory_limit: '4GB', temp_directory: join(work, 'spill'), preserve_insertion_order: 'false' });
  const conn = await db.connect();
  const q = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
  // the truth's paths are relative to the corpus; the dataset's start with the folder as it was given to the ingest
  const prefix = inputRoot.replace(/\\/g, '/').replace(/\/+$/, '');
  await conn.run(`CREATE TABLE truth AS
    SELECT ${sqlString(prefix ? `${prefix}/` : '')} || file AS path, errors, unnest(map_entries(cells)) AS e
    FROM read_json(${sqlString(join(corpus, 'truth.jsonl'))}, format = 'newline_delimited', columns = {file: 'VARCHAR', errors: 'VARCHAR[]', cells: 'MAP(VARCHAR, JSON)'})`);
  await conn.run(`CREATE TABLE cmp AS
    SELECT t.path, t.e.key AS key, t.e.value AS want, c.state, c.value, c.raw
    FROM truth t
    LEFT JOIN '${join(dataset, 'reports.parquet')}' r ON r.source_path = t.path
    LEFT JOIN '${join(dataset, 'cells.parquet')}' c ON c.report_id = r.report_id AND c.metric || '|' || c.applicant = t.e.key`);
  const [a] = await q(`SELECT count(*) AS truth_cells,
      count(*) FILTER (WHERE (want IS NULL AND state = 'blank') OR (want = '"na"' AND state = 'na') OR (state = 'number' AND TRY_CAST(want AS DOUBLE) = value)) AS right,
      count(*) FILTER (WHERE state = 'number' AND (TRY_CAST(want AS DOUBLE) IS NULL OR TRY_CAST(want AS DOUBLE) <> value)) AS wrong_numbers,
      count(*) FILTER (WHERE state = 'unreadable') AS unreadable,
      count(*) FILTER (WHERE state IS NULL) AS missing
    FROM cmp`);
  const examples = (await q(`SELECT path || ' ' || key || ': read ' || raw || ', truth ' || want AS x FROM cmp WHERE state = 'number' AND (TRY_CAST(want AS DOUBLE) IS NULL OR TRY_CAST(want AS DOUBLE) <> value) LIMIT 10`)).map((r) => String(r.x));
  const [f] = await q(`WITH rep AS (SELECT DISTINCT path, len(errors) > 0 AS injected FROM truth),
      flagged AS (SELECT DISTINCT r.source_path AS path FROM '${join(dataset, 'findings.parquet')}' f JOIN '${join(dataset, 'reports.parquet')}' r USING (report_id) WHERE f.severity = 'error' AND f.result = 'fail')
    SELECT count(*) FILTER (WHERE injected) AS error_reports, count(*) FILTER (WHERE injected AND path IN (SELECT path FROM flagged)) AS error_reports_flagged,
      count(*) FILTER (WHERE NOT injected) AS clean_reports, count(*) FILTER (WHERE NOT injected AND path IN (SELECT path FROM flagged)) AS clean_reports_flagged
    FROM rep`);
  conn.closeSync();
  db.closeSync();
  rmSync(work, { recursive: true, force: true });
  return { ...(a as object), ...(f as object), examples } as Accuracy;
}
