/** 年报体检 in words: what each failing check means for the person who wrote the report. */
import type { CellRow, FindingRow } from '../model/contract.ts';
import { isMetricCode, metric } from '../model/metrics.ts';
import { applicantLabel } from '../model/applicants.ts';
import { formatNumber } from '../lib/format.ts';

export interface Explained { rule: string; severity: string; result: string; message: string; detail: string | null }

/** The finding's own message, and for a sum that does not add up: what it should be and by how much it differs. */
export function explain(f: FindingRow): Explained {
  const detail = f.result === 'fail' && f.expected !== null && f.actual !== null
    ? `应为 ${formatNumber(f.expected)}，报告为 ${formatNumber(f.actual)}，相差 ${formatNumber(Math.abs(f.actual - f.expected))}`
    : null;
  return { rule: f.rule, severity: f.severity, result: f.result, message: f.message, detail };
}

/** Errors first, then warnings, then notes; what could not be checked last. */
export function ordered(findings: FindingRow[]): FindingRow[] {
  const rank = (f: FindingRow) => (f.result === 'fail' ? 0 : 3) + (f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2);
  return [...findings].sort((a, b) => rank(a) - rank(b));
}

export type UnreadableCell = { where: string; raw: string; reason: string };

export function unreadable(cells: CellRow[]): UnreadableCell[] {
  return cells.filter((c) => c.state === 'unreadable').map((c) => ({
    where: `${isMetricCode(c.metric) ? metric(c.metric).labelZh : c.metric}${c.applicant ? ` · ${applicantLabel(c.applicant)}` : ''}`,
    raw: c.raw,
    reason: c.reason ?? '',
  }));
}
