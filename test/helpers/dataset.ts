/** The sample dataset made by the real ingest, opened in DuckDB (Node) as the dashboard opens it. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ingestPaths } from '../../scripts/lib/ingest-batch.ts';
import { writeDataset } from '../../scripts/lib/write-dataset.ts';
import { factsSql } from '../../src/queries/facts.ts';
import type { Sql } from '../../src/queries/filters.ts';

export async function buildSampleDataset(): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'xxgk-ds-')), 'dataset');
  const { rows, inputs } = await ingestPaths(['data/samples'], { sources: null, exclude: ['data/samples/SOURCES.tsv'] });
  await writeDataset(out, rows, { generator: 'test', inputs });
  return out;
}

export async function openDataset(dir: string): Promise<DuckDBConnection> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  for (const t of ['reports', 'cells', 'findings', 'agencies']) await conn.run(`CREATE TABLE ${t} AS SELECT * FROM '${join(dir, `${t}.parquet`)}'`);
  await conn.run(factsSql());
  return conn;
}

/** Rows as plain objects; BIGINT and DECIMAL come back as JS numbers (as castBigIntToDouble does in the browser). */
export async function run(conn: DuckDBConnection, q: Sql): Promise<Record<string, unknown>[]> {
  const reader = await conn.runAndReadAll(q.sql, q.params as never);
  return reader.getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
}
