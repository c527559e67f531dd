/**
 * The read-only SQL console. The text is run as a subquery — only a query can stand there, so
 * no statement that writes, attaches, installs or loads can get through — with a row limit.
 * Files and the network are closed to SQL by the database settings (db/duckdb.ts).
 */
export const CONSOLE_ROW_LIMIT = 10_000;

export function consoleSql(userSql: string): { sql: string } | { error: string } {
  const text = userSql.trim().replace(/;\s*$/, '');
  if (!text) return { error: '请输入查询 / enter a query' };
  if (/;/.test(text.replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\//g, ''))) {
    return { error: '只能运行一条查询 / one statement only' };
  }
  return { sql: `SELECT * FROM (\n${text}\n) AS q LIMIT ${CONSOLE_ROW_LIMIT}` };
}
