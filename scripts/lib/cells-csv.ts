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

/** DuckDB's longest line here (32 MiB); a UTF-16 unit takes at most 3 bytes of UTF-8, a quote 2. */
const MAX_LINE_BYTES = 32 * 1024 * 1024;
export const MAX_CELL_TEXT = Math.floor(MAX_LINE_BYTES / 3) - 1024;

/** A cell whose texts are too long for one CSV line: its file fails alone, with this message. */
export class CellTooLong extends Error {}

/**
 * The columns the lines below are written for, in order. The writer spells each column out (a
 * loop over the columns asking each one's type cost a worker a tenth of its time); if the
 * contract's cell columns change, this fails at load rather than writing lines in the old order.
 */
const WRITTEN = 'report_id VARCHAR, metric VARCHAR, applicant VARCHAR, value DOUBLE null, state VARCHAR, raw VARCHAR, locator VARCHAR, reason VARCHAR null';
const contract = CELL_COLUMNS.map((c) => `${c.name} ${c.type}${c.nullable ? ' null' : ''}`).join(', ');
if (contract !== WRITTEN) throw new Error(`cells-csv.ts writes the cell columns ${WRITTEN}, but the contract's are ${contract}`);

/**
 * Lines are written as UTF-8 straight into this thread's scratch buffer, then copied out once.
 * Made as a string first, a report's lines were a fifth of everything a parsing thread allocated
 * (a piece of string per field, then the whole flattened, then encoded), and so of its garbage
 * collection.
 */
let buf = new Uint8Array(1 << 16);
let at = 0;
const utf8 = new TextEncoder();
const QUOTE = 34;
const COMMA = 44;
const NEWLINE = 10;

function room(bytes: number): void {
  if (at + bytes <= buf.length) return;
  const bigger = new Uint8Array(Math.max(buf.length * 2, at + bytes));
  bigger.set(buf.subarray(0, at));
  buf = bigger;
}

/** An ASCII string (a number's digits, NULL) as it is, then the byte `end`. */
function ascii(s: string, end: number): void {
  room(s.length + 1);
  for (let i = 0; i < s.length; i++) buf[at++] = s.charCodeAt(i);
  buf[at++] = end;
}

/** A text in quotes, quotes in it doubled, then a comma. */
function text(s: string): void {
  // a UTF-16 unit takes at most 3 bytes; a doubled quote, 2; then the quotes and a separator
  room(3 * s.length + 3);
  buf[at++] = QUOTE;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) {
      // the rest by the encoder (codes, ids and numbers are ASCII; printed texts may not be)
      const rest = s.slice(i);
      room(6 * rest.length + 2);
      at += utf8.encodeInto(rest.includes('"') ? rest.replaceAll('"', '""') : rest, buf.subarray(at)).written;
      break;
    }
    if (c === QUOTE) buf[at++] = QUOTE;
    buf[at++] = c;
  }
  buf[at++] = QUOTE;
  buf[at++] = COMMA;
}

const NULL = '\\N';
// a JS number's shortest decimal form reads back as the same double (String(-0) would lose the sign)
const double = (v: number | null | undefined): void => ascii(v === null || v === undefined ? NULL : Object.is(v, -0) ? '-0' : String(v), COMMA);

/** The cells of one report, in order, each line ending with the cell's place in its report (`seq`), as UTF-8 bytes of their own (a worker hands them over without a copy). */
export function cellsCsvBytes(cells: readonly CellRow[]): Uint8Array<ArrayBuffer> {
  at = 0;
  for (let seq = 0; seq < cells.length; seq++) {
    const c = cells[seq];
    const chars = c.raw.length + c.locator.length + (c.reason?.length ?? 0) + c.metric.length + c.applicant.length;
    if (chars > MAX_CELL_TEXT) {
      throw new CellTooLong(`单元格原文过长（${chars.toLocaleString('en-US')} 字符，上限 ${MAX_CELL_TEXT.toLocaleString('en-US')}）/ a cell's text is too long (${chars} characters)`);
    }
    text(c.report_id);
    text(c.metric);
    text(c.applicant);
    double(c.value);
    text(c.state);
    text(c.raw);
    text(c.locator);
    if (c.reason === null || c.reason === undefined) ascii(NULL, COMMA);
    else text(c.reason);
    ascii(String(seq), NEWLINE);
  }
  const out = buf.slice(0, at);
  // a report with a huge cell leaves the scratch large: let it go
  if (buf.length > 1 << 22) buf = new Uint8Array(1 << 16);
  return out;
}

/** A table function reading such lines from `file`: the contract's cell columns, then `seq`. */
export function readCellsCsv(file: string): string {
  const columns = [...CELL_COLUMNS.map((c) => `'${c.name}': '${c.type}'`), "'seq': 'INTEGER'"].join(', ');
  return `read_csv(${sqlString(file)}, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', new_line = '\\n',
    nullstr = '\\N', allow_quoted_nulls = false, encoding = 'utf-8', max_line_size = ${MAX_LINE_BYTES}, buffer_size = ${2 * MAX_LINE_BYTES}, columns = {${columns}})`;
}
