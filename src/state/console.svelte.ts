/**
 * The SQL console's state, kept while other views are shown: a query keeps running in the
 * console's own DuckDB (db/console-db.ts) when the reader looks at another view, and its result
 * or its cancel button is there on return.
 */
import type { ConsoleDb } from '../db/console-db.ts';
import type { ConsoleColumn } from '../queries/console.ts';

let rows = $state.raw<Record<string, unknown>[]>([]);
let columns = $state.raw<ConsoleColumn[]>([]);

export const consoleRun = $state({
  /** starting: the console's DuckDB is loading the tables; ready: a query can run. */
  phase: 'idle' as 'idle' | 'starting' | 'ready' | 'error',
  startError: null as string | null,
  running: false,
  cancelling: false,
  cancelled: false,
  error: null as string | null,
  ms: null as number | null,
  /** Runs so far in this page (a link runs nothing until asked). */
  runs: 0,
  tooLarge: [] as { table: string; bytes: number }[],
});

export const consoleResult = {
  get rows() {
    return rows;
  },
  get columns() {
    return columns;
  },
};

let engine: { url: string; db: ConsoleDb } | null = null;

async function engineFor(url: string): Promise<ConsoleDb> {
  if (!engine || engine.url !== url) {
    const { consoleDb } = await import('../db/console-db.ts');
    engine = { url, db: consoleDb(url) };
  }
  return engine.db;
}

/** Starts the console's own DuckDB and loads its tables; runs nothing. */
export async function startConsole(url: string): Promise<void> {
  if (consoleRun.phase === 'starting' || consoleRun.phase === 'ready') return;
  consoleRun.phase = 'starting';
  try {
    const db = await engineFor(url);
    await db.start();
    consoleRun.tooLarge = db.tooLarge();
    consoleRun.phase = 'ready';
    consoleRun.startError = null;
  } catch (e) {
    consoleRun.phase = 'error';
    consoleRun.startError = (e as Error).message;
  }
}

/** Runs the text once, as asked by the Run button or Ctrl+Enter. */
export async function runConsole(url: string, text: string): Promise<void> {
  if (consoleRun.running) return;
  consoleRun.running = true;
  consoleRun.cancelled = false;
  consoleRun.runs++;
  const t = performance.now();
  try {
    const db = await engineFor(url);
    const result = await db.run(text);
    if ('cancelled' in result) {
      consoleRun.cancelled = true;
      consoleRun.error = null;
      rows = [];
      columns = [];
    } else if ('error' in result) {
      consoleRun.error = result.error;
      rows = [];
      columns = [];
    } else {
      consoleRun.error = null;
      rows = result.rows;
      columns = result.columns;
    }
    // a cancel may have ended the worker: the next run starts it again
    consoleRun.phase = 'ready';
  } catch (e) {
    consoleRun.error = (e as Error).message;
    rows = [];
    columns = [];
  } finally {
    consoleRun.ms = performance.now() - t;
    consoleRun.running = false;
    consoleRun.cancelling = false;
  }
}

export function cancelConsole(): void {
  if (!consoleRun.running || !engine) return;
  consoleRun.cancelling = true;
  engine.db.cancel();
}
