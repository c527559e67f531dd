/** Datasets made by the real ingest, read back or opened in DuckDB (Node) as the dashboard opens them. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ingestToDataset, type BatchOptions } from '../../scripts/lib/ingest-batch.ts';
import { listInputs } from '../../scripts/lib/inputs.ts';
import { siteViewsSql } from '../../scripts/lib/site-writer.ts';
import type { Sql } from '../../src/queries/filters.ts';
import type { CellRow, FindingRow, ReportRow } from '../../src/model/contract.ts';
import type { AgencyRow } from '../../src/ingest/agencies.ts';

/** Ingests into a fresh dataset; every batch a test ingests is checked to have one row per input file. */
export async function buildDataset(paths: string[], opts: BatchOptions = {}): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'xxgk-ds-')), 'dataset');
  const { manifest } = await ingestToDataset(paths, out, opts);
  const { files, problems } = listInputs(paths, opts.exclude);
  if (manifest.row_counts.reports !== files.length + problems.length) {
    throw new Error(`files lost: ${files.length + problems.length} inputs, ${manifest.row_counts.reports} rows`);
  }
  return out;
}

export function buildSampleDataset(): Promise<string> {
  return buildDataset(['data/samples'], { exclude: ['data/samples/SOURCES.tsv'], copySources: true });
}

/** The dataset's site layout as the dashboard queries it: one view per site table over all its parts. */
export async function openDataset(dir: string): Promise<DuckDBConnection> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  for (const sql of siteViewsSql(dir, JSON.parse(readFileSync(join(dir, 'site.json'), 'utf8')))) await conn.run(sql);
  return conn;
}

/** Rows as plain objects; BIGINT comes back as a JS number (as castBigIntToDouble does in the browser). */
export async function run(conn: DuckDBConnection, q: Sql): Promise<Record<string, unknown>[]> {
  const reader = await conn.runAndReadAll(q.sql, q.params as never);
  return reader.getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
}

export interface DatasetRows { reports: ReportRow[]; cells: CellRow[]; findings: FindingRow[]; agencies: AgencyRow[] }

/** The rows of a dataset, in the order written. */
export async function readDataset(dir: string): Promise<DatasetRows> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const all = async (t: string) => run(conn, { sql: `SELECT * FROM '${join(dir, `${t}.parquet`)}'`, params: [] });
  const out = { reports: await all('reports'), cells: await all('cells'), findings: await all('findings'), agencies: await all('agencies') } as unknown as DatasetRows;
  conn.closeSync();
  return out;
}

/** Ingests the paths into a fresh dataset and returns its rows. */
export async function ingestRows(paths: string[], opts: BatchOptions = {}): Promise<DatasetRows> {
  return readDataset(await buildDataset(paths, opts));
}
