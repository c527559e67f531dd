/**
 * 主动公开: table 二 by year. v2021 and v2019 measures that mean the same (处理决定数量) share a
 * code and form one series; the others stay apart, each shown only for the years its template
 * printed it.
 */
import { T2_METRICS } from '../model/metrics.ts';
import { scope, type Filters, type Sql } from './filters.ts';

export function proactiveByYear(f: Filters): Sql {
  const s = scope(f);
  return {
    sql: `SELECT r.year, c.metric, sum(c.value) AS value, count(DISTINCT r.report_id)::INTEGER AS reports,
  list(DISTINCT r.template ORDER BY r.template) AS templates
FROM reports r JOIN cells c ON c.report_id = r.report_id
WHERE ${s.sql} AND r.year IS NOT NULL AND c.state = 'number' AND c.metric IN (${T2_METRICS.map((m) => `'${m.code}'`).join(', ')})
GROUP BY r.year, c.metric ORDER BY c.metric, r.year`,
    params: s.params,
  };
}
