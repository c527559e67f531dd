/**
 * 年报体检 against the dataset: the carry-over from the agency's previous report, and the
 * report's key rates beside its peers' (same level, kind and province) as percentiles. Pure:
 * the SQL builders name what they read, the comparisons are computed here.
 */
import { APPLICANTS } from '../model/applicants.ts';
import type { CellRow } from '../model/contract.ts';
import { bucketOf, type Need } from '../model/site.ts';
import type { Sql } from '../queries/filters.ts';
import { COMPARE_MEASURES, type CompareMeasure } from '../queries/compare.ts';

/** 结转下年度 of the agency's report for `year`, per applicant column. */
export function previousCarrySql(agencyId: string, year: number, digits: number): Sql {
  const part = bucketOf(agencyId, digits);
  return {
    sql: `SELECT r.year, r.source_path, c.applicant, c.value, c.state FROM reports r JOIN cells c ON c.report_id = r.report_id
WHERE r.agency_id = ? AND r.year = ? AND r.status <> 'failed' AND c.metric = 'app.carried_out' ORDER BY r.source_path, c.applicant`,
    params: [agencyId, year],
    needs: [{ table: 'reports', part }, { table: 'cells', part }],
  };
}

export type CarryRow = { applicant: string; label: string; previous: number | null; now: number | null; ok: boolean | null; diff: number | null };

/**
 * 上年结转 of this report against 结转下年度 of the previous one, as the ingest's XYEAR_CARRY
 * check does: blank counts as 0; not applicable or unreadable cannot be checked (ok = null).
 */
export function carryOver(previous: { applicant: string; value: number | null; state: string }[], cells: CellRow[]): CarryRow[] {
  const prev = new Map(previous.map((p) => [p.applicant, p]));
  return APPLICANTS.flatMap((a) => {
    const before = prev.get(a.code);
    const now = cells.find((c) => c.metric === 'app.carried_in' && c.applicant === a.code);
    if (!before || !now) return [];
    const checkable = (s: string) => s === 'number' || s === 'blank';
    const p = checkable(before.state) ? (before.value ?? 0) : null;
    const n = checkable(now.state) ? (now.value ?? 0) : null;
    const ok = p === null || n === null ? null : p === n;
    return [{ applicant: a.code, label: a.labelZh, previous: p, now: n, ok, diff: p === null || n === null ? null : n - p }];
  });
}

const value = (cells: CellRow[], metric: string, applicant = '') => {
  const c = cells.find((x) => x.metric === metric && x.applicant === applicant);
  return c?.state === 'number' ? c.value : null;
};

/** The report's own measures, with the parts the dataset's rollups use (site-sql.ts). */
export function ownMeasures(cells: CellRow[]): Record<CompareMeasure, number | null> {
  const v = (m: string, a = '') => value(cells, m, a);
  const granted = v('app.res.granted', 'total');
  const partial = v('app.res.partial', 'total');
  const total = v('app.res.total', 'total');
  const applications = v('app.new', 'total');
  const [up, co, ot] = [v('rev.upheld'), v('rev.corrected'), v('rev.other')];
  const litd = v('lit_direct.total');
  const lita = v('lit_after_rev.total');
  const disclosed = total !== null && granted !== null && partial !== null ? granted + partial : null;
  const handled = granted !== null && partial !== null ? total : null;
  const lawsuits = litd !== null || lita !== null ? (litd ?? 0) + (lita ?? 0) : null;
  const decided = up !== null && co !== null && ot !== null ? up + co + ot : null;
  const ratio = (a: number | null, b: number | null, k = 1) => (a === null || b === null || b === 0 ? null : (k * a) / b);
  return {
    applications,
    disclosure_rate: ratio(disclosed, handled),
    reviews_per_100: ratio(v('rev.total'), applications, 100),
    lawsuits_per_100: ratio(lawsuits, applications, 100),
    correction_rate: ratio(decided === null ? null : co, decided),
  };
}

/** Per agency of the peer group (the agency itself left out), each measure, for the latest year of the dataset up to `year`. */
export function peersSql(province: string, level: string, kind: string, year: number, self: string | null): Sql {
  const cols = Object.entries(COMPARE_MEASURES).map(([k, m]) => `${m.expr} AS ${k}`).join(', ');
  const where = `part = ? AND admin_level = ? AND agency_kind = ? AND status <> 'failed'`;
  return {
    sql: `WITH y AS (SELECT max(year) AS year FROM agency_facts WHERE ${where} AND year <= ?)
SELECT agency_id, any_value(canonical_name) AS name, (SELECT year FROM y) AS year, ${cols}
FROM agency_facts WHERE ${where} AND year = (SELECT year FROM y) AND agency_id IS DISTINCT FROM ? GROUP BY agency_id`,
    params: [province, level, kind, year, province, level, kind, self],
    needs: [{ table: 'agency_facts', part: province } satisfies Need],
  };
}

/** Share of the values at or below `own` (ties count half): 0–100, null without peers or a value. */
export function percentile(values: (number | null)[], own: number | null): number | null {
  const xs = values.filter((x): x is number => x !== null && Number.isFinite(x));
  if (own === null || !xs.length) return null;
  const below = xs.filter((x) => x < own).length;
  const equal = xs.filter((x) => x === own).length;
  return (100 * (below + equal / 2)) / xs.length;
}
