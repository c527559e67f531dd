/** The real reports with their expected cells (read from the documents, test/fixtures/expected). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportSpec } from '../../scripts/lib/render/report-spec.ts';

export const EXPECTED_DIR = 'test/fixtures/expected';

export interface Expected {
  file: string; agency: string; year: number; template: 'v2021' | 'v2019';
  cells: Record<string, Record<string, number | null | 'na'>>;
}

export const REAL_REPORTS: { name: string; expected: Expected }[] = readdirSync(EXPECTED_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ name: f.replace(/\.json$/, ''), expected: JSON.parse(readFileSync(join(EXPECTED_DIR, f), 'utf8')) as Expected }));

/**
 * The identities each report's printed numbers break, as its expected file states them
 * ("identities"): rule → number of failures.
 */
export const FAILING: Record<string, Record<string, number>> = {
  '2019_shanghai-municipal-government-office.html': { T3_ROW_TOTAL: 11, T3_OUTCOME_SUM: 1 },
  '2023_huaian-hongze-district-government.pdf': { T4_SUM_REVIEW: 1, T4_SUM_LIT_AFTER: 1 },
};

/** The report's tables as printed text: numbers as digits, blank as '', NA as '/'. */
export function specOf(e: Expected): ReportSpec {
  const text = (v: number | null | 'na') => (v === null ? '' : v === 'na' ? '/' : String(v));
  const spec: ReportSpec = { agency: e.agency, year: e.year, template: e.template, t2: {}, t3: {}, t4: {}, otherAsOneRow: e.template === 'v2021' && 'app.res.other' in e.cells };
  for (const [m, row] of Object.entries(e.cells)) {
    if (m.startsWith('app.')) spec.t3[m] = Object.fromEntries(Object.entries(row).map(([a, v]) => [a, text(v)]));
    else if (m.startsWith('ad')) spec.t2[m] = text(row._);
    else spec.t4[m] = text(row._);
  }
  return spec;
}

export function hasBlank(e: Expected): boolean {
  return Object.values(e.cells).some((row) => Object.values(row).some((v) => v === null));
}

/** Cells of an ingest result in the shape of the expected files. */
export function asExpectedCells(cells: { metric: string; applicant: string; state: string; value: number | null; reason: string | null }[]) {
  const out: Record<string, Record<string, number | null | string>> = {};
  for (const c of cells) {
    const v = c.state === 'number' ? c.value! : c.state === 'blank' ? null : c.state === 'na' ? 'na' : `UNREADABLE: ${c.reason}`;
    (out[c.metric] ??= {})[c.applicant || '_'] = v;
  }
  return out;
}

export function failingRules(findings: { rule: string; result: string; severity: string }[]): Record<string, number> {
  const fails: Record<string, number> = {};
  for (const f of findings) if (f.result === 'fail' && f.severity === 'error') fails[f.rule] = (fails[f.rule] ?? 0) + 1;
  return fails;
}
