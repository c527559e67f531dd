/** Dataset rows for tests that feed DatasetBuilder directly: every column given, the rest defaulted. */
import type { CellRow, ReportRow } from '../../src/model/contract.ts';

/** An ok v2021 text report of no agency or region; `id` is its 16-hex report id and names its file. */
export function reportRow(id: string, fields: Partial<ReportRow> = {}): ReportRow {
  return {
    report_id: id, source_path: `${id}.txt`, source_sha256: id.padEnd(64, '0'), agency_id: null, source_format: 'text', source_url: null,
    status: 'ok', status_reason: null, agency_name: null, agency_kind: null, admin_level: null, region_code: null, province: null, city: null, county: null,
    year: null, template: 'v2021', title: null, cell_count: 0, unreadable_count: 0, ...fields,
  };
}

/** A cell of the `total` column: a number as printed, or blank when `value` is null. */
export function totalCell(reportId: string, metric: string, value: number | null): CellRow {
  return { report_id: reportId, metric, applicant: 'total', value, state: value === null ? 'blank' : 'number', raw: value === null ? '' : String(value), locator: 'x', reason: null };
}
