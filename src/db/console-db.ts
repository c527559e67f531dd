/**
 * The SQL console's own DuckDB: a second instance in its own worker, holding its own copy of the
 * tables. Nothing the console runs can change the dashboard's tables or wait in its queue, and a
 * query can be cancelled: DuckDB is asked to interrupt it, and if it has not stopped soon after,
 * the worker is ended (the next run starts a fresh instance).
 */
import type * as duckdb from '@duckdb/duckdb-wasm';
import * as arrow from 'apache-arrow';
import { consoleNeeds, displayRows, planConsoleQuery, type ConsoleColumn, type ConsoleEngine } from '../queries/console.ts';
import { openSite } from './dataset.ts';
import { LOCK_SQL, openInstance, rowsOf, type Db } from './duckdb.ts';

export type ConsoleResult =
  | { rows: Record<string, unknown>[]; columns: ConsoleColumn[] }
  | { error: string }
  | { cancelled: true };

interface Instance {
  db: duckdb.AsyncDuckDB;
  conn: duckdb.AsyncDuckDBConnection;
  engine: ConsoleEngine;
}

/** How long DuckDB is given to stop a cancelled query before its worker is ended. */
export const CANCEL_GRACE_MS = 1500;

export interface ConsoleDb {
  /** Starts the instance and loads the tables (at most once); resolves when a query can run. */
  start(): Promise<void>;
  /** Plans and runs one read-only query; one at a time. */
  run(text: string): Promise<ConsoleResult>;
  /** Stops the running query, if any. */
  cancel(): void;
  /** Tables too large to load whole (not in the console). */
  tooLarge(): { table: string; bytes: number }[];
}

export function consoleDb(datasetUrl: string): ConsoleDb {
  let instance: Promise<Instance> | null = null;
  let skipped: { table: string; bytes: number }[] = [];
  let stop: (() => void) | null = null;

  const start = (): Promise<Instance> => {
    instance ??= (async () => {
      const { db, conn } = await openInstance();
      const adapter: Db = {
        query: async <T>(sql: string) => rowsOf<T>(await conn.query(sql)),
        insert: async (name, table) => {
          await conn.insertArrowTable(table, { name, create: false });
        },
        lock: async () => {
          for (const sql of LOCK_SQL) await conn.query(sql);
        },
      };
      try {
        const site = await openSite(adapter, datasetUrl);
        const { needs, tooLarge } = consoleNeeds(site.index);
        skipped = tooLarge;
        await site.ensure(needs);
        await adapter.lock();
      } catch (e) {
        // a start that failed leaves no worker behind
        await db.terminate().catch(() => undefined);
        throw e;
      }
      const prepared = async <T>(sql: string, fn: (s: duckdb.AsyncPreparedStatement) => Promise<T>): Promise<T> => {
        const stmt = await conn.prepare(sql);
        try {
          return await fn(stmt);
        } finally {
          await stmt.close();
        }
      };
      const engine: ConsoleEngine = {
        prepare: (sql) => prepared(sql, async () => undefined),
        rows: (sql) => prepared(sql, async (s) => rowsOf<Record<string, unknown>>(await s.query())),
      };
      return { db, conn, engine };
    })();
    // a failed start is tried again on the next run
    instance.catch(() => {
      instance = null;
    });
    return instance;
  };

  const run = async (text: string): Promise<ConsoleResult> => {
    const started = start();
    let cancelled!: () => void;
    const onCancel = new Promise<{ cancelled: true }>((resolve) => {
      cancelled = () => resolve({ cancelled: true });
    });
    const work = (async (): Promise<ConsoleResult> => {
      const { conn, engine } = await started;
      const plan = await planConsoleQuery(text, engine);
      if ('error' in plan) return plan;
      // a pending query, polled: DuckDB can be asked to interrupt it between polls
      const reader = await conn.send(plan.sql);
      const batches: arrow.RecordBatch[] = [];
      for await (const batch of reader) batches.push(batch);
      const rows = batches.length ? rowsOf<Record<string, unknown>>(new arrow.Table(batches)) : [];
      return { rows: displayRows(rows, plan.columns), columns: plan.columns };
    })().catch((e: Error) => ({ error: e.message }));
    let stopped = false;
    stop = () => {
      stopped = true;
      void started.then(async (inst) => {
        // the worker may be inside one long step and read the request only after it: do not wait for its answer
        void inst.conn.cancelSent().catch(() => false);
        const late = await Promise.race([work.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), CANCEL_GRACE_MS))]);
        if (late) {
          // DuckDB did not stop: end its worker; the next run starts afresh
          if (instance) instance = null;
          void inst.db.terminate().catch(() => undefined);
        }
        cancelled();
      }, cancelled);
    };
    try {
      const result = await Promise.race([work, onCancel]);
      // DuckDB's own interruption comes back as an error
      return stopped ? { cancelled: true } : result;
    } finally {
      stop = null;
    }
  };

  return {
    start: async () => {
      await start();
    },
    run,
    cancel: () => stop?.(),
    tooLarge: () => skipped,
  };
}
