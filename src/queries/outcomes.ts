/**
 * 申请办理: what happened to the requests. The six outcome groups by year (per report, （六）
 * is its printed row or the sum of its three sub-rows, never both), and the reasons inside a
 * group, for one applicant column.
 */
import { DENIED_PARTS, OTHER_PARTS, REJECTED_PARTS, UNABLE_PARTS } from '../model/metrics.ts';
import { scope, type Filters, type Sql } from './filters.ts';

export const OUTCOME_GROUPS = [
  { key: 'granted', zh: '予以公开', metrics: ['app.res.granted'] },
  { key: 'partial', zh: '部分公开', metrics: ['app.res.partial'] },
  { key: 'denied', zh: '不予公开', metrics: [...DENIED_PARTS] },
  { key: 'unable', zh: '无法提供', metrics: [...UNABLE_PARTS] },
  { key: 'rejected', zh: '不予处理', metrics: [...REJECTED_PARTS] },
  { key: 'other', zh: '其他处理', metrics: ['app.res.other', ...OTHER_PARTS] },
] as const;
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number]['key'];

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

export function outcomeMixByYear(f: Filters, applicant = 'total'): Sql {
  const s = scope(f);
  const groupOf = OUTCOME_GROUPS.map((g) => `WHEN c.metric IN (${list(g.metrics)}) THEN '${g.key}'`).join(' ');
  return {
    sql: `WITH per_report AS (
  SELECT r.report_id, r.year,
    CASE ${groupOf} END AS outcome,
    -- （六）: the printed row when there is one, else its sub-rows
    CASE WHEN c.metric = 'app.res.other' THEN 1 WHEN c.metric LIKE 'app.res.other.%' THEN 2 ELSE 0 END AS other_kind,
    c.value
  FROM reports r JOIN cells c ON c.report_id = r.report_id
  WHERE ${s.sql} AND r.year IS NOT NULL AND c.applicant = ? AND c.state = 'number'
    AND c.metric IN (${list(OUTCOME_GROUPS.flatMap((g) => g.metrics))})
), leaf AS (SELECT DISTINCT report_id FROM per_report WHERE other_kind = 1)
SELECT year, outcome, sum(value) AS applications, count(DISTINCT report_id)::INTEGER AS reports
FROM per_report p
WHERE NOT (other_kind = 2 AND report_id IN (SELECT report_id FROM leaf))
GROUP BY year, outcome
ORDER BY year, outcome`,
    params: [...s.params, applicant],
  };
}

/** The reasons inside one group (不予公开 1–8, 无法提供 1–3, 不予处理 1–5, 其他处理), summed over the scope. */
export function outcomeReasons(f: Filters, group: OutcomeGroup, applicant = 'total'): Sql {
  const g = OUTCOME_GROUPS.find((x) => x.key === group)!;
  const s = scope(f);
  return {
    sql: `SELECT c.metric, sum(c.value) AS applications, count(DISTINCT r.report_id)::INTEGER AS reports
FROM reports r JOIN cells c ON c.report_id = r.report_id
WHERE ${s.sql} AND c.applicant = ? AND c.state = 'number' AND c.metric IN (${list(g.metrics)})
GROUP BY c.metric ORDER BY c.metric`,
    params: [...s.params, applicant],
  };
}

/** Applications received by applicant type and year. */
export function applicantsByYear(f: Filters): Sql {
  const s = scope(f);
  return {
    sql: `SELECT r.year, c.applicant, sum(c.value) AS applications
FROM reports r JOIN cells c ON c.report_id = r.report_id
WHERE ${s.sql} AND r.year IS NOT NULL AND c.metric = 'app.new' AND c.applicant <> 'total' AND c.state = 'number'
GROUP BY r.year, c.applicant ORDER BY r.year, c.applicant`,
    params: s.params,
  };
}
