/**
 * 比较: agencies or regions side by side by year, and rankings within a peer group (same
 * administrative level and kind of agency) for one measure, counts beside every rate.
 */
import { scope, regionPrefix, type Filters, type Sql } from './filters.ts';

export const COMPARE_MEASURES = {
  applications: { zh: '收到申请（件）', expr: 'sum(app_new)', base: 'sum(app_new)' },
  disclosure_rate: { zh: '公开率（予以公开 + 部分公开）/ 办理总数', expr: 'sum(res_granted + res_partial) / nullif(sum(res_total) FILTER (WHERE res_granted IS NOT NULL AND res_partial IS NOT NULL), 0)', base: 'sum(res_total) FILTER (WHERE res_granted IS NOT NULL AND res_partial IS NOT NULL)' },
  reviews_per_100: { zh: '每百件申请的行政复议', expr: '100 * sum(rev_total) / nullif(sum(app_new), 0)', base: 'sum(app_new)' },
  lawsuits_per_100: { zh: '每百件申请的行政诉讼', expr: '100 * (sum(coalesce(litd_total, 0) + coalesce(lita_total, 0))) / nullif(sum(app_new), 0)', base: 'sum(app_new)' },
  correction_rate: { zh: '复议纠错率 结果纠正 /（维持 + 纠正 + 其他）', expr: 'sum(rev_corrected) / nullif(sum(rev_upheld + rev_corrected + rev_other), 0)', base: 'sum(rev_upheld + rev_corrected + rev_other)' },
} as const;
export type CompareMeasure = keyof typeof COMPARE_MEASURES;

/** Entities: agency ids, or region codes prefixed `region:`. */
export function compareByYear(entities: string[], f: Filters): Sql {
  const s = scope({ ...f, region: null, kind: null, level: null }, 'facts');
  const agencies = entities.filter((e) => !e.startsWith('region:'));
  const regions = entities.filter((e) => e.startsWith('region:')).map((e) => regionPrefix(e.slice(7)));
  const cols = Object.entries(COMPARE_MEASURES).map(([k, m]) => `${m.expr} AS ${k}, ${m.base} AS ${k}_base`).join(',\n  ');
  const parts: string[] = [];
  const params: unknown[] = [];
  if (agencies.length) {
    parts.push(`SELECT agency_id AS entity, (SELECT canonical_name FROM agencies a WHERE a.agency_id = facts.agency_id) AS name, year, ${cols}, count(*) FILTER (WHERE errors > 0)::INTEGER AS failing_reports
FROM facts WHERE ${s.sql} AND agency_id IN (${agencies.map(() => '?').join(', ')}) GROUP BY agency_id, year`);
    params.push(...s.params, ...agencies);
  }
  for (const r of regions) {
    parts.push(`SELECT 'region:' || ? AS entity, NULL AS name, year, ${cols}, count(*) FILTER (WHERE errors > 0)::INTEGER AS failing_reports
FROM facts WHERE ${s.sql} AND starts_with(region_code, ?) GROUP BY year`);
    params.push(r, ...s.params, r);
  }
  if (!parts.length) return { sql: 'SELECT NULL AS entity WHERE false', params: [] };
  return { sql: `${parts.join('\nUNION ALL\n')}\nORDER BY entity, year`, params };
}

/**
 * Agencies of one level and kind, ranked by a measure over the scope; those with fewer than
 * `minBase` behind the rate are listed but not ranked.
 */
export function peerRanking(f: Filters, measure: CompareMeasure, minBase: number): Sql {
  const s = scope(f, 'facts');
  const m = COMPARE_MEASURES[measure];
  return {
    sql: `WITH a AS (
  SELECT agency_id, (SELECT canonical_name FROM agencies g WHERE g.agency_id = facts.agency_id) AS name, any_value(admin_level) AS admin_level, any_value(agency_kind) AS agency_kind,
    any_value(province) AS province, any_value(city) AS city, any_value(county) AS county,
    ${m.expr} AS value, ${m.base} AS base, count(*)::INTEGER AS reports, count(*) FILTER (WHERE errors > 0)::INTEGER AS failing_reports
  FROM facts WHERE ${s.sql} AND agency_id IS NOT NULL GROUP BY agency_id
)
SELECT *, coalesce(base, 0) >= ? AND value IS NOT NULL AS ranked,
  CASE WHEN coalesce(base, 0) >= ? AND value IS NOT NULL THEN rank() OVER (PARTITION BY coalesce(base, 0) >= ? AND value IS NOT NULL ORDER BY value DESC) END AS rank
FROM a ORDER BY rank NULLS LAST, value DESC NULLS LAST, name`,
    params: [...s.params, minBase, minBase, minBase],
  };
}
