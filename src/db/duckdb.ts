/**
 * The only user of DuckDB-WASM. Self-hosted bundles (no CDN): the worker and the .wasm come from
 * the site itself. The .wasm is shipped gzip-compressed (the raw file is 34 MB, over what some
 * static hosts accept) and inflated here. Extensions are never fetched: Parquet is decoded in
 * JavaScript (dataset.ts) and handed over as Arrow; files and the network are closed to SQL.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import * as arrow from 'apache-arrow';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

export interface Db {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Appends the rows to an existing table. */
  insert(name: string, table: arrow.Table): Promise<void>;
  /** After loading: no more settings changes, no file or network access from SQL. */
  lock(): Promise<void>;
}

let started: Promise<Db> | null = null;

/** ?debug=sql: each query's and partition's time in the console, for finding the slow one. */
export const debug = typeof location !== 'undefined' && new URLSearchParams(location.search).get('debug') === 'sql';

let wasmUrl: Promise<string> | null = null;

/** The .wasm's address, fetched and inflated once for every instance (the dashboard's and the console's). */
function wasmModuleUrl(): Promise<string> {
  wasmUrl ??= inflateWasm();
  wasmUrl.catch(() => {
    wasmUrl = null;
  });
  return wasmUrl;
}

async function inflateWasm(): Promise<string> {
  // the build ships duckdb-eh.wasm.gz only; the dev server has the raw file
  const gz = await fetch(`${ehWasm}.gz`).catch(() => null);
  if (!gz || !gz.ok) return ehWasm;
  const bytes = new Uint8Array(await gz.arrayBuffer());
  const isGzip = bytes[0] === 0x1f && bytes[1] === 0x8b; // a server may already have inflated it
  const body = isGzip ? await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer() : bytes;
  return URL.createObjectURL(new Blob([body], { type: 'application/wasm' }));
}

/** Rows of an Arrow result as plain objects; lists and structs become arrays and objects. */
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'object') {
    if (value instanceof arrow.Vector) return Array.from(value as Iterable<unknown>, plain);
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>);
    if (Array.isArray(value)) return value.map(plain);
    const v = value as { toJSON?: () => unknown };
    // a struct row
    if (typeof v.toJSON === 'function') {
      const o = v.toJSON() as Record<string, unknown>;
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, plain(x)]));
    }
  }
  return value;
}

export function rowsOf<T>(table: arrow.Table): T[] {
  const names = table.schema.fields.map((f) => f.name);
  const cols = names.map((n) => table.getChild(n)!);
  const out: T[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const row: Record<string, unknown> = {};
    names.forEach((n, k) => {
      row[n] = plain(cols[k].get(i));
    });
    out.push(row as T);
  }
  return out;
}

/** A DuckDB in a worker of its own, with one connection; extensions are never fetched. */
export async function openInstance(): Promise<{ db: duckdb.AsyncDuckDB; conn: duckdb.AsyncDuckDBConnection }> {
  const worker = new Worker(ehWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  try {
    await db.instantiate(await wasmModuleUrl());
    await db.open({ query: { castBigIntToDouble: true } });
    const conn = await db.connect();
    // never fetch an extension (a mistake fails fast instead of reaching out)
    await conn.query(`SET autoinstall_known_extensions = false`);
    await conn.query(`SET autoload_known_extensions = false`);
    return { db, conn };
  } catch (e) {
    worker.terminate();
    throw e;
  }
}

/** After loading: no more settings changes, no file or network access from SQL. */
export const LOCK_SQL = [`SET enable_external_access = false`, `SET lock_configuration = true`];

export function startDb(): Promise<Db> {
  started ??= (async () => {
    const { conn } = await openInstance();
    let queue: Promise<unknown> = Promise.resolve();
    const serial = <T>(fn: () => Promise<T>): Promise<T> => {
      const p = queue.then(fn, fn);
      queue = p.catch(() => undefined);
      return p;
    };
    // the dashboard's questions repeat with new parameters: keep their prepared statements
    const statements = new Map<string, duckdb.AsyncPreparedStatement>();
    const prepared = async (sql: string) => {
      let stmt = statements.get(sql);
      if (!stmt) {
        if (statements.size >= 64) {
          const [oldest, old] = statements.entries().next().value!;
          statements.delete(oldest);
          await old.close();
        }
        stmt = await conn.prepare(sql);
        statements.set(sql, stmt);
      }
      return stmt;
    };
    return {
      query: <T>(sql: string, params: readonly unknown[] = []) => serial(async () => {
        const t0 = performance.now();
        const rows = rowsOf<T>(params.length ? await (await prepared(sql)).query(...params) : await conn.query(sql));
        if (debug) console.debug(`[sql] ${(performance.now() - t0).toFixed(1)} ms, ${rows.length} rows: ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
        return rows;
      }),
      insert: (name, table) => serial(() => conn.insertArrowTable(table, { name, create: false })),
      lock: () => serial(async () => {
        for (const sql of LOCK_SQL) await conn.query(sql);
      }),
    };
  })();
  return started;
}
