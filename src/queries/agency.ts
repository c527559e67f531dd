/**
 * 机构: one agency, every year: its reports, cells as printed and findings (from its detail
 * bucket); and finding agencies by name (agency_index, by province).
 */
import { bucketOf, type Need } from '../model/site.ts';
import type { Sql } from './filters.ts';

const bucket = (agencyId: string, digits: number, ...tables: Need['table'][]): Need[] =>
  tables.map((table) => ({ table, part: bucketOf(agencyId, digits) }));

export function agencyReports(agencyId: string, digits: number): Sql {
  return {
    sql: `SELECT report_id, year, agency_name, template, status, status_reason, source_path, source_url, source_format,
  region_code, province, city, county, agency_kind, admin_level, title, cell_count, unreadable_count
FROM reports WHERE agency_id = ? ORDER BY year, source_path`,
    params: [agencyId],
    needs: bucket(agencyId, digits, 'reports'),
  };
}

export function agencyCells(agencyId: string, digits: number): Sql {
  return {
    sql: `SELECT c.report_id, c.metric, c.applicant, c.value, c.state, c.raw, c.locator, c.reason
FROM cells c JOIN reports r ON r.report_id = c.report_id WHERE r.agency_id = ?`,
    params: [agencyId],
    needs: bucket(agencyId, digits, 'reports', 'cells'),
  };
}

export function agencyFindings(agencyId: string, digits: number): Sql {
  return {
    sql: `SELECT f.report_id, f.rule, f.severity, f.result, f.applicant, f.metric, f.metrics, f.expected, f.actual, f.message
FROM findings f JOIN reports r ON r.report_id = f.report_id WHERE r.agency_id = ?
ORDER BY r.year, CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, f.rule, f.metric, f.applicant`,
    params: [agencyId],
    needs: bucket(agencyId, digits, 'reports', 'findings'),
  };
}

export function agencyInfo(agencyId: string, digits: number): Sql {
  return { sql: `SELECT * EXCLUDE (part) FROM agencies WHERE agency_id = ?`, params: [agencyId], needs: bucket(agencyId, digits, 'agencies') };
}

/**
 * Agencies whose name (any alias) or region contains the text. `parts`: the agency_index
 * partitions to search (all of them, or the chosen province's).
 */
export function searchAgencies(text: string, parts: string[], limit = 20): Sql {
  const q = text.trim();
  return {
    sql: `SELECT agency_id, canonical_name, province, city, county, admin_level, agency_kind, first_year, last_year, report_count
FROM agency_index
WHERE ? = '' OR contains(canonical_name, ?) OR contains(names, ?)
   OR contains(coalesce(province, '') || coalesce(city, '') || coalesce(county, ''), ?)
ORDER BY report_count DESC, canonical_name, agency_id LIMIT ${Math.max(1, Math.min(200, Math.floor(limit)))}`,
    params: [q, q, q, q],
    needs: parts.map((part) => ({ table: 'agency_index', part })),
  };
}
