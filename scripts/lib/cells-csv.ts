/**
 * A report's cells as CSV lines: the form in which they go from a parsing thread to the work
 * database. DuckDB reads a window's lines in its own threads; appending 200 cells a report
 * one value at a time, and taking them from the workers as objects, kept the main thread busy
 * for most of the ingest (docs/scale.md).
 *
 * Every text is quoted, so a NULL (unquoted \N) never meets a text, empty or "\N" alike; DuckDB
 * is told the columns and every option, so nothing is guessed from the data.
 */
import { CELL_COLUMNS, type CellRow } from '../../src/model/contract.ts';
import { sqlString } from './sql-literal.ts';

const NULL = '\\N';
/** DuckDB's longest line here (32 MiB); a UTF-16 unit takes at most 3 bytes of UTF-8, a quote 2. */
const MAX_LINE_BYTES = 32 * 1024 * 1024;
export const MAX_CELL_TEXT = Math.floor(MAX_LINE_BYTES / 3) - 1024;

/** A cell whose texts are too long for one CSV line: its file fails alone, with this message. */
export class CellTooLong extends Error {}

const text = (s: string): string => (s.includes('"') ? `"${s.replaceAll('"', '""')}"` : `"${s}"`);
const nullableText = (s: string | null | undefined): string => (s === null || s === undefined ? NULL : text(s));
// a JS number's shortest decimal form reads back as the same double (String(-0) would lose the sign)
const double = (v: number | null | undefined): string => (v === null || v === undefined ? NULL : Object.is(v, -0) ? '-0' : String(v));

/**
 * The columns the lines below are written for, in order. The writer spells each column out (a
 * loop over the columns asking each one's type cost a worker a tenth of its time); if the
 * contract's cell columns change, this fails at load rather than writing lines in the old order.
 */
const WRITTEN = 'report_id VARCHAR, metric VARCHAR, applicant VARCHAR, value DOUBLE null, state VARCHAR, raw VARCHAR, locator VARCHAR, reason VARCHAR null';
const contract = CELL_COLUMNS.map((c) => `${c.name} ${c.type}${c.nullable ? ' null' : ''}`).join(', ');
if (contract !== WRITTEN) throw new Error(`cells-csv.ts writes the cell columns ${WRITTEN}, but the contract's are ${contract}`);

/** The cells of one report, in order, each line ending with the cell's place in its report (`seq`). */
export function cellsCsv(cells: readonly CellRow[]): string {
  let out = '';
  let id: string | undefined;
  let idField = '';
  for (let seq = 0; seq < cells.length; seq++) {
    const c = cells[seq];
    const chars = c.raw.length + c.locator.length + (c.reason?.length ?? 0) + c.metric.length + c.applicant.length;
    if (chars > MAX_CELL_TEXT) {
      throw new CellTooLong(`单元格原文过长（${chars.toLocaleString('en-US')} 字符，上限 ${MAX_CELL_TEXT.toLocaleString('en-US')}）/ a cell's text is too long (${chars} characters)`);
    }
    // a report's cells share its id: quoted once
    if (c.report_id !== id) idField = text((id = c.report_id));
    out += `${idField},${text(c.metric)},${text(c.applicant)},${double(c.value)},${text(c.state)},${text(c.raw)},${text(c.locator)},${nullableText(c.reason)},${seq}\n`;
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
