/**
 * Evaluates the accounting identities of src/model/identities.ts on a report's cells, exactly as
 * printed. Blank cells count as 0 (and say so); a check that touches an `na` or `unreadable`
 * cell is `not_assessable`, never `fail`.
 */
import { APPLICANT_CODES, APPLICANT_PARTS, applicantLabel } from '../../model/applicants.ts';
import { IDENTITIES, type Identity } from '../../model/identities.ts';
import { metric as metricDef } from '../../model/metrics.ts';
import type { ParsedCell } from '../parse/parsed-cell.ts';
import { finding, type Finding } from './finding.ts';

type Lookup = (metric: string, applicant: string) => ParsedCell | undefined;

interface Term { metric: string; cell: ParsedCell; label: string }

const SHORT_LABELS = new Map<string, string>();
function shortLabel(code: string): string {
  let s = SHORT_LABELS.get(code);
  if (s === undefined) {
    const m = metricDef(code);
    s = m.table === 'T4' ? m.labelZh : (m.labelZh.split('·').pop() ?? m.labelZh).replace(/（区分处理的.*）$/, '');
    SHORT_LABELS.set(code, s);
  }
  return s;
}

function where(applicant: string): string {
  return applicant ? `「${applicantLabel(applicant)}」列` : '';
}

function evaluate(
  id: Identity, applicant: string, lhs: Term[], rhs: Term[], out: Finding[], blanks: Set<ParsedCell>, place: () => string, metric: string,
): void {
  // (a check that `holds` is not brought here: this one fails, cannot be made, or is told to)
  const l = cellSum(lhs.map((t) => t.cell));
  const r = cellSum(rhs.map((t) => t.cell));
  if (Number.isNaN(l) || Number.isNaN(r)) {
    const bad = [...lhs, ...rhs].filter((t) => t.cell.reading.state === 'na' || t.cell.reading.state === 'unreadable');
    out.push(finding(id.rule, `${place()}：${bad.map((t) => `「${t.label}」为${t.cell.reading.state === 'na' ? '不适用' : '无法读取'}（${t.cell.raw || '空'}）`).join('、')}，无法校验`, {
      result: 'not_assessable', applicant, metric, metrics: metricsOf(lhs, rhs),
    }));
    return;
  }
  for (const t of lhs) if (t.cell.reading.state === 'blank') blanks.add(t.cell);
  for (const t of rhs) if (t.cell.reading.state === 'blank') blanks.add(t.cell);
  if (Math.abs(l - r) < 1e-9) return;
  const show = (ts: Term[], total: number) => {
    const term = (t: Term) => `${t.label} ${t.cell.reading.state === 'blank' ? '空白' : value(t)}`;
    if (ts.length === 1) return term(ts[0]);
    const shown = ts.filter((t) => value(t) !== 0);
    return shown.length ? `${shown.map(term).join(' + ')} = ${round(total)}` : '各项均为 0 或空白';
  };
  out.push(finding(id.rule, `${place()}：${show(lhs, l)}，但 ${show(rhs, r)}，相差 ${round(Math.abs(l - r))}（空白按 0 计）`, {
    applicant, metric, metrics: metricsOf(lhs, rhs), expected: round(r), actual: round(l),
  }));
}

/** A term's value in a check: a blank counts as 0. */
const value = (t: Term): number => (t.cell.reading.state === 'number' ? t.cell.reading.value : 0);

const metricsOf = (lhs: Term[], rhs: Term[]): string[] => [...new Set([...lhs, ...rhs].map((t) => t.metric))];

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/**
 * The printed cells of one side of a check: each metric's own cell, or all its printed parts
 * (（六） in v2021; with `own`, the cell itself only); null when one is not printed.
 */
function sideCells(metrics: readonly string[], applicant: string, get: Lookup, own = false): ParsedCell[] | null {
  const cells: ParsedCell[] = [];
  for (const m of metrics) {
    const cell = get(m, applicant);
    if (cell) {
      cells.push(cell);
      continue;
    }
    const parts = own ? undefined : metricDef(m).parts;
    if (!parts) return null;
    for (const p of parts) {
      const c = get(p, applicant);
      if (!c) return null;
      cells.push(c);
    }
  }
  return cells;
}

/**
 * Whether a check holds, from its sides' cells alone, summed in the order `evaluate` sums them;
 * if so its blank cells are recorded as counted as 0, as `evaluate` records them. Most checks of
 * most reports hold, and so need no terms, labels or texts at all; any other goes to `evaluate`.
 */
function holds(lhs: readonly ParsedCell[], rhs: readonly ParsedCell[], blanks: Set<ParsedCell>): boolean {
  const l = cellSum(lhs);
  const r = cellSum(rhs);
  if (Number.isNaN(l) || Number.isNaN(r) || !(Math.abs(l - r) < 1e-9)) return false;
  for (const c of lhs) if (c.reading.state === 'blank') blanks.add(c);
  for (const c of rhs) if (c.reading.state === 'blank') blanks.add(c);
  return true;
}

/** A side's cells as the terms of a finding, each named by its metric's short label. */
const termsOf = (cells: ParsedCell[]): Term[] => cells.map((cell) => ({ metric: cell.metric, cell, label: shortLabel(cell.metric) }));

/** The cells' sum, left to right, a blank as 0; NaN if one of them is `na` or `unreadable` (the check cannot be made). */
function cellSum(cells: readonly ParsedCell[]): number {
  let s = 0;
  for (const c of cells) {
    if (c.reading.state === 'number') s += c.reading.value;
    else if (c.reading.state !== 'blank') return NaN;
  }
  return s;
}

export function checkIdentities(cells: ParsedCell[]): { findings: Finding[]; blanks: Set<ParsedCell> } {
  // by metric, then applicant: some 500 lookups a report, without building a key string for each
  const index = new Map<string, Map<string, ParsedCell>>();
  for (const c of cells) {
    let byApplicant = index.get(c.metric);
    if (!byApplicant) index.set(c.metric, (byApplicant = new Map()));
    byApplicant.set(c.applicant, c);
  }
  const get: Lookup = (m, a) => index.get(m)?.get(a);
  const out: Finding[] = [];
  const blanks = new Set<ParsedCell>();
  for (const id of IDENTITIES) {
    if (id.kind === 'column') {
      for (const a of APPLICANT_CODES) {
        // 「（六）= Σ 子项」 is only checked when both the subtotal and its sub-rows are printed
        if (id.rule === 'T3_OTHER_SUBSUM' && !get(id.lhs[0], a)) continue;
        const [lc, rc] = [sideCells(id.lhs, a, get), sideCells(id.rhs, a, get, id.rule === 'T3_OTHER_SUBSUM')];
        if (!lc || !rc || holds(lc, rc, blanks)) continue;
        evaluate(id, a, termsOf(lc), termsOf(rc), out, blanks, () => `表三${where(a)}（${id.rule === 'T3_BALANCE' ? '一 + 二 = 三（七）+ 四' : id.rule === 'T3_OUTCOME_SUM' ? '（七）总计 = 各办理结果之和' : '（六）= 子项之和'}）`, id.lhs[0]);
      }
    } else if (id.kind === 'row_total') {
      for (const row of id.rows ?? []) {
        const total = get(row, 'total');
        const parts = APPLICANT_PARTS.map((a) => get(row, a));
        if (!total || parts.some((p) => !p)) continue;
        const partCells = parts as ParsedCell[];
        const place = () => `表三「${shortLabel(row)}」行（总计 = 各申请人列之和）`;
        const onlyTotals = partCells.every((p) => p.reading.state === 'blank') && total.reading.state === 'number' && total.reading.value !== 0;
        if (onlyTotals) {
          out.push(finding(id.rule, `${place()}：只填了总计列 ${total.raw}，各申请人列空白，无法校验`, { result: 'not_assessable', applicant: 'total', metric: row, metrics: [row] }));
          continue;
        }
        if (holds([total], partCells, blanks)) continue;
        evaluate(id, 'total', [{ metric: row, cell: total, label: '总计' }], partCells.map((cell) => ({ metric: row, cell, label: applicantLabel(cell.applicant) })), out, blanks, place, row);
      }
    } else {
      const [lc, rc] = [sideCells(id.lhs, '', get), sideCells(id.rhs, '', get)];
      if (!lc || !rc || holds(lc, rc, blanks)) continue;
      const block = metricDef(id.lhs[0]).block ?? '';
      evaluate(id, '', termsOf(lc), termsOf(rc), out, blanks, () => `表四「${block}」（总计 = 维持 + 纠正 + 其他 + 尚未审结）`, id.lhs[0]);
    }
  }
  return { findings: out, blanks };
}
