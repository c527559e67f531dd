/**
 * The SQL console's checks, decided by DuckDB's own parser: run against @duckdb/node-api and
 * against the very .wasm the dashboard ships (duckdb-wasm's Node build of duckdb-eh.wasm), over a
 * table like the dashboard's. Whatever the quoting tricks, nothing but one read-only query passes,
 * and the table is unchanged afterwards. The display SQL and value revival are pure functions.
 */
import { createRequire } from 'node:module';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  columnKind, consoleText, displayRows, displaySql, exactNumber, planConsoleQuery, REFUSED_MANY, REFUSED_WRITE,
  type ConsoleEngine,
} from '../../src/queries/console.ts';

/** Texts that must never run: writes, several statements hidden by quoting, anything not a query. */
export const HOSTILE = [
  'UPDATE rollup SET applications = applications * 1000',
  "SELECT $$'$$; UPDATE rollup SET applications = applications * 1000; SELECT '$$'",
  "SELECT E'\\''; UPDATE rollup SET applications = applications * 1000; SELECT E'\\''",
  "SELECT 1) q; UPDATE rollup SET applications = applications * 1000; SELECT * FROM (SELECT 1",
  'SELECT 1 /* ; */; UPDATE rollup SET applications = 0',
  "SELECT '--'; UPDATE rollup SET applications = 0",
  'WITH u AS (UPDATE rollup SET applications = 0 RETURNING *) SELECT * FROM u',
  'UPDATE rollup SET applications = 0 RETURNING *',
  'DELETE FROM rollup', 'DROP TABLE rollup', 'CREATE TABLE x AS SELECT 1', 'INSERT INTO rollup VALUES (1, 1)',
  "COPY rollup TO 'x.csv'", "ATTACH 'x.db'", 'INSTALL httpfs', 'LOAD httpfs', 'SET enable_external_access = true',
  "SELECT * FROM query('UPDATE rollup SET applications = 0')", 'PRAGMA enable_profiling',
  'CHECKPOINT', 'BEGIN TRANSACTION', 'ALTER TABLE rollup ADD COLUMN z INTEGER',
];

describe('pure parts', () => {
  it('trims trailing semicolons and space only', () => {
    expect(consoleText('  select 1 ;; \n')).toBe('select 1');
    expect(consoleText("select ';'")).toBe("select ';'");
  });
  it('kinds of column', () => {
    for (const t of ['INTEGER', 'DOUBLE', 'VARCHAR', 'BOOLEAN', 'SMALLINT']) expect(columnKind(t)).toBe('plain');
    for (const t of ['BIGINT', 'HUGEINT', 'UHUGEINT', 'UBIGINT', 'FLOAT', 'DECIMAL(18,3)', 'DECIMAL(38, 0)']) expect(columnKind(t)).toBe('number');
    for (const t of ['DATE', 'TIMESTAMP', 'TIMESTAMP WITH TIME ZONE', 'INTERVAL', 'BLOB', 'INTEGER[]', 'STRUCT(a INTEGER)', 'MAP(VARCHAR, INTEGER)', 'UUID', 'BIT', 'ENUM(\'a\')', '"NULL"', 'INTEGER[3]', 'UNION(a INTEGER)', 'VARCHAR[]']) expect(columnKind(t)).toBe('text');
  });
  it('display SQL: columns by position, cast to text where not plain, names quoted', () => {
    expect(displaySql('select 1', [{ name: 'a"b', type: 'INTEGER' }, { name: 'h', type: 'HUGEINT' }])).toBe(
      'SELECT c1 AS "a""b", CAST(c2 AS VARCHAR) AS "h" FROM (\nselect 1\n) AS q(c1, c2) LIMIT 10000',
    );
  });
  it('numbers only when exact', () => {
    expect(exactNumber('4568')).toBe(4568);
    expect(exactNumber('4568.00')).toBe(4568);
    expect(exactNumber('-0.10')).toBe(-0.1);
    expect(exactNumber('9007199254740993')).toBe('9007199254740993');
    expect(exactNumber('170141183460469231731687303715884105727')).toBe('170141183460469231731687303715884105727');
    expect(exactNumber('0.1000000000000000000001')).toBe('0.1000000000000000000001');
    expect(exactNumber('inf')).toBe('inf');
    expect(exactNumber('nan')).toBe('nan');
    expect(exactNumber(null)).toBe(null);
    expect(displayRows([{ a: '1', b: '2' }], [{ name: 'a', type: 'HUGEINT', kind: 'number' }, { name: 'b', type: 'DATE', kind: 'text' }])).toEqual([{ a: 1, b: '2' }]);
  });
});

/** The engine on @duckdb/node-api. */
function nodeEngine(conn: DuckDBConnection): ConsoleEngine {
  return {
    prepare: async (sql) => (await conn.prepare(sql)).destroySync(),
    rows: async (sql) => {
      const p = await conn.prepare(sql);
      try {
        return (await p.runAndReadAll()).getRowObjectsJS() as Record<string, unknown>[];
      } finally {
        p.destroySync();
      }
    },
  };
}

interface WasmConn {
  query(sql: string): { toArray(): { toJSON(): Record<string, unknown> }[] };
  prepare(sql: string): { query(): { toArray(): { toJSON(): Record<string, unknown> }[] }; close(): void };
}

/** The engine on duckdb-wasm's Node build of the .wasm the dashboard ships. */
async function wasmConnection(): Promise<WasmConn> {
  const require = createRequire(import.meta.url);
  const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const dist = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm').replace(/duckdb-eh\.wasm$/, '');
  const db = await duckdb.createDuckDB({
    mvp: { mainModule: `${dist}duckdb-mvp.wasm`, mainWorker: `${dist}duckdb-node-mvp.worker.cjs` },
    eh: { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: `${dist}duckdb-node-eh.worker.cjs` },
  }, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({ query: { castBigIntToDouble: true } });
  const conn = db.connect() as WasmConn;
  // an extension must never be fetched (in Node the loader would hang)
  conn.query('SET autoinstall_known_extensions = false');
  conn.query('SET autoload_known_extensions = false');
  return conn;
}

function wasmEngine(conn: WasmConn): ConsoleEngine {
  return {
    prepare: async (sql) => conn.prepare(sql).close(),
    rows: async (sql) => {
      const p = conn.prepare(sql);
      try {
        return p.query().toArray().map((r) => r.toJSON());
      } finally {
        p.close();
      }
    },
  };
}

const SETUP = [
  'CREATE TABLE rollup (year INTEGER, applications BIGINT)',
  'INSERT INTO rollup VALUES (2023, 4568), (2024, 10)',
];

let nodeDb: DuckDBInstance;
let node: DuckDBConnection;
let wasm: WasmConn;
beforeAll(async () => {
  nodeDb = await DuckDBInstance.create(':memory:');
  node = await nodeDb.connect();
  for (const s of SETUP) await node.run(s);
  await node.run('SET enable_external_access = false');
  wasm = await wasmConnection();
  for (const s of SETUP) wasm.query(s);
  wasm.query('SET enable_external_access = false');
});
afterAll(() => node?.closeSync());

const engines = () => [['node-api', nodeEngine(node)], ['duckdb-wasm', wasmEngine(wasm)]] as const;
const total = async (e: ConsoleEngine) => Number((await e.rows('SELECT sum(applications) AS s, count(*) AS n FROM rollup'))[0].s);

describe.each(['node-api', 'duckdb-wasm'])('checks on real DuckDB (%s)', (which) => {
  const engine = () => engines().find(([n]) => n === which)![1];

  it.each(HOSTILE)('refuses %s, and the table is unchanged', async (text) => {
    const plan = await planConsoleQuery(text, engine());
    expect(plan).toHaveProperty('error');
    await expect(total(engine())).resolves.toBe(4578);
  });

  it('names why: several statements, or not a query', async () => {
    expect(await planConsoleQuery("SELECT $$'$$; UPDATE rollup SET applications = 0; SELECT '$$'", engine())).toMatchObject({ error: expect.stringContaining(REFUSED_MANY) });
    expect(await planConsoleQuery('UPDATE rollup SET applications = 0', engine())).toMatchObject({ error: expect.stringContaining(REFUSED_WRITE) });
  });

  it.each([
    'SELECT * FROM rollup', 'select sum(applications) from rollup;', 'FROM rollup', 'TABLE rollup', 'VALUES (1), (2)',
    'WITH t AS (SELECT 1 AS x) SELECT * FROM t', 'DESCRIBE rollup', 'SHOW TABLES', "SELECT $$'$$ AS s -- ;",
    "SELECT E'\\'' AS s", 'SELECT 1 AS a, 2 AS a',
  ])('plans %s as one query', async (text) => {
    const plan = await planConsoleQuery(text, engine());
    expect(plan).toHaveProperty('sql');
    if ('sql' in plan) expect(await engine().rows(plan.sql)).not.toHaveLength(0);
  });

  it('every type is shown as its value', async () => {
    const plan = await planConsoleQuery(`SELECT sum(applications)::HUGEINT AS h, sum(applications) AS s, 12.50::DECIMAL(10,2) AS d,
      123456789012345678901234567.5::DECIMAL(38,1) AS big, DATE '2024-03-01' AS dt, TIMESTAMP '2024-03-01 12:34:56' AS ts,
      INTERVAL 90 MINUTE AS i, [1, 2, 3] AS l, {'a': 1, 'b': 'x'} AS st, '\\x00AB'::BLOB AS b, 1.5::FLOAT AS f,
      'abc' AS v, 7 AS n, true AS t, NULL AS z FROM rollup`, engine());
    if (!('sql' in plan)) throw new Error(plan.error);
    const rows = displayRows(await engine().rows(plan.sql), plan.columns);
    expect(rows).toEqual([{
      h: 4578, s: 4578, d: 12.5, big: '123456789012345678901234567.5', dt: '2024-03-01', ts: '2024-03-01 12:34:56',
      i: '01:30:00', l: '[1, 2, 3]', st: "{'a': 1, 'b': x}", b: '\\x00AB', f: 1.5, v: 'abc', n: 7, t: true, z: null,
    }]);
  });
});
