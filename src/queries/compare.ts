/**
 * 比较: agencies or regions side by side by year, and rankings within a peer group (same
 * administrative level and kind of agency) for one measure, counts beside every rate. Regions
 * come from the rollup; agencies from agency_facts (their detail buckets, or for a ranking
 * the partition of the region, or nationally of the peer group).
 */
import { bucketOf, regionPart, type Need } from '../model/site.ts';
import { scope, regionPrefix, type Filters, type Sql } from './filters.ts';

/** Each measure over sums of the per-report parts (site-sql.ts), so agencies and regions are computed alike. */
export const COMPARE_MEASURES = {
  applications: { zh: '收到申请（件）', expr: 'sum(applications)', base: 'sum(applications)' },
  disclosure_rate: { zh: '公开率（予以公开 + 部分公开）/ 办理总数', expr: 'sum(disclosed) / nullif(sum(handled), 0)', base: 'sum(handled)' },
  reviews_per_100: { zh: '每百件申请的行政复议', expr: '100 * sum(reviews) / nullif(sum(applications), 0)', base: 'sum(applications)' },
  lawsuits_per_100: { zh: '每百件申请的行政诉讼', expr: '100 * sum(lawsuits) / nullif(sum(applications), 0)', base: 'sum(applications)' },
  correction_rate: { zh: '复议纠错率 结果纠正 /（维持 + 纠正 + 其他）', expr: 'sum(corrected) / nullif(sum(decided), 0)', base: 'sum(decided)' },
} as const;
export type CompareMeasure = keyof typeof COMPARE_MEASURES;

const COLS = Object.entries(COMPARE_MEASURES).map(([k, m]) => `${m.expr} AS ${k}, ${m.base} AS ${k}_base`).join(',\n  ');

/** Entities: agency ids, or region codes prefixed `region:`. `digits`: the dataset's agency bucket digits. */
export function compareByYear(entities: string[], f: Filters, digits: number): Sql {
  const time = { ...f, region: null, kind: null, level: null };
  const agencies = entities.filter((e) => !e.startsWith('region:'));
  const regions = entities.filter((e) => e.startsWith('region:')).map((e) => regionPrefix(e.slice(7)));
  const parts: string[] = [];
  const params: unknown[] = [];
  const needs: Need[] = [];
  if (agencies.length) {
    const buckets = [...new Set(agencies.map((a) => bucketOf(a, digits)))];
    const s = scope(time, 'a', { parts: buckets });
    parts.push(`SELECT agency_id AS entity, any_value(canonical_name) AS name, year, ${COLS}, sum(failing)::INTEGER AS failing_reports
FROM agency_facts a WHERE ${s.sql} AND agency_id IN (${agencies.map(() => '?').join(', ')}) GROUP BY agency_id, year`);
    params.push(...s.params, ...agencies);
    needs.push(...buckets.map((part) => ({ table: 'agency_facts' as const, part })));
  }
  for (const r of regions) {
    const s = scope({ ...time, region: r.padEnd(6, '0') }, 'r');
    parts.push(`SELECT 'region:' || ? AS entity, NULL AS name, year, ${COLS}, sum(failing_reports)::INTEGER AS failing_reports
FROM rollup r WHERE ${s.sql} GROUP BY year`);
    params.push(r, ...s.params);
    needs.push({ table: 'rollup', part: regionPart(r.padEnd(6, '0')) });
  }
  if (!parts.length) return { sql: 'SELECT NULL AS entity WHERE false', params: [], needs: [] };
  return { sql: `${parts.join('\nUNION ALL\n')}\nORDER BY entity, year`, params, needs };
}

/** The agency_facts partition holding the peers of a scope: the region's, else the national one of the level and kind. */
export function peerPart(f: Filters): string | null {
  if (f.region) return regionPart(f.region);
  if (f.level && f.kind) return `all.${f.level}.${f.kind}`;
  return null;
}

/**
 * Agencies of one level and kind, ranked by a measure over the scope; those with fewer than
 * `minBase` behind the rate are listed but not ranked.
 */
export function peerRanking(f: Filters, measure: CompareMeasure, minBase: number): Sql {
  const part = peerPart(f);
  if (!part) throw new Error('peer ranking needs a region, or a level and a kind');
  const s = scope(f, 'a', { parts: [part] });
  const m = COMPARE_MEASURES[measure];
  return {
    sql: `WITH g AS (
  SELECT agency_id, any_value(canonical_name) AS name, any_value(admin_level) AS admin_level, any_value(agency_kind) AS agency_kind,
    any_value(province) AS province, any_value(city) AS city, any_value(county) AS county,
    ${m.expr} AS value, ${m.base} AS base, count(*)::INTEGER AS reports, sum(failing)::INTEGER AS failing_reports
  FROM agency_facts a WHERE ${s.sql} GROUP BY agency_id
)
SELECT *, coalesce(base, 0) >= ? AND value IS NOT NULL AS ranked,
  CASE WHEN coalesce(base, 0) >= ? AND value IS NOT NULL THEN rank() OVER (PARTITION BY coalesce(base, 0) >= ? AND value IS NOT NULL ORDER BY value DESC) END AS rank
FROM g ORDER BY rank NULLS LAST, value DESC NULLS LAST, name`,
    params: [...s.params, minBase, minBase, minBase],
    needs: [{ table: 'agency_facts', part }],
  };
}
