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
 * collection. The writers take the buffer and the place to write at, and return the next place:
 * kept in the module's variables, every byte written read and stored them again.
 */
let scratch = new Uint8Array(1 << 16);
const utf8 = new TextEncoder();
const QUOTE = 34;
const COMMA = 44;
const NEWLINE = 10;
const NULL = '\\N';

/** The scratch, larger, with its first `at` bytes kept. */
function grow(at: number, bytes: number): Uint8Array<ArrayBuffer> {
  const bigger = new Uint8Array(Math.max(scratch.length * 2, at + bytes));
  bigger.set(scratch.subarray(0, at));
  return (scratch = bigger);
}

/** An ASCII string (a number's digits, NULL) as it is, then the byte `end`. */
function ascii(b: Uint8Array, at: number, s: string, end: number): number {
  for (let i = 0; i < s.length; i++) b[at++] = s.charCodeAt(i);
  b[at++] = end;
  return at;
}

/** A non-negative integer's digits (as String gives them), then the byte `end`. */
function digits(b: Uint8Array, at: number, n: number, end: number): number {
  let width = 1;
  for (let x = n; x >= 10; x = Math.floor(x / 10)) width++;
  for (let i = width - 1, x = n; i >= 0; i--, x = Math.floor(x / 10)) b[at + i] = 48 + (x % 10);
  b[at + width] = end;
  return at + width + 1;
}

/** A text in quotes, quotes in it doubled, then a comma. Room for 3 bytes a UTF-16 unit and 3 more is the caller's. */
function text(b: Uint8Array, at: number, s: string): number {
  b[at++] = QUOTE;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // the rest by the encoder (codes, ids and numbers are ASCII; printed texts may not be)
    if (c >= 0x80) return at + encodedRest(b.subarray(at), s.slice(i));
    if (c === QUOTE) b[at++] = QUOTE;
    b[at++] = c;
  }
  b[at++] = QUOTE;
  b[at++] = COMMA;
  return at;
}

/** The rest of a text from its first non-ASCII unit, its closing quote and comma: the bytes written. */
function encodedRest(b: Uint8Array, rest: string): number {
  const n = utf8.encodeInto(rest.includes('"') ? rest.replaceAll('"', '""') : rest, b).written;
  b[n] = QUOTE;
  b[n + 1] = COMMA;
  return n + 2;
}

/**
 * Fields as written (quoted, with their comma) of the texts a cell takes from a few dozen (its
 * metric, applicant and state): copied, not written again. Copying bytes cost a third of
 * reading each text's characters again (with the report's id written once: 160 → 56 µs a report, docs/scale.md).
 */
const fields = new Map<string, Uint8Array>();
const FIELD_CHARS = 64;
const FIELDS = 4096;

function field(s: string): Uint8Array {
  let f = fields.get(s);
  if (f === undefined) {
    f = written(s);
    // a long or odd text is written each time; the common ones are few
    if (s.length <= FIELD_CHARS && fields.size < FIELDS) fields.set(s, f);
  }
  return f;
}

const written = (s: string): Uint8Array => {
  const t = new Uint8Array(3 * s.length + 3);
  return t.slice(0, text(t, 0, s));
};

function copy(b: Uint8Array, at: number, f: Uint8Array): number {
  for (let i = 0; i < f.length; i++) b[at++] = f[i];
  return at;
}

/** The cells of one report, in order, each line ending with the cell's place in its report (`seq`), as UTF-8 bytes of their own (a worker hands them over without a copy). */
export function cellsCsvBytes(cells: readonly CellRow[]): Uint8Array<ArrayBuffer> {
  let b = scratch;
  let at = 0;
  // a report's cells share its id: written once, copied on each line
  let id = '';
  let idField: Uint8Array = new Uint8Array(0);
  for (let seq = 0; seq < cells.length; seq++) {
    const c = cells[seq];
    const chars = c.raw.length + c.locator.length + (c.reason?.length ?? 0) + c.metric.length + c.applicant.length;
    if (chars > MAX_CELL_TEXT) {
      throw new CellTooLong(`单元格原文过长（${chars.toLocaleString('en-US')} 字符，上限 ${MAX_CELL_TEXT.toLocaleString('en-US')}）/ a cell's text is too long (${chars} characters)`);
    }
    // a UTF-16 unit takes at most 3 bytes, a doubled quote 2; each field its quotes and comma;
    // a number at most 24 characters, the place at most 10
    const room = 3 * (chars + c.report_id.length + c.state.length) + 64;
    if (at + room > b.length) b = grow(at, room);
    if (seq === 0 || c.report_id !== id) {
      id = c.report_id;
      idField = written(id);
    }
    at = copy(b, at, idField);
    at = copy(b, at, field(c.metric));
    at = copy(b, at, field(c.applicant));
    const v = c.value;
    if (v === null || v === undefined) at = ascii(b, at, NULL, COMMA);
    // a JS number's shortest decimal form reads back as the same double (String(-0) would lose the sign)
    else if (Number.isSafeInteger(v) && (v > 0 || Object.is(v, 0))) at = digits(b, at, v, COMMA);
    else at = ascii(b, at, Object.is(v, -0) ? '-0' : String(v), COMMA);
    at = copy(b, at, field(c.state));
    at = text(b, at, c.raw);
    at = text(b, at, c.locator);
    at = c.reason === null || c.reason === undefined ? ascii(b, at, NULL, COMMA) : text(b, at, c.reason);
    at = digits(b, at, seq, NEWLINE);
  }
  const out = b.slice(0, at);
  // a report with a huge cell leaves the scratch large: let it go
  if (scratch.length > 1 << 22) scratch = new Uint8Array(1 << 16);
  return out;
}

/** A table function reading such lines from `file`: the contract's cell columns, then `seq`. */
export function readCellsCsv(file: string): string {
  const columns = [...CELL_COLUMNS.map((c) => `'${c.name}': '${c.type}'`), "'seq': 'INTEGER'"].join(', ');
  return `read_csv(${sqlString(file)}, header = false, auto_detect = false, delim = ',', quote = '"', escape = '"', new_line = '\\n',
    nullstr = '\\N', allow_quoted_nulls = false, encoding = 'utf-8', max_line_size = ${MAX_LINE_BYTES}, buffer_size = ${2 * MAX_LINE_BYTES}, columns = {${columns}})`;
}
