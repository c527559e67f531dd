/**
 * The numbers of one agency's reports over the years: consistent identities by construction,
 * carry-over that matches between consecutive years, outcome mixes that differ by kind of
 * agency, most agencies with a handful of requests and a long tail, reviews and lawsuits rare.
 */
import { APPLICANT_PARTS } from '../../src/model/applicants.ts';
import { t3Codes } from '../lib/render/report-spec.ts';
import type { Random } from './random.ts';
import type { SynthAgency } from './universe.ts';

export type Numbers = { t2: Record<string, number>; t3: Record<string, Record<string, number>>; t4: Record<string, number> };

const APPLICANT_WEIGHTS = [90, 5, 0.5, 0.5, 3, 1];

/** Outcome weights by kind: a township mostly answers or does not hold; a government refuses more. */
function outcomeWeights(kind: SynthAgency['kind'], codes: string[]): number[] {
  const base: Record<string, number> = {
    'app.res.granted': 45, 'app.res.partial': 12, 'app.res.unable.not_held': 20, 'app.res.unable.need_creation': 2,
    'app.res.unable.unclear': 1, 'app.res.rejected.petition': 3, 'app.res.rejected.repeat': 2, 'app.res.denied.process_info': 1.5,
    'app.res.denied.internal_affairs': 1, 'app.res.denied.third_party': 0.8, 'app.res.denied.state_secret': 0.3,
    'app.res.denied.law_prohibited': 0.5, 'app.res.denied.security_stability': 0.3, 'app.res.denied.enforcement_file': 0.8,
    'app.res.denied.admin_query': 1.2, 'app.res.rejected.publication': 0.3, 'app.res.rejected.excessive': 0.3,
    'app.res.rejected.confirm_reissue': 0.3, 'app.res.other': 4, 'app.res.other.no_correction': 2, 'app.res.other.unpaid_fee': 0.3, 'app.res.other.other': 2,
  };
  if (kind === 'township') Object.assign(base, { 'app.res.granted': 60, 'app.res.unable.not_held': 25 });
  if (kind === 'government' || kind === 'gov_office') Object.assign(base, { 'app.res.denied.process_info': 4, 'app.res.denied.internal_affairs': 3, 'app.res.rejected.petition': 5 });
  return codes.map((c) => base[c] ?? 0.1);
}

/** Yearly numbers for years[0..], template per year; carried_out of a year is carried_in of the next. */
export function agencyYears(a: SynthAgency, years: { year: number; template: 'v2021' | 'v2019' }[], r: Random): Numbers[] {
  const out: Numbers[] = [];
  // activity varies between agencies by a lognormal factor: the long tail
  const activity = a.scale * Math.exp(1.1 * r.normal() - 0.6);
  let carried = APPLICANT_PARTS.map(() => 0);
  let inForce = r.poisson(a.kind === 'government' || a.kind === 'gov_office' ? 40 : 8);
  for (const { template } of years) {
    const outcomes = t3Codes(template).filter((c) => !['app.new', 'app.carried_in', 'app.res.total', 'app.carried_out'].includes(c));
    const weights = outcomeWeights(a.kind, outcomes);
    const total = r.poisson(activity);
    const fresh = r.split(total, APPLICANT_WEIGHTS);
    const t3: Record<string, Record<string, number>> = {};
    const set = (metric: string, i: number, v: number) => {
      (t3[metric] ??= {})[APPLICANT_PARTS[i]] = v;
    };
    for (const code of outcomes) t3[code] = {};
    APPLICANT_PARTS.forEach((_, i) => {
      set('app.new', i, fresh[i]);
      set('app.carried_in', i, carried[i]);
      const available = fresh[i] + carried[i];
      const out = r.split(available, [95, 5])[1];
      set('app.carried_out', i, out);
      const handled = available - out;
      set('app.res.total', i, handled);
      r.split(handled, weights).forEach((v, k) => set(outcomes[k], i, v));
    });
    carried = APPLICANT_PARTS.map((_, i) => t3['app.carried_out'][APPLICANT_PARTS[i]]);
    for (const row of Object.values(t3)) row.total = APPLICANT_PARTS.reduce((s, p) => s + row[p], 0);
    const t4: Record<string, number> = {};
    for (const [block, rate] of [['rev', 0.02], ['lit_direct', 0.004], ['lit_after_rev', 0.004]] as const) {
      const n = r.poisson(total * rate + (r.chance(0.02) ? 1 : 0));
      const [upheld, corrected, other, pending] = r.split(n, [55, 12, 23, 10]);
      Object.assign(t4, { [`${block}.upheld`]: upheld, [`${block}.corrected`]: corrected, [`${block}.other`]: other, [`${block}.pending`]: pending, [`${block}.total`]: n });
    }
    const issued = r.poisson(a.kind === 'government' ? 6 : 1);
    const repealed = Math.min(inForce, r.poisson(a.kind === 'government' ? 3 : 0.5));
    inForce = inForce + issued - repealed;
    const t2: Record<string, number> = template === 'v2021'
      ? {
          'ad.rule.issued': 0, 'ad.rule.repealed': 0, 'ad.rule.in_force': 0,
          'ad.normdoc.issued': issued, 'ad.normdoc.repealed': repealed, 'ad.normdoc.in_force': inForce,
          'ad.license.decisions': r.poisson(a.scale * 40), 'ad.penalty.decisions': r.poisson(a.scale * 15), 'ad.coercion.decisions': r.poisson(a.scale),
          'ad.fee.amount': a.kind === 'township' ? 0 : Math.round(r.next() * a.scale * 5000) / 100,
        }
      : {
          'ad19.rule.made': 0, 'ad19.rule.published': 0, 'ad19.rule.total_published': 0,
          'ad19.normdoc.made': issued, 'ad19.normdoc.published': issued, 'ad19.normdoc.total_published': inForce,
          'ad19.license.prev_items': r.poisson(20), 'ad19.license.delta_items': r.int(-3, 3), 'ad.license.decisions': r.poisson(a.scale * 40),
          'ad19.other_service.prev_items': r.poisson(5), 'ad19.other_service.delta_items': r.int(-1, 1), 'ad19.other_service.decisions': r.poisson(a.scale * 5),
          'ad19.penalty.prev_items': r.poisson(30), 'ad19.penalty.delta_items': r.int(-2, 2), 'ad.penalty.decisions': r.poisson(a.scale * 15),
          'ad19.coercion.prev_items': r.poisson(5), 'ad19.coercion.delta_items': r.int(-1, 1), 'ad.coercion.decisions': r.poisson(a.scale),
          'ad19.fee.prev_items': r.poisson(3), 'ad19.fee.delta_items': r.int(-1, 1),
          'ad19.procurement.projects': r.poisson(2), 'ad19.procurement.amount': r.poisson(2) * 10000,
        };
    out.push({ t2, t3, t4 });
  }
  return out;
}
