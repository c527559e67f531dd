/**
 * Table 三: seven applicant columns × about 25 rows. Each data row must print exactly seven
 * value cells after its label; a row that does not is recorded as unreadable, never realigned.
 */
import { APPLICANT_CODES } from '../../model/applicants.ts';
import { readCell } from './cell-value.ts';
import { unreadable, type ParsedCell } from './parsed-cell.ts';
import { rowContext, splitRow, takeValues, type Row } from './rows.ts';
import { T3LabelMatcher } from './t3-labels.ts';

export interface Table3 {
  cells: ParsedCell[];
  /** Metrics of the rows found, in order. */
  rows: string[];
  notes: string[];
}

// 总计 is left out: merged header rows print it before the org columns in reading order.
const HEADER_ORDER = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构'];

/** The national format fixes the column order; a header that prints another order is refused. */
function headerProblem(header: string): string | null {
  const positions = HEADER_ORDER.map((k) => header.indexOf(k));
  if (positions.every((p) => p < 0)) return null; // no header printed: the national order applies
  if (positions.some((p) => p < 0)) return null;
  const sorted = positions.every((p, i) => i === 0 || p > positions[i - 1]);
  return sorted ? null : '表三表头的申请人列顺序与全国格式不同 / applicant columns in an unexpected order';
}

export function parseTable3(rows: Row[]): Table3 {
  const matcher = new T3LabelMatcher();
  const byMetric = new Map<string, ParsedCell[]>();
  const order: string[] = [];
  const notes: string[] = [];
  let header = '';
  let pending = '';
  let seenData = false;
  for (const row of rows) {
    const { label, values, strayValues } = splitRow(row);
    const printed = values.filter((c) => c.text.trim() !== '');
    const context = rowContext(row);
    let metric = values.length ? matcher.match(label, context) : null;
    if (!metric && pending && values.length) metric = matcher.match(pending + label, pending + context);
    if (!metric && printed.length === 0) {
      // a header row, or a label wrapped onto a line of its own
      if (!seenData) header += row.key;
      pending = label ? pending + label : pending;
      continue;
    }
    seenData = true;
    pending = '';
    if (!metric) {
      if (label) notes.push(`表三有一行无法识别：「${label}」 / unrecognised row`);
      continue;
    }
    let cells: ParsedCell[];
    const taken = takeValues(values, APPLICANT_CODES.length, row.grid);
    if (strayValues || !taken) {
      const reason = strayValues
        ? `此行标签前有数字，版式无法确定 / numbers before the row label`
        : `此行有 ${values.length} 个数值单元格，应为 7 个 / row has ${values.length} value cells, expected 7`;
      const raw = values.map((c) => c.text).join(' | ');
      cells = APPLICANT_CODES.map((a, i) => unreadable(metric!, a, reason, values[i]?.text ?? raw, values[i]?.loc ?? row.own[0]?.loc ?? ''));
    } else {
      cells = taken.map((c, i) => ({ metric: metric!, applicant: APPLICANT_CODES[i], raw: c.text, loc: c.loc, reading: readCell(c.text) }));
    }
    const previous = byMetric.get(metric);
    if (previous) {
      const same = previous.every((p, i) => p.raw.trim() === cells[i].raw.trim());
      if (!same) {
        byMetric.set(metric, previous.map((p) => unreadable(p.metric, p.applicant, '此行在表三中出现两次且数值不同 / row printed twice with different values', p.raw, p.loc)));
      }
      continue;
    }
    byMetric.set(metric, cells);
    order.push(metric);
  }
  const problem = headerProblem(header);
  // a loop, not flatMap, which took as long as the rest of this function
  let cells: ParsedCell[] = [];
  for (const m of order) for (const c of byMetric.get(m)!) cells.push(c);
  if (problem) cells = cells.map((c) => unreadable(c.metric, c.applicant, problem, c.raw, c.loc));
  return { cells, rows: order, notes };
}
