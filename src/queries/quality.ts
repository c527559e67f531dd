/** 数据质量: which reports break which rule, which could not be read, which template each year used. */
import { PROBLEM_LIMIT } from '../model/site.ts';
import { PROBLEM_ORDER } from './site-sql.ts';
import { regionNeeds, scope, type Filters, type Sql } from './filters.ts';

export function findingsByRule(f: Filters): Sql {
  const s = scope(f, 'q');
  return {
    sql: `SELECT q.rule, q.severity, sum(q.failing_reports)::INTEGER AS failing_reports, sum(q.failures)::INTEGER AS failures,
  sum(q.not_assessable)::INTEGER AS not_assessable
FROM rules q
WHERE ${s.sql}
GROUP BY q.rule, q.severity
ORDER BY CASE q.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, failing_reports DESC, failures DESC, q.rule`,
    params: s.params,
    needs: regionNeeds(f, 'rules'),
  };
}

/**
 * Reports with a failed error-level rule, or not fully read, or not read at all (failed ones
 * included): the first PROBLEM_LIMIT at most, which the problems table holds for any filter.
 */
export function problemReports(f: Filters, limit = PROBLEM_LIMIT): Sql {
  const s = scope(f, 'p', { withFailed: true });
  return {
    sql: `SELECT p.report_id, p.agency_id, p.agency_name, p.year, p.status, p.status_reason, p.template, p.source_path, p.errors, p.rules
FROM problems p
WHERE ${s.sql}
ORDER BY ${PROBLEM_ORDER}
LIMIT ${Math.max(1, Math.min(PROBLEM_LIMIT, Math.floor(limit)))}`,
    params: s.params,
    needs: regionNeeds(f, 'problems'),
  };
}

export function templatesByYear(f: Filters): Sql {
  const s = scope(f, 'r', { withFailed: true });
  return {
    sql: `SELECT r.year, r.template, r.status, sum(r.reports)::INTEGER AS reports FROM rollup r WHERE ${s.sql} GROUP BY ALL ORDER BY r.year NULLS LAST, r.template, r.status`,
    params: s.params,
    needs: regionNeeds(f, 'rollup'),
  };
}
