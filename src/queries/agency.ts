/** 机构: one agency, every year: its reports, cells as printed and findings; and finding agencies by name. */
import type { Sql } from './filters.ts';

export function agencyReports(agencyId: string): Sql {
  return {
    sql: `SELECT report_id, year, agency_name, template, status, status_reason, source_path, source_url, source_format,
  region_code, province, city, county, agency_kind, admin_level, title, cell_count, unreadable_count
FROM reports WHERE agency_id = ? ORDER BY year, source_path`,
    params: [agencyId],
  };
}

export function agencyCells(agencyId: string): Sql {
  return {
    sql: `SELECT c.report_id, c.metric, c.applicant, c.value, c.state, c.raw, c.locator, c.reason
FROM cells c JOIN reports r ON r.report_id = c.report_id WHERE r.agency_id = ?`,
    params: [agencyId],
  };
}

export function agencyFindings(agencyId: string): Sql {
  return {
    sql: `SELECT f.report_id, f.rule, f.severity, f.result, f.applicant, f.metric, f.metrics, f.expected, f.actual, f.message
FROM findings f JOIN reports r ON r.report_id = f.report_id WHERE r.agency_id = ?
ORDER BY r.year, CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, f.rule, f.metric, f.applicant`,
    params: [agencyId],
  };
}

export function agencyInfo(agencyId: string): Sql {
  return { sql: `SELECT * FROM agencies WHERE agency_id = ?`, params: [agencyId] };
}

/** Agencies whose name (any alias) or region contains the text. */
export function searchAgencies(text: string, limit = 20): Sql {
  const q = text.trim();
  return {
    sql: `SELECT agency_id, canonical_name, province, city, county, admin_level, agency_kind, first_year, last_year, report_count
FROM agencies
WHERE ? = '' OR contains(canonical_name, ?) OR list_contains(list_transform(aliases, a -> contains(a.name, ?)), true)
   OR contains(coalesce(province, '') || coalesce(city, '') || coalesce(county, ''), ?)
ORDER BY report_count DESC, canonical_name LIMIT ${Math.max(1, Math.min(200, Math.floor(limit)))}`,
    params: [q, q, q, q],
  };
}
