/**
 * Cancelling in the console's own DuckDB, with the worker replaced by a stand-in whose query never
 * ends and whose cancel request is never answered (a worker stuck inside one long step): the run
 * ends as cancelled after the grace period, the worker is ended, and the next run starts afresh.
 */
import * as arrow from 'apache-arrow';
import { describe, expect, it, vi } from 'vitest';

const opened: { terminated: boolean }[] = [];

vi.mock('../../src/db/duckdb.ts', async () => {
  return {
    LOCK_SQL: ['SET enable_external_access = false', 'SET lock_configuration = true'],
    rowsOf: (t: arrow.Table) => t.toArray().map((r) => r.toJSON()),
    openInstance: async () => {
      const state = { terminated: false };
      opened.push(state);
      const table = () => arrow.tableFromArrays({ column_name: ['n'], column_type: ['INTEGER'] });
      return {
        db: { terminate: async () => { state.terminated = true; } },
        conn: {
          query: async () => table(),
          insertArrowTable: async () => undefined,
          prepare: async () => ({ query: async () => table(), close: async () => undefined }),
          send: (sql: string) => (sql.includes('forever') ? new Promise(() => undefined) : Promise.resolve(arrow.tableFromArrays({ n: Int32Array.of(42) }).batches)),
          cancelSent: () => new Promise(() => undefined),
        },
      };
    },
  };
});
vi.mock('../../src/db/dataset.ts', () => ({
  openSite: async () => ({ index: { parts: {}, bucket_digits: 0 }, ensure: async () => undefined, stats: () => ({ bytes: 0, parts: 0 }) }),
}));

describe('console cancel', () => {
  it('ends a worker that does not stop, and the next run starts a new one', async () => {
    const { consoleDb, CANCEL_GRACE_MS } = await import('../../src/db/console-db.ts');
    const db = consoleDb('http://x/');
    const running = db.run('SELECT 1 AS n FROM forever');
    await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    db.cancel();
    expect(await running).toEqual({ cancelled: true });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(CANCEL_GRACE_MS - 50);
    expect(opened.map((o) => o.terminated)).toEqual([true]);
    expect(await db.run('SELECT 42 AS n')).toMatchObject({ rows: [{ n: 42 }] });
    expect(opened.map((o) => o.terminated)).toEqual([true, false]);
  });
});
