/**
 * The one Parquet writer: rows → reports/cells/findings.parquet + manifest.json, written into a
 * temporary folder beside the target and swapped in with renames, so a run that dies leaves the
 * previous dataset in place (or, between the two renames, recoverable by the next run).
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DuckDBInstance, INTEGER, LIST, STRUCT, VARCHAR, structValue, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import type { AgencyRow } from '../../src/ingest/agencies.ts';
import { factsSql } from '../../src/queries/facts.ts';
import { NO_FILTERS, type Sql } from '../../src/queries/filters.ts';
import { overviewByYear, overviewTotals } from '../../src/queries/overview.ts';
import { regionsPresent, yearsPresent } from '../../src/queries/regions.ts';
import { SCHEMA_VERSION, TABLES, type CellRow, type ColumnDef, type FindingRow, type ReportRow, type TableName } from '../../src/model/contract.ts';

export interface DatasetRows {
  reports: ReportRow[];
  cells: CellRow[];
  findings: FindingRow[];
  agencies: AgencyRow[];
}

type AnyRow = Record<string, unknown>;

export interface Manifest {
  schema_version: number;
  generator: string;
  built_at: string;
  synthetic: boolean;
  row_counts: Record<TableName, number>;
  /** SHA-256 over every row in written order: equal for equal inputs, whatever the build time. */
  rows_digest: string;
  inputs: { path: string; sha256: string; status: string }[];
  files: Record<string, { rows: number; bytes?: number }>;
  /** The folder sources/ holds the source files, named <report_id><extension>. */
  sources: boolean;
}

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
    case 'STRUCT(name VARCHAR, first_year INTEGER, last_year INTEGER)[]':
      appender.appendList((value as AgencyRow['aliases']).map((a) => structValue({ name: a.name, first_year: a.first_year, last_year: a.last_year })), ALIAS_LIST);
      break;
  }
}

async function createTable(conn: DuckDBConnection, name: TableName): Promise<void> {
  const cols = TABLES[name].map((c) => `"${c.name}" ${c.type}${c.nullable ? '' : ' NOT NULL'}`).join(', ');
  await conn.run(`CREATE TABLE "${name}" (${cols})`);
}

async function load(conn: DuckDBConnection, name: TableName, rows: readonly object[]): Promise<void> {
  await createTable(conn, name);
  const appender = await conn.createAppender(name);
  const cols = TABLES[name];
  for (const row of rows) {
    for (const col of cols) append(appender, col, (row as AnyRow)[col.name]);
    appender.endRow();
  }
  appender.closeSync();
}

export function rowsDigest(rows: DatasetRows): string {
  const h = createHash('sha256');
  for (const name of Object.keys(TABLES) as TableName[]) {
    const cols = TABLES[name].map((c) => c.name);
    for (const row of rows[name] as readonly object[]) h.update(`${name}\t${JSON.stringify(cols.map((c) => (row as AnyRow)[c] ?? null))}\n`);
  }
  return h.digest('hex');
}

/** Puts back a dataset left aside by a run that died between its two renames. */
export function recoverInterrupted(outDir: string): void {
  const out = resolve(outDir);
  if (existsSync(out)) return;
  const parent = dirname(out);
  if (!existsSync(parent)) return;
  const aside = readdirSync(parent).filter((f) => f.startsWith(`${basename(out)}.old-`)).sort();
  if (aside.length) renameSync(join(parent, aside[aside.length - 1]), out);
}

async function rows(conn: DuckDBConnection, q: Sql): Promise<Record<string, unknown>[]> {
  const reader = await conn.runAndReadAll(q.sql, q.params as never);
  return reader.getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
}

/**
 * What the dashboard shows first, computed here with its own SQL so it can draw before DuckDB
 * has started in the browser: the overview of the whole dataset, years and regions present.
 */
async function summary(conn: DuckDBConnection) {
  await conn.run(factsSql());
  return {
    overview: { totals: (await rows(conn, overviewTotals(NO_FILTERS)))[0], byYear: await rows(conn, overviewByYear(NO_FILTERS)) },
    years: (await rows(conn, yearsPresent()))[0],
    regions: await rows(conn, regionsPresent()),
  };
}

export async function writeDataset(outDir: string, rows: DatasetRows, meta: { generator: string; inputs: Manifest['inputs']; synthetic?: boolean; copySources?: Map<string, string> }): Promise<Manifest> {
  const out = resolve(outDir);
  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  recoverInterrupted(out);
  const tmp = join(parent, `${basename(out)}.tmp-${process.pid}-${Date.now()}`);
  mkdirSync(tmp);
  try {
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const files: Manifest['files'] = {};
    for (const name of Object.keys(TABLES) as TableName[]) {
      await load(conn, name, rows[name]);
      const file = join(tmp, `${name}.parquet`);
      await conn.run(`COPY "${name}" TO '${file.replace(/'/g, "''")}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`);
      files[`${name}.parquet`] = { rows: rows[name].length };
    }
    writeFileSync(join(tmp, 'summary.json'), `${JSON.stringify(await summary(conn))}\n`);
    if (meta.copySources?.size) {
      // the reports themselves, named by report id, for the dashboard's links to sources
      mkdirSync(join(tmp, 'sources'));
      for (const [name, from] of meta.copySources) copyFileSync(from, join(tmp, 'sources', name));
    }
    conn.closeSync();
    const manifest: Manifest = {
      schema_version: SCHEMA_VERSION,
      generator: meta.generator,
      built_at: new Date().toISOString(),
      synthetic: meta.synthetic ?? false,
      row_counts: { reports: rows.reports.length, cells: rows.cells.length, findings: rows.findings.length, agencies: rows.agencies.length },
      rows_digest: rowsDigest(rows),
      inputs: meta.inputs,
      files,
      sources: !!meta.copySources?.size,
    };
    writeFileSync(join(tmp, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
    const aside = `${out}.old-${process.pid}-${Date.now()}`;
    if (existsSync(out)) renameSync(out, aside);
    renameSync(tmp, out);
    rmSync(aside, { recursive: true, force: true });
    return manifest;
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
