/**
 * The read-only SQL console. The text is run as a subquery — only a query can stand there, so
 * no statement that writes, attaches, installs or loads can get through — with a row limit.
 * Files and the network are closed to SQL by the database settings (db/duckdb.ts).
 */
import { SITE_TABLES, type Need, type SiteIndex, type SiteTable } from '../model/site.ts';

export const CONSOLE_ROW_LIMIT = 10_000;

export function consoleSql(userSql: string): { sql: string } | { error: string } {
  const text = userSql.trim().replace(/;\s*$/, '');
  if (!text) return { error: '请输入查询 / enter a query' };
  if (/;/.test(text.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\//g, ''))) {
    return { error: '只能运行一条查询 / one statement only' };
  }
  return { sql: `SELECT * FROM (\n${text}\n) AS q LIMIT ${CONSOLE_ROW_LIMIT}` };
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
