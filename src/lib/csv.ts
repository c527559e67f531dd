/**
 * CSV for Excel and WPS: UTF-8 with a byte-order mark, CRLF, every field that needs it quoted.
 * A cell that starts with = + - @ is prefixed with ' so a spreadsheet does not run it as a formula.
 */
export function toCsv(rows: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  const cols = columns ?? (rows.length ? Object.keys(rows[0]) : []);
  const field = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    let s = Array.isArray(v) ? v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join('; ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\ufeff${[cols.map(field).join(','), ...rows.map((r) => cols.map((c) => field(r[c])).join(','))].join('\r\n')}\r\n`;
}
