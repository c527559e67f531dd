/**
 * 总览: headline figures of the chosen scope, overall and by year, from the rollup. Rates are
 * computed from sums of the reports that print both parts; the counts behind each rate come
 * with it. Distinct agencies come from agency_masks and agency_years (model/site.ts).
 */
import { yearMask, YEAR_BIT_BASE } from '../model/site.ts';
import { placeScope, regionNeeds, scope, type Filters, type Sql } from './filters.ts';

/** Sums shared by the tiles and the yearly trend. */
const MEASURES = `
  coalesce(sum(reports), 0)::INTEGER AS reports,
  sum(applications) AS applications,
  sum(disclosed) AS disclosed,
  sum(handled) AS handled,
  sum(reviews) AS reviews,
  sum(lawsuits) AS lawsuits,
  sum(corrected) AS corrected,
  sum(decided) AS decided,
  coalesce(sum(failing_reports), 0)::INTEGER AS failing_reports`;

const RATES = `
  disclosed / nullif(handled, 0) AS disclosure_rate,
  100 * reviews / nullif(applications, 0) AS reviews_per_100,
  100 * lawsuits / nullif(applications, 0) AS lawsuits_per_100,
  corrected / nullif(decided, 0) AS correction_rate`;

const maskColumn = (f: Filters) => `m.m_${f.template ?? 'any'}`;

/** Distinct agencies of the scope over its whole year range. */
function agencyCount(f: Filters): Sql {
  const m = placeScope(f, 'm');
  const y = scope(f, 'y', { withFailed: true });
  return {
    sql: `(SELECT coalesce(sum(m.agencies), 0) FROM agency_masks m WHERE ${m.sql} AND (${maskColumn(f)} & ${yearMask(f.from, f.to)}::BIGINT) <> 0)
  + (SELECT count(DISTINCT y.agency_id) FROM agency_years y WHERE ${y.sql})`,
    params: [...m.params, ...y.params],
  };
}

const NEEDS = (f: Filters) => regionNeeds(f, 'rollup', 'agency_masks', 'agency_years');

export function overviewTotals(f: Filters): Sql {
  const s = scope(f, 'r');
  const a = agencyCount(f);
  return {
    sql: `SELECT *, ${RATES} FROM (SELECT ${MEASURES}, (${a.sql})::INTEGER AS agencies FROM rollup r WHERE ${s.sql})`,
    params: [...a.params, ...s.params],
    needs: NEEDS(f),
  };
}

export function overviewByYear(f: Filters): Sql {
  const s = scope(f, 'r');
  const m = placeScope(f, 'm');
  const y = scope(f, 'y', { withFailed: true });
  return {
    sql: `WITH t AS (
  SELECT year, ${MEASURES} FROM rollup r WHERE ${s.sql} AND year IS NOT NULL GROUP BY year
), am AS (
  SELECT t.year, sum(m.agencies) AS n FROM t JOIN agency_masks m
    ON ${m.sql} AND (${maskColumn(f)} & (1::BIGINT << (t.year - ${YEAR_BIT_BASE}))) <> 0 GROUP BY t.year
), ay AS (
  SELECT y.year, count(DISTINCT y.agency_id) AS n FROM agency_years y WHERE ${y.sql} AND y.year IS NOT NULL GROUP BY y.year
)
SELECT t.*, (coalesce(am.n, 0) + coalesce(ay.n, 0))::INTEGER AS agencies, ${RATES}
FROM t LEFT JOIN am USING (year) LEFT JOIN ay USING (year) ORDER BY year`,
    params: [...s.params, ...m.params, ...y.params],
    needs: NEEDS(f),
  };
}
