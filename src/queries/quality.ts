/** 数据质量: which reports break which rule, which could not be read, which template each year used. */
import { scope, type Filters, type Sql } from './filters.ts';

export function findingsByRule(f: Filters): Sql {
  const s = scope({ ...f }, 'r');
  return {
    sql: `SELECT f.rule, f.severity,
  count(DISTINCT f.report_id) FILTER (WHERE f.result = 'fail')::INTEGER AS failing_reports,
  count(*) FILTER (WHERE f.result = 'fail')::INTEGER AS failures,
  count(*) FILTER (WHERE f.result = 'not_assessable')::INTEGER AS not_assessable
FROM findings f JOIN reports r ON r.report_id = f.report_id
WHERE ${s.sql}
GROUP BY f.rule, f.severity
ORDER BY CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, failing_reports DESC, failures DESC, f.rule`,
    params: s.params,
  };
}

/** Reports with a failed error-level rule, or not fully read, or not read at all (failed ones included). */
export function problemReports(f: Filters, limit = 500): Sql {
  const s = scope(f, 'r');
  const withFailed = s.sql.replace(`r.status <> 'failed'`, 'true');
  return {
    sql: `SELECT r.report_id, r.agency_id, r.agency_name, r.year, r.status, r.status_reason, r.template, r.source_path,
  (SELECT count(*) FROM findings f WHERE f.report_id = r.report_id AND f.severity = 'error' AND f.result = 'fail')::INTEGER AS errors,
  (SELECT list(DISTINCT f.rule ORDER BY f.rule) FROM findings f WHERE f.report_id = r.report_id AND f.severity = 'error' AND f.result = 'fail') AS rules
FROM reports r
WHERE ${withFailed} AND (r.status <> 'ok' OR EXISTS (SELECT 1 FROM findings f WHERE f.report_id = r.report_id AND f.severity = 'error' AND f.result = 'fail'))
ORDER BY CASE r.status WHEN 'failed' THEN 0 WHEN 'partial' THEN 1 ELSE 2 END, errors DESC, r.source_path
LIMIT ${Math.max(1, Math.floor(limit))}`,
    params: s.params,
  };
}

export function templatesByYear(f: Filters): Sql {
  const s = scope(f, 'r');
  const withFailed = s.sql.replace(`r.status <> 'failed'`, 'true');
  return {
    sql: `SELECT r.year, r.template, r.status, count(*)::INTEGER AS reports FROM reports r WHERE ${withFailed} GROUP BY ALL ORDER BY r.year NULLS LAST, r.template, r.status`,
    params: s.params,
  };
}
