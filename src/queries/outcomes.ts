/**
 * 申请办理: what happened to the requests. The six outcome groups by year (per report, （六）
 * is its printed row or the sum of its three sub-rows, never both: see site-sql.ts), and the
 * reasons inside a group, for one applicant column.
 */
import { OUTCOME_GROUPS, type OutcomeGroup } from './site-sql.ts';
import { regionNeeds, scope, type Filters, type Sql } from './filters.ts';

export { OUTCOME_GROUPS, type OutcomeGroup };

const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

export function outcomeMixByYear(f: Filters, applicant = 'total'): Sql {
  const s = scope(f, 'm');
  return {
    sql: `SELECT m.year, substr(m.measure, 7) AS outcome, sum(m.value) AS applications, sum(m.reports)::INTEGER AS reports
FROM measures m
WHERE ${s.sql} AND m.year IS NOT NULL AND m.applicant = ? AND m.measure LIKE 'group.%'
GROUP BY m.year, m.measure
ORDER BY m.year, outcome`,
    params: [...s.params, applicant],
    needs: regionNeeds(f, 'measures'),
  };
}

/** The reasons inside one group (不予公开 1–8, 无法提供 1–3, 不予处理 1–5, 其他处理), summed over the scope. */
export function outcomeReasons(f: Filters, group: OutcomeGroup, applicant = 'total'): Sql {
  const g = OUTCOME_GROUPS.find((x) => x.key === group)!;
  const s = scope(f, 'm');
  return {
    sql: `SELECT m.measure AS metric, sum(m.value) AS applications, sum(m.reports)::INTEGER AS reports
FROM measures m
WHERE ${s.sql} AND m.applicant = ? AND m.measure IN (${list(g.metrics)})
GROUP BY m.measure ORDER BY m.measure`,
    params: [...s.params, applicant],
    needs: regionNeeds(f, 'measures'),
  };
}

/** Applications received by applicant type and year. */
export function applicantsByYear(f: Filters): Sql {
  const s = scope(f, 'm');
  return {
    sql: `SELECT m.year, m.applicant, sum(m.value) AS applications
FROM measures m
WHERE ${s.sql} AND m.year IS NOT NULL AND m.measure = 'app.new' AND m.applicant <> 'total'
GROUP BY m.year, m.applicant ORDER BY m.year, m.applicant`,
    params: s.params,
    needs: regionNeeds(f, 'measures'),
  };
}
