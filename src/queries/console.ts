/**
 * The read-only SQL console. What may run is decided by DuckDB's own parser, never by reading the
 * text here: the text must prepare as exactly one statement (DuckDB refuses to prepare several at
 * once, whatever quoting hides a `;`), and it must parse inside `SELECT * FROM ( … )`, where only a
 * query can stand — an UPDATE, DROP, ATTACH, INSTALL, SET, COPY or PRAGMA cannot. The checks and the
 * query run in the console's own DuckDB (db/console-db.ts), never in the dashboard's, with files
 * and the network closed to SQL and the settings locked.
 *
 * Results are shown as DuckDB writes them: columns whose Arrow form is not a plain JavaScript value
 * (HUGEINT, DECIMAL, DATE, TIMESTAMP, INTERVAL, LIST, STRUCT, BLOB, …) are cast to text by DuckDB in
 * the outer SELECT; whole numbers and decimals become JavaScript numbers again only when exact.
 */
import { SITE_TABLES, type Need, type SiteIndex, type SiteTable } from '../model/site.ts';

export const CONSOLE_ROW_LIMIT = 10_000;

/** What the console needs of a DuckDB: preparing (never running) one statement, and rows of one. */
export interface ConsoleEngine {
  /** Prepares the text as one statement and closes it; throws DuckDB's error. */
  prepare(sql: string): Promise<void>;
  /** Runs the text as one prepared statement. */
  rows(sql: string): Promise<Record<string, unknown>[]>;
}

export interface ConsoleColumn { name: string; type: string; kind: 'plain' | 'number' | 'text' }
export type ConsolePlan = { sql: string; columns: ConsoleColumn[] } | { error: string };

export const REFUSED_MANY = '只能运行一条查询 / one statement only';
export const REFUSED_WRITE = '只能运行一条只读查询（SELECT、WITH、FROM、VALUES、SHOW、DESCRIBE）/ only one read-only query can be run';

/** Types whose Arrow values are plain JavaScript values shown as DuckDB shows them. */
const PLAIN = new Set(['BOOLEAN', 'TINYINT', 'SMALLINT', 'INTEGER', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'DOUBLE', 'VARCHAR']);
/** Numbers that may not fit a JavaScript number: cast to text, numbers again when exact. */
const NUMERIC = /^(BIGINT|UBIGINT|HUGEINT|UHUGEINT|FLOAT|DECIMAL(\(\d+,\s*\d+\))?)$/;

export function columnKind(type: string): ConsoleColumn['kind'] {
  if (PLAIN.has(type)) return 'plain';
  if (NUMERIC.test(type)) return 'number';
  return 'text';
}

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The user's text without trailing semicolons and space (the query is placed inside parentheses). */
export function consoleText(userSql: string): string {
  return userSql.replace(/[\s;]+$/, '').trim();
}

/** `SELECT * FROM (text) q LIMIT n`: only a query parses there. */
export function wrappedSql(text: string): string {
  return `SELECT * FROM (\n${text}\n) AS q LIMIT ${CONSOLE_ROW_LIMIT}`;
}

/** The query that runs: the user's columns by position, anything not a plain value cast to text by DuckDB. */
export function displaySql(text: string, columns: readonly { name: string; type: string }[]): string {
  const list = columns.map((c, i) => {
    const ref = `c${i + 1}`;
    return `${columnKind(c.type) === 'plain' ? ref : `CAST(${ref} AS VARCHAR)`} AS ${ident(c.name)}`;
  });
  return `SELECT ${list.join(', ') || '*'} FROM (\n${text}\n) AS q(${columns.map((_, i) => `c${i + 1}`).join(', ')}) LIMIT ${CONSOLE_ROW_LIMIT}`;
}

/**
 * Decides with DuckDB whether the text is one read-only query, and what to run to show it.
 * Nothing is executed but DESCRIBE, which binds the query without running it.
 */
export async function planConsoleQuery(userSql: string, engine: ConsoleEngine): Promise<ConsolePlan> {
  const text = consoleText(userSql);
  if (!text) return { error: '请输入查询 / enter a query' };
  try {
    await engine.prepare(text);
  } catch (e) {
    const msg = (e as Error).message;
    return { error: /multiple statements/i.test(msg) ? `${REFUSED_MANY}：${firstLine(msg)}` : msg };
  }
  let described: Record<string, unknown>[];
  try {
    described = await engine.rows(`DESCRIBE ${wrappedSql(text)}`);
  } catch (e) {
    const msg = (e as Error).message;
    // the text is one statement of its own but not a query: DuckDB's parser refuses it in a subquery
    return { error: /Parser Error|multiple statements|needs a SELECT|single SELECT/i.test(msg) ? `${REFUSED_WRITE}：${firstLine(msg)}` : msg };
  }
  const columns = described.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  const sql = displaySql(text, columns);
  // what runs is checked too: one statement, a query
  try {
    await engine.prepare(sql);
  } catch (e) {
    return { error: `${REFUSED_WRITE}：${firstLine((e as Error).message)}` };
  }
  return { sql, columns: columns.map((c) => ({ ...c, kind: columnKind(c.type) })) };
}

const firstLine = (s: string) => s.split('\n')[0];

/** A value of a `number` column (DuckDB's text of it): a JavaScript number when that is exactly the value. */
export function exactNumber(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const n = Number(v);
  if (!Number.isFinite(n) || !/^-?\d+(\.\d+)?$/.test(v)) return v;
  return canonical(String(n)) === canonical(v) ? n : v;
}

/** Decimal text without a sign on zero, leading zeros, trailing zeros of the fraction. */
function canonical(s: string): string {
  let [int, frac = ''] = s.replace(/^-/, '').split('.');
  int = int.replace(/^0+(?=\d)/, '');
  frac = frac.replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return s.startsWith('-') && body !== '0' ? `-${body}` : body;
}

/** Rows as the console shows them. */
export function displayRows(rows: readonly Record<string, unknown>[], columns: readonly ConsoleColumn[]): Record<string, unknown>[] {
  const numbers = columns.filter((c) => c.kind === 'number').map((c) => c.name);
  if (!numbers.length) return rows as Record<string, unknown>[];
  return rows.map((r) => {
    const o = { ...r };
    for (const k of numbers) o[k] = exactNumber(o[k]);
    return o;
  });
}

/** The console loads a table whole when all its parts come to at most this many bytes. */
export const CONSOLE_LOAD_BYTES = 24 * 1024 * 1024;

/** Every partition of the site tables small enough to load whole, and the tables left out. */
export function consoleNeeds(index: SiteIndex): { needs: Need[]; tooLarge: { table: string; bytes: number }[] } {
  const needs: Need[] = [];
  const tooLarge: { table: string; bytes: number }[] = [];
  for (const table of Object.keys(SITE_TABLES) as SiteTable[]) {
    const parts = index.parts[table] ?? {};
    const bytes = Object.values(parts).reduce((n, p) => n + p.bytes, 0);
    if (bytes > CONSOLE_LOAD_BYTES) tooLarge.push({ table, bytes });
    else needs.push(...Object.keys(parts).map((part) => ({ table, part })));
  }
  return { needs, tooLarge };
}
