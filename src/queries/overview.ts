/**
 * 总览: headline figures of the chosen scope, overall and by year. Rates are computed from sums
 * of the reports that print both parts; the counts behind each rate come with it.
 */
import { scope, type Filters, type Sql } from './filters.ts';

/** Sums and counts shared by the tiles and the yearly trend. */
const MEASURES = `
  count(*)::INTEGER AS reports,
  count(DISTINCT agency_id)::INTEGER AS agencies,
  sum(app_new) AS applications,
  sum(res_granted + res_partial) FILTER (WHERE res_total IS NOT NULL) AS disclosed,
  sum(res_total) FILTER (WHERE res_granted IS NOT NULL AND res_partial IS NOT NULL) AS handled,
  sum(rev_total) AS reviews,
  sum(coalesce(litd_total, 0) + coalesce(lita_total, 0)) FILTER (WHERE litd_total IS NOT NULL OR lita_total IS NOT NULL) AS lawsuits,
  sum(rev_corrected) FILTER (WHERE rev_upheld IS NOT NULL AND rev_other IS NOT NULL) AS corrected,
  sum(rev_upheld + rev_corrected + rev_other) AS decided,
  count(*) FILTER (WHERE errors > 0)::INTEGER AS failing_reports`;

const RATES = `
  disclosed / nullif(handled, 0) AS disclosure_rate,
  100 * reviews / nullif(applications, 0) AS reviews_per_100,
  100 * lawsuits / nullif(applications, 0) AS lawsuits_per_100,
  corrected / nullif(decided, 0) AS correction_rate`;

export function overviewTotals(f: Filters): Sql {
  const s = scope(f, 'facts');
  return { sql: `SELECT *, ${RATES} FROM (SELECT ${MEASURES} FROM facts WHERE ${s.sql})`, params: s.params };
}

export function overviewByYear(f: Filters): Sql {
  const s = scope(f, 'facts');
  return { sql: `SELECT *, ${RATES} FROM (SELECT year, ${MEASURES} FROM facts WHERE ${s.sql} AND year IS NOT NULL GROUP BY year) ORDER BY year`, params: s.params };
}
