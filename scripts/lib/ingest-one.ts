/**
 * One input file, ingested whatever happens: if parsing throws, the file still gets its row.
 * Runs in the main thread or in a worker.
 */
import type { CellRow, FindingRow, ReportRow } from '../../src/model/contract.ts';
import { reportIdOf } from '../../src/ingest/hash.ts';
import { ingestFile } from '../../src/ingest/ingest-file.ts';
import { sniffFormat } from '../../src/ingest/sniff.ts';
import { nodeExtractors } from './extractors.ts';
import { CellTooLong, cellsCsvBytes } from './cells-csv.ts';

export interface FileTask { path: string; abs: string; regionHint: string | null; url: string | null }
export interface FileResult { report: ReportRow; cells: CellRow[]; findings: FindingRow[] }
/** A file's rows as they go to the work database: the cells already as CSV lines in UTF-8 (cells-csv.ts). */
export interface EncodedResult { report: ReportRow; cellsCsv: Uint8Array<ArrayBuffer>; findings: FindingRow[] }

/** The rows encoded; a file with a cell too long to encode fails alone, saying so. */
export function encodeRows(r: FileResult): EncodedResult {
  try {
    return { report: r.report, cellsCsv: cellsCsvBytes(r.cells), findings: r.findings };
  } catch (e) {
    if (!(e instanceof CellTooLong)) throw e;
    const { source_path: path, source_sha256: sha, source_url: url, source_format: format } = r.report;
    return { report: failedReport(path, sha, e.message, url, format), cellsCsv: new Uint8Array(), findings: [] };
  }
}

export function failedReport(path: string, sha256: string, reason: string, url: string | null, format = 'unknown'): ReportRow {
  return {
    report_id: reportIdOf(sha256), source_path: path, source_sha256: sha256, agency_id: null, source_format: format, source_url: url,
    status: 'failed', status_reason: reason, agency_name: null, agency_kind: null, admin_level: null, region_code: null,
    province: null, city: null, county: null, year: null, template: 'unknown', title: null, cell_count: 0, unreadable_count: 0,
  };
}

export async function ingestBytesOf(task: FileTask & { bytes: Uint8Array; sha256: string }): Promise<FileResult> {
  try {
    return await ingestFile({ bytes: task.bytes, path: task.path, sha256: task.sha256, regionHint: task.regionHint, sourceUrl: task.url }, nodeExtractors);
  } catch (e) {
    return { report: failedReport(task.path, task.sha256, `解析时出错：${(e as Error).message} / internal error while parsing`, task.url, sniffFormat(task.bytes, task.path)), cells: [], findings: [] };
  }
}
