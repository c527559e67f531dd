/**
 * A report as data, for rendering into the formats agencies publish (tests, benchmarks, the
 * synthetic corpus). Cells hold the text to print, so quirks (blank, "/", "１２", "22（其中…）")
 * are expressed directly.
 */
import { APPLICANT_CODES } from '../../../src/model/applicants.ts';
import { T2_METRICS, T4_METRICS, printedT3Rows, type Template } from '../../../src/model/metrics.ts';

export interface ReportSpec {
  agency: string;
  year: number;
  template: 'v2021' | 'v2019';
  /** metric → printed text (table 二 and 四) */
  t2: Record<string, string>;
  /** metric → applicant → printed text */
  t3: Record<string, Record<string, string>>;
  t4: Record<string, string>;
  /** v2021 report printing （六） as one row (洪泽区 2023) */
  otherAsOneRow?: boolean;
}

export function t2Codes(template: Template): string[] {
  return T2_METRICS.filter((m) => m.templates.includes(template)).map((m) => m.code);
}

export function t3Codes(template: Template, otherAsOneRow = false): string[] {
  const rows = printedT3Rows(template).map((m) => m.code);
  if (!otherAsOneRow) return rows;
  const i = rows.indexOf('app.res.other.no_correction');
  return [...rows.slice(0, i).filter((c) => !c.startsWith('app.res.other.')), 'app.res.other', ...rows.slice(i).filter((c) => !c.startsWith('app.res.other.'))];
}

export const T4_CODES = T4_METRICS.map((m) => m.code);

/** The same numbers as a spec of printed text, everything printed as plain digits. */
export function specFromNumbers(
  base: Pick<ReportSpec, 'agency' | 'year' | 'template' | 'otherAsOneRow'>,
  t2: Record<string, number>, t3: Record<string, Record<string, number>>, t4: Record<string, number>,
): ReportSpec {
  const s = (n: number) => String(n);
  return {
    ...base,
    t2: Object.fromEntries(Object.entries(t2).map(([k, v]) => [k, s(v)])),
    t3: Object.fromEntries(Object.entries(t3).map(([k, row]) => [k, Object.fromEntries(APPLICANT_CODES.map((a) => [a, s(row[a])]))])),
    t4: Object.fromEntries(Object.entries(t4).map(([k, v]) => [k, s(v)])),
  };
}
