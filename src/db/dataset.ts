/**
 * Loading a dataset into DuckDB-WASM. Parquet is decoded in JavaScript (hyparquet) and handed
 * over as Arrow, so DuckDB never needs its Parquet extension (which it would download).
 *
 * The site layout (model/site.ts) is loaded by partition, when a query needs it: the tables
 * are created empty and each part is appended once. The naive layout (for the benchmark's
 * comparison) loads the dataset's long tables whole and derives the site tables as views.
 */
import * as arrow from 'apache-arrow';
import { parquetRead, parquetMetadata } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { TABLES, type TableName } from '../model/contract.ts';
import { SITE_TABLES, sitePath, type Need, type SiteColumn, type SiteIndex, type SiteTable } from '../model/site.ts';
import { factsSql } from '../queries/facts.ts';
import { siteTableSql } from '../queries/site-sql.ts';
import { debug, type Db } from './duckdb.ts';
import { fetchJson } from './dataset-url.ts';
import { aliasListColumn, float64Column, int32Column, int64Column, utf8Column, utf8ListColumn, type AliasValue } from './arrow-columns.ts';

function column(c: SiteColumn, values: unknown[]): arrow.Data {
  switch (c.type) {
    case 'VARCHAR': return utf8Column(values as (string | null)[]);
    case 'INTEGER': return int32Column(values.map(num));
    case 'DOUBLE': return float64Column(values.map(num));
    case 'BIGINT': return int64Column(values as (bigint | number | null)[]);
    case 'VARCHAR[]': return utf8ListColumn(values as (string[] | null)[]);
    default: return aliasListColumn(values as (AliasValue[] | null)[]);
  }
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** One Parquet file → Arrow, typed as `cols` says (columns the file lacks are left out). */
export async function parquetToArrow(cols: readonly SiteColumn[], bytes: ArrayBuffer): Promise<arrow.Table> {
  const rows = Number(parquetMetadata(bytes).num_rows);
  const data: Record<string, unknown[]> = Object.fromEntries(cols.map((c) => [c.name, new Array(rows).fill(null)]));
  await parquetRead({
    file: bytes,
    compressors,
    columns: cols.map((c) => c.name),
    onChunk: ({ columnName, columnData, rowStart }) => {
      const target = data[columnName];
      if (!target) return;
      for (let i = 0; i < columnData.length; i++) target[rowStart + i] = columnData[i] ?? null;
    },
  });
  const vectors: Record<string, arrow.Vector> = {};
  for (const c of cols) vectors[c.name] = arrow.makeVector(column(c, data[c.name]));
  return new arrow.Table(vectors);
}

const createSql = (name: string, cols: readonly SiteColumn[]) => `CREATE TABLE ${name} (${cols.map((c) => `"${c.name}" ${c.type}`).join(', ')})`;

export interface LoadedSite {
  index: SiteIndex;
  /** Loads the partitions not loaded yet. */
  ensure(needs: readonly Need[] | undefined): Promise<void>;
  /** Bytes fetched so far, and partitions loaded. */
  stats(): { bytes: number; parts: number };
}

async function fetchBytes(url: string): Promise<ArrayBuffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.arrayBuffer();
}

/**
 * The site layout: empty tables now, partitions on demand. `beforeFetch` is awaited before each
 * partition is requested (年报体检 holds requests once a file is chosen).
 */
export async function openSite(db: Db, base: string, beforeFetch: () => Promise<void> = async () => {}): Promise<LoadedSite> {
  const index = await fetchJson<SiteIndex>(`${base}site.json`);
  for (const [name, cols] of Object.entries(SITE_TABLES)) await db.query(createSql(name, cols));
  const loading = new Map<string, Promise<void>>();
  let bytes = 0;
  const load = (n: Need): Promise<void> => {
    const key = `${n.table}/${n.part}`;
    let p = loading.get(key);
    if (!p) {
      // a part absent from the index has no rows
      p = index.parts[n.table]?.[n.part]
        ? (async () => {
          await beforeFetch();
          const t0 = performance.now();
          const buf = await fetchBytes(`${base}${sitePath(n.table, n.part)}`);
          const t1 = performance.now();
          bytes += buf.byteLength;
          const table = await parquetToArrow(SITE_TABLES[n.table], buf);
          const t2 = performance.now();
          await db.insert(n.table, table);
          if (debug) console.debug(`[load] ${key}: ${buf.byteLength} bytes, ${table.numRows} rows; fetch ${(t1 - t0).toFixed(1)} ms, decode ${(t2 - t1).toFixed(1)} ms, insert ${(performance.now() - t2).toFixed(1)} ms`);
        })()
        : Promise.resolve();
      // a failed fetch may be retried by the next query
      p.catch(() => loading.delete(key));
      loading.set(key, p);
    }
    return p;
  };
  return {
    index,
    ensure: async (needs) => {
      await Promise.all((needs ?? []).map(load));
    },
    stats: () => ({ bytes, parts: loading.size }),
  };
}

/** The naive layout: the long tables whole, the site tables as views computed at every query. */
export async function openNaive(db: Db, base: string): Promise<LoadedSite> {
  const index = await fetchJson<SiteIndex>(`${base}site.json`);
  let bytes = 0;
  await Promise.all((Object.keys(TABLES) as TableName[]).map(async (name) => {
    const buf = await fetchBytes(`${base}${name}.parquet`);
    bytes += buf.byteLength;
    await db.query(createSql(name, TABLES[name]));
    await db.insert(name, await parquetToArrow(TABLES[name], buf));
  }));
  await db.query(factsSql());
  for (const name of Object.keys(SITE_TABLES) as SiteTable[]) {
    if (name in TABLES) continue;
    const cols = SITE_TABLES[name].map((c) => `"${c.name}"::${c.type} AS "${c.name}"`).join(', ');
    await db.query(`CREATE VIEW ${name} AS SELECT ${cols} FROM (${siteTableSql(name, index.bucket_digits)})`);
  }
  return { index, ensure: async () => undefined, stats: () => ({ bytes, parts: 0 }) };
}
