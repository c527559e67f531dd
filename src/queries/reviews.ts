/**
 * 复议诉讼: reviews and lawsuits by year and by region, with their outcomes. Every rate carries
 * the counts it is made of; regions are ranked only when they have at least `minCases` decided
 * reviews, and carry a 95% Wilson interval.
 */
import { regionNeeds, scope, type Filters, type Sql } from './filters.ts';

const SUMS = `
  sum(applications) AS applications,
  sum(reviews) AS reviews, sum(rev_upheld) AS rev_upheld, sum(rev_corrected) AS rev_corrected,
  sum(rev_other) AS rev_other, sum(rev_pending) AS rev_pending,
  sum(lit_direct) AS lit_direct, sum(lit_after_review) AS lit_after_review, sum(lit_corrected) AS lit_corrected,
  sum(corrected) AS corrected, sum(decided) AS decided,
  coalesce(sum(reports), 0)::INTEGER AS reports, coalesce(sum(failing_reports), 0)::INTEGER AS failing_reports`;

export function reviewsByYear(f: Filters): Sql {
  const s = scope(f, 'r');
  return {
    sql: `SELECT *, 100 * reviews / nullif(applications, 0) AS reviews_per_100, corrected / nullif(decided, 0) AS correction_rate
FROM (SELECT year, ${SUMS} FROM rollup r WHERE ${s.sql} AND year IS NOT NULL GROUP BY year) ORDER BY year`,
    params: s.params,
    needs: regionNeeds(f, 'rollup'),
  };
}

/** The level below the region filter: provinces, then cities, then counties. */
export function regionLevelBelow(region: string | null): 'province' | 'city' | 'county' {
  if (!region) return 'province';
  if (/^\d{2}0000$/.test(region)) return 'city';
  return 'county';
}

export function reviewsByRegion(f: Filters, minCases = 10): Sql {
  const level = regionLevelBelow(f.region);
  const s = scope(f, 'r');
  const key = level === 'province' ? `substr(region_code, 1, 2) || '0000'` : level === 'city' ? `substr(region_code, 1, 4) || '00'` : 'region_code';
  const name = level === 'province' ? 'province' : level === 'city' ? `coalesce(city, province)` : `coalesce(county, city, province)`;
  return {
    sql: `WITH g AS (
  SELECT ${key} AS region_code, any_value(${name}) AS region_name, ${SUMS}
  FROM rollup r WHERE ${s.sql} AND region_code IS NOT NULL GROUP BY 1
)
SELECT *, corrected / nullif(decided, 0) AS correction_rate,
  -- Wilson score interval, z = 1.96
  CASE WHEN decided > 0 THEN (corrected / decided + 1.9208 / decided - 1.96 * sqrt((corrected / decided) * (1 - corrected / decided) / decided + 0.9604 / decided ^ 2)) / (1 + 3.8416 / decided) END AS correction_low,
  CASE WHEN decided > 0 THEN (corrected / decided + 1.9208 / decided + 1.96 * sqrt((corrected / decided) * (1 - corrected / decided) / decided + 0.9604 / decided ^ 2)) / (1 + 3.8416 / decided) END AS correction_high,
  coalesce(decided, 0) >= ? AS ranked,
  CASE WHEN coalesce(decided, 0) >= ? THEN rank() OVER (PARTITION BY coalesce(decided, 0) >= ? ORDER BY corrected / nullif(decided, 0) DESC) END AS correction_rank,
  100 * reviews / nullif(applications, 0) AS reviews_per_100
FROM g ORDER BY reviews DESC NULLS LAST, region_code`,
    params: [...s.params, minCases, minCases, minCases],
    needs: regionNeeds(f, 'rollup'),
  };
}
