/**
 * One synthetic report: numbers → printed text (with the quirks real reports have) and the
 * truth the ingest must read back (number, blank or na per cell). Errors real reports make —
 * a wrong total, a slip in one column, table 四 totals left 0 — are introduced on request and
 * recorded with the truth.
 */
import { APPLICANT_CODES, APPLICANT_PARTS } from '../../src/model/applicants.ts';
import type { ReportSpec } from '../lib/render/report-spec.ts';
import type { Numbers } from './numbers.ts';
import type { Random } from './random.ts';

export type TruthValue = number | null | 'na';
export interface SynthReport { spec: ReportSpec; truth: Record<string, TruthValue>; errors: string[]; quirks: string[] }

const FULL = '０１２３４５６７８９';

export function makeReport(agency: string, kind: string, year: number, template: 'v2021' | 'v2019', n: Numbers, r: Random, opts: { errorRate: number; wrongTemplate: boolean }): SynthReport {
  const errors: string[] = [];
  const quirks: string[] = [];
  const num = structuredClone(n);
  // errors the way reports get them wrong; the printed (wrong) numbers are the truth
  if (r.chance(opts.errorRate)) {
    const which = r.int(0, 2);
    if (which === 0) {
      num.t3['app.res.total'].total += r.int(1, 5);
      errors.push('wrong_total');
    } else if (which === 1) {
      const rows = Object.keys(num.t3).filter((m) => m.startsWith('app.res.') && m !== 'app.res.total');
      const m = r.pick(rows);
      const a = r.pick(APPLICANT_PARTS);
      num.t3[m][a] += r.int(1, 3);
      errors.push('column_slip');
    } else if (num.t4['rev.total'] > 0 || num.t4['lit_after_rev.total'] > 0) {
      num.t4['rev.total'] = 0;
      num.t4['lit_after_rev.total'] = 0;
      errors.push('t4_totals_zero');
    } else {
      num.t3['app.new'].natural += 1;
      num.t3['app.new'].total += 1;
      errors.push('balance_off');
    }
  }
  const blankZeros = r.chance(0.08);
  const fullWidth = r.chance(0.03);
  const thousands = r.chance(0.3);
  const noRules = kind !== 'government' && r.chance(0.5);
  if (blankZeros) quirks.push('blank_for_zero');
  if (fullWidth) quirks.push('full_width_digits');
  if (noRules) quirks.push('na_rules');
  const truth: Record<string, TruthValue> = {};
  const print = (key: string, v: number): string => {
    if (blankZeros && v === 0) {
      truth[key] = null;
      return '';
    }
    truth[key] = v;
    let s = thousands && Math.abs(v) >= 1000 && Number.isInteger(v) ? v.toLocaleString('en-US') : String(v);
    if (v > 0 && key.includes('delta_items')) s = `+${s}`;
    if (fullWidth) s = s.replace(/\d/g, (d) => FULL[Number(d)]);
    return s;
  };
  const spec: ReportSpec = { agency, year, template: opts.wrongTemplate ? 'v2019' : template, t2: {}, t3: {}, t4: {} };
  if (opts.wrongTemplate) {
    // a 2021+ report on the old form: the form's table 二 left empty, as 螅镇 2022 printed it
    quirks.push('wrong_template');
    for (const m of ['ad19.rule.made', 'ad19.rule.published', 'ad19.rule.total_published', 'ad19.normdoc.made', 'ad19.normdoc.published', 'ad19.normdoc.total_published',
      'ad19.license.prev_items', 'ad19.license.delta_items', 'ad.license.decisions', 'ad19.other_service.prev_items', 'ad19.other_service.delta_items', 'ad19.other_service.decisions',
      'ad19.penalty.prev_items', 'ad19.penalty.delta_items', 'ad.penalty.decisions', 'ad19.coercion.prev_items', 'ad19.coercion.delta_items', 'ad.coercion.decisions',
      'ad19.fee.prev_items', 'ad19.fee.delta_items', 'ad19.procurement.projects', 'ad19.procurement.amount']) {
      spec.t2[m] = '';
      truth[`${m}|`] = null;
    }
    // table 三 of the old form has one （六） row
    const other = num.t3['app.res.other.no_correction'];
    num.t3['app.res.other'] = Object.fromEntries(APPLICANT_CODES.map((a) => [a, other[a] + num.t3['app.res.other.unpaid_fee'][a] + num.t3['app.res.other.other'][a]]));
    for (const k of ['app.res.other.no_correction', 'app.res.other.unpaid_fee', 'app.res.other.other']) delete num.t3[k];
  } else {
    for (const [m, v] of Object.entries(num.t2)) {
      if (noRules && m.includes('.rule.')) {
        spec.t2[m] = '/';
        truth[`${m}|`] = 'na';
      } else spec.t2[m] = print(`${m}|`, v);
    }
  }
  for (const [m, row] of Object.entries(num.t3)) spec.t3[m] = Object.fromEntries(APPLICANT_CODES.map((a) => [a, print(`${m}|${a}`, row[a])]));
  for (const [m, v] of Object.entries(num.t4)) spec.t4[m] = print(`${m}|`, v);
  return { spec, truth, errors, quirks };
}
