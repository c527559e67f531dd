/**
 * A dataset is a folder: manifest.json, summary.json (precomputed first view) and the Parquet
 * tables of the data contract. Parquet is decoded in JavaScript (hyparquet) into Arrow and
 * inserted into DuckDB, so DuckDB never needs its Parquet extension (which it would download).
 */
import * as arrow from 'apache-arrow';
import { parquetRead, parquetMetadata } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { TABLES, type ColumnDef, type TableName } from '../model/contract.ts';
import { factsSql } from '../queries/facts.ts';
import type { Db } from './duckdb.ts';
import { fetchJson, type Manifest } from './dataset-url.ts';
import { aliasListColumn, float64Column, int32Column, utf8Column, utf8ListColumn, type AliasValue } from './arrow-columns.ts';

function column(c: ColumnDef, values: unknown[]): arrow.Data {
  switch (c.type) {
    case 'VARCHAR': return utf8Column(values as (string | null)[]);
    case 'INTEGER': return int32Column(values as (number | null)[]);
    case 'DOUBLE': return float64Column(values as (number | null)[]);
    case 'VARCHAR[]': return utf8ListColumn(values as (string[] | null)[]);
    default: return aliasListColumn(values as (AliasValue[] | null)[]);
  }
}

/** One Parquet table of the contract → Arrow, typed as the contract says. */
export async function parquetToArrow(name: TableName, bytes: ArrayBuffer): Promise<arrow.Table> {
  const cols = TABLES[name];
  const rows = Number(parquetMetadata(bytes).num_rows);
  const data: Record<string, unknown[]> = Object.fromEntries(cols.map((c) => [c.name, new Array(rows)]));
  await parquetRead({
    file: bytes,
    compressors,
    columns: cols.map((c) => c.name),
    onChunk: ({ columnName, columnData, rowStart }) => {
      const target = data[columnName];
      if (!target) return;
      for (let i = 0; i < columnData.length; i++) target[rowStart + i] = normalize(columnData[i]);
    },
  });
  const vectors: Record<string, arrow.Vector> = {};
  for (const c of cols) vectors[c.name] = arrow.makeVector(column(c, data[c.name]));
  return new arrow.Table(vectors);
}

function normalize(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v === undefined) return null;
  return v;
}

export interface LoadProgress { table: string; done: number; total: number }

export async function loadDataset(db: Db, base: string, onProgress?: (p: LoadProgress) => void): Promise<Manifest> {
  const manifest = await fetchJson<Manifest>(`${base}manifest.json`);
  if (manifest.schema_version !== 1) throw new Error(`数据集版本 ${manifest.schema_version} 不受支持 / unsupported schema version`);
  const names = Object.keys(TABLES) as TableName[];
  let done = 0;
  await Promise.all(names.map(async (name) => {
    const res = await fetch(`${base}${name}.parquet`);
    if (!res.ok) throw new Error(`${name}.parquet: HTTP ${res.status}`);
    const table = await parquetToArrow(name, await res.arrayBuffer());
    await db.insert(name, table);
    onProgress?.({ table: name, done: ++done, total: names.length });
  }));
  await db.query(factsSql());
  await db.lock();
  return manifest;
}
