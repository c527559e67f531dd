/**
 * A report's cells as CSV lines: the form in which they go from a parsing thread to the work
 * database. DuckDB reads a window's lines in its own threads; appending 200 cells a report
 * one value at a time, and taking them from the workers as objects, kept the main thread busy
 * for most of the ingest (docs/scale.md).
 *
 * Every text is quoted, so a NULL (unquoted \N) never meets a text, empty or "\N" alike; DuckDB
 * is told the columns and every option, so nothing is guessed from the data.
 */
import { CELL_COLUMNS, type CellRow, type ColumnDef } from '../../src/model/contract.ts';
import { sqlString } from './sql-literal.ts';

const NULL = '\\N';
/** DuckDB's longest line here (32 MiB); a UTF-16 unit takes at most 3 bytes of UTF-8, a quote 2. */
const MAX_LINE_BYTES = 32 * 1024 * 1024;
export const MAX_CELL_TEXT = Math.floor(MAX_LINE_BYTES / 3) - 1024;

/** A cell whose texts are too long for one CSV line: its file fails alone, with this message. */
export class CellTooLong extends Error {}

function field(col: ColumnDef, v: unknown): string {
  if (v === null || v === undefined) {
    if (!col.nullable) throw new Error(`column ${col.name} is not nullable`);
    return NULL;
  }
  if (col.type === 'VARCHAR') {
    const s = String(v);
    return s.includes('"') ? `"${s.replaceAll('"', '""')}"` : `"${s}"`;
  }
  // a JS number's shortest decimal form reads back as the same double (String(-0) would lose the sign)
  return Object.is(v, -0) ? '-0' : String(v);
}

/** The cells of one report, in order, each line ending with the cell's place in its report (`seq`). */
export function cellsCsv(cells: readonly CellRow[]): string {
  let out = '';
  for (let seq = 0; seq < cells.length; seq++) {
    const c = cells[seq] as unknown as Record<string, unknown>;
    const chars = cells[seq].raw.length + cells[seq].locator.length + (cells[seq].reason?.length ?? 0) + cells[seq].metric.length + cells[seq].applicant.length;
    if (chars > MAX_CELL_TEXT) {
      throw new CellTooLong(`单元格原文过长（${chars.toLocaleString('en-US')} 字符，上限 ${MAX_CELL_TEXT.toLocaleString('en-US')}）/ a cell's text is too long (${chars} characters)`);
    }
    for (const col of CELL_COLUMNS) out += `${field(col, c[col.name])},`;
    out += `${seq}\n`;
  }
  return out;
}

const utf8 = new TextEncoder();
/** The same lines as UTF-8 bytes: a worker hands them over without a copy, the main thread writes them as they are. */
export const cellsCsvBytes = (cells: readonly CellRow[]): Uint8Array<ArrayBuffer> => utf8.encode(cellsCsv(cells));

/** A table function reading such lines from `file`: the contract's cell columns, then `seq`. */
export function readCellsCsv(file: string): string {
  const columns = [...CELL_COLUMNS.map((c) => `'${c.name}': '${c.type}'`), "'seq': 'INTEGER'"].join(', ');
  return `read_csv(${sqlString(file)}, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', new_line = '\\n',
    nullstr = '\\N', allow_quoted_nulls = false, encoding = 'utf-8', max_line_size = ${MAX_LINE_BYTES}, buffer_size = ${2 * MAX_LINE_BYTES}, columns = {${columns}})`;
}
