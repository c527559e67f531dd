/**
 * 主动公开: table 二 by year. v2021 and v2019 measures that mean the same (处理决定数量) share a
 * code and form one series; the others stay apart, each shown only for the years its template
 * printed it.
 */
import { T2_METRICS } from '../model/metrics.ts';
import { regionNeeds, scope, type Filters, type Sql } from './filters.ts';

export function proactiveByYear(f: Filters): Sql {
  const s = scope(f, 'm');
  return {
    sql: `SELECT m.year, m.measure AS metric, sum(m.value) AS value, sum(m.reports)::INTEGER AS reports,
  list(DISTINCT m.template ORDER BY m.template) AS templates
FROM measures m
WHERE ${s.sql} AND m.year IS NOT NULL AND m.applicant = '' AND m.measure IN (${T2_METRICS.map((x) => `'${x.code}'`).join(', ')})
GROUP BY m.year, m.measure ORDER BY metric, m.year`,
    params: s.params,
    needs: regionNeeds(f, 'measures'),
  };
}
