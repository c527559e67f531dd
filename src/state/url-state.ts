/**
 * The whole view state in the URL, so any view can be shared as a link. Parsing is strict:
 * an unknown view, code or number is dropped with a visible notice, never passed on to SQL.
 */
import { clip } from '../lib/display.ts';
import { APPLICANT_CODES } from '../model/applicants.ts';
import { COMPARE_MEASURES, type CompareMeasure } from '../queries/compare.ts';
import { KINDS, LEVELS, TEMPLATES, type Filters } from '../queries/filters.ts';
import { OUTCOME_GROUPS, type OutcomeGroup } from '../queries/outcomes.ts';

export const VIEWS = ['overview', 'outcomes', 'proactive', 'reviews', 'compare', 'agency', 'quality', 'check', 'sql'] as const;
export type View = (typeof VIEWS)[number];

export interface AppState {
  view: View;
  filters: Filters;
  applicant: string;
  group: OutcomeGroup | null;
  entities: string[];
  measure: CompareMeasure;
  minCases: number;
  agency: string | null;
  sql: string;
}

export const DEFAULT_STATE: AppState = {
  view: 'overview',
  filters: { from: null, to: null, region: null, kind: null, level: null, template: null },
  applicant: 'total',
  group: null,
  entities: [],
  measure: 'applications',
  minCases: 10,
  agency: null,
  sql: 'SELECT year, count(*) AS reports, sum(value) AS applications\nFROM reports JOIN cells USING (report_id)\nWHERE metric = \'app.new\' AND applicant = \'total\'\nGROUP BY year ORDER BY year',
};

const ID = /^[0-9a-f]{16}$/;
const REGION = /^\d{6}$/;

export function parseState(search: string): { state: AppState; notices: string[] } {
  const p = new URLSearchParams(search);
  const notices: string[] = [];
  const s: AppState = structuredClone(DEFAULT_STATE);
  // the value is echoed cut short: a link may carry thousands of characters
  const bad = (name: string, value: string) => notices.push(`链接中的参数 ${name}=${clip(value, 60)} 无法识别，已忽略 / unknown value ignored`);
  const oneOf = <T extends string>(name: string, list: readonly T[]): T | null => {
    const v = p.get(name);
    if (v === null || v === '') return null;
    if ((list as readonly string[]).includes(v)) return v as T;
    bad(name, v);
    return null;
  };
  const year = (name: string): number | null => {
    const v = p.get(name);
    if (!v) return null;
    const n = Number(v);
    if (Number.isInteger(n) && n >= 2000 && n <= 2100) return n;
    bad(name, v);
    return null;
  };
  s.view = oneOf('v', VIEWS) ?? 'overview';
  s.filters.from = year('from');
  s.filters.to = year('to');
  if (s.filters.from !== null && s.filters.to !== null && s.filters.from > s.filters.to) {
    // neither end is more likely the mistake: both go, and every year is shown
    notices.push(`链接中的年度范围 from=${s.filters.from} 晚于 to=${s.filters.to}，已忽略 / from is after to, ignored`);
    s.filters.from = s.filters.to = null;
  }
  const r = p.get('r');
  if (r) {
    if (REGION.test(r)) s.filters.region = r;
    else bad('r', r);
  }
  s.filters.kind = oneOf('k', KINDS);
  s.filters.level = oneOf('l', LEVELS);
  s.filters.template = oneOf('t', TEMPLATES);
  s.applicant = oneOf('ap', APPLICANT_CODES) ?? 'total';
  s.group = oneOf('g', OUTCOME_GROUPS.map((g) => g.key));
  s.measure = oneOf('m', Object.keys(COMPARE_MEASURES) as CompareMeasure[]) ?? 'applications';
  const min = p.get('min');
  if (min) {
    const n = Number(min);
    if (Number.isInteger(n) && n >= 0 && n <= 100000) s.minCases = n;
    else bad('min', min);
  }
  for (const e of (p.get('e') ?? '').split(',').filter(Boolean)) {
    if (ID.test(e) || (e.startsWith('region:') && REGION.test(e.slice(7)))) s.entities.push(e);
    else bad('e', e);
  }
  s.entities = s.entities.slice(0, 12);
  const a = p.get('a');
  if (a) {
    if (ID.test(a)) s.agency = a;
    else bad('a', a);
  }
  const q = p.get('q');
  if (q !== null) s.sql = q.slice(0, 20_000);
  return { state: s, notices };
}

/** What the open dataset holds, to refuse link values that can only show nothing. */
export interface DatasetFacts { minYear: number | null; maxYear: number | null; regionCodes: readonly string[] }

/** A region filter code (province XX0000, city XXXX00 or county) that some report of the dataset falls under. */
export function regionInDataset(code: string, codes: readonly string[]): boolean {
  const prefix = code.endsWith('0000') ? code.slice(0, 2) : code.endsWith('00') ? code.slice(0, 4) : code;
  return codes.some((c) => c.startsWith(prefix));
}

/**
 * The state with the values the dataset cannot have (a region it has no report for, a year
 * outside its years) dropped, each with a notice. The URL then follows the state.
 */
export function fitToDataset(state: AppState, facts: DatasetFacts): { state: AppState; notices: string[] } {
  const s: AppState = plainCopy(state);
  const notices: string[] = [];
  const { minYear, maxYear } = facts;
  if (minYear !== null && maxYear !== null) {
    for (const k of ['from', 'to'] as const) {
      const y = s.filters[k];
      if (y !== null && (y < minYear || y > maxYear)) {
        notices.push(`链接中的参数 ${k}=${y} 超出本数据集的年度（${minYear}–${maxYear}），已忽略 / outside the dataset's years, ignored`);
        s.filters[k] = null;
      }
    }
  }
  const region = s.filters.region;
  if (region && !regionInDataset(region, facts.regionCodes)) {
    notices.push(`链接中的参数 r=${region} 不是本数据集中的地区，已忽略 / no report of this region in the dataset, ignored`);
    s.filters.region = null;
  }
  s.entities = s.entities.filter((e) => {
    if (!e.startsWith('region:') || regionInDataset(e.slice(7), facts.regionCodes)) return true;
    notices.push(`链接中的比较对象 ${e} 不是本数据集中的地区，已忽略 / no report of this region in the dataset, ignored`);
    return false;
  });
  return { state: s, notices };
}

/** A plain copy of a state that may be a Svelte proxy (structuredClone cannot copy proxies). */
function plainCopy(s: AppState): AppState {
  return JSON.parse(JSON.stringify(s)) as AppState;
}

/** The URL query for a state: only what differs from the defaults, in a fixed order. */
export function serializeState(s: AppState): string {
  const p = new URLSearchParams();
  if (s.view !== 'overview') p.set('v', s.view);
  if (s.filters.from !== null) p.set('from', String(s.filters.from));
  if (s.filters.to !== null) p.set('to', String(s.filters.to));
  if (s.filters.region) p.set('r', s.filters.region);
  if (s.filters.kind) p.set('k', s.filters.kind);
  if (s.filters.level) p.set('l', s.filters.level);
  if (s.filters.template) p.set('t', s.filters.template);
  if (s.applicant !== 'total') p.set('ap', s.applicant);
  if (s.group) p.set('g', s.group);
  if (s.entities.length) p.set('e', s.entities.join(','));
  if (s.measure !== 'applications') p.set('m', s.measure);
  if (s.minCases !== DEFAULT_STATE.minCases) p.set('min', String(s.minCases));
  if (s.agency) p.set('a', s.agency);
  if (s.view === 'sql' && s.sql !== DEFAULT_STATE.sql) p.set('q', s.sql);
  const q = p.toString();
  return q ? `?${q}` : '';
}
