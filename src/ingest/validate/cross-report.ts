/**
 * Checks across the reports of a dataset (report-format.md §2): carry-over between consecutive
 * years of one agency (上年结转 of year N = 结转下年度 of year N−1), two different files for one
 * agency and year, and years missing between an agency's reports.
 */
import { APPLICANT_CODES, applicantLabel } from '../../model/applicants.ts';
import type { CellRow, FindingRow, ReportRow } from '../../model/contract.ts';
import { RULES } from '../../model/rules.ts';

type Report = Pick<ReportRow, 'report_id' | 'source_path' | 'year' | 'status' | 'agency_name'> & { agency_id: string | null };
type Cell = Pick<CellRow, 'report_id' | 'metric' | 'applicant' | 'value' | 'state' | 'raw'>;

function finding(report_id: string, rule: string, message: string, extra: Partial<FindingRow> = {}): FindingRow {
  return {
    report_id, rule, severity: RULES[rule].severity, result: 'fail', applicant: '', metric: '', metrics: [],
    expected: null, actual: null, message, ...extra,
  };
}

/** Carry-over of one agency from the report of year N−1 to the report of year N. */
export function carryOver(prev: Report, next: Report, cellsOf: (id: string) => Map<string, Cell>): FindingRow[] {
  const out: FindingRow[] = [];
  const a = cellsOf(prev.report_id);
  const b = cellsOf(next.report_id);
  for (const applicant of APPLICANT_CODES) {
    const out1 = a.get(`app.carried_out|${applicant}`);
    const in2 = b.get(`app.carried_in|${applicant}`);
    if (!out1 || !in2) continue;
    const metrics = ['app.carried_out', 'app.carried_in'];
    const where = `「${applicantLabel(applicant)}」列`;
    const unusable = [out1, in2].find((c) => c.state === 'na' || c.state === 'unreadable');
    if (unusable) {
      out.push(finding(next.report_id, 'XYEAR_CARRY', `${next.year} 年「二、上年结转」与 ${prev.year} 年「四、结转下年度」${where}：有单元格为${unusable.state === 'na' ? '不适用' : '无法读取'}，无法核对`, { result: 'not_assessable', applicant, metrics }));
      continue;
    }
    const v1 = out1.value ?? 0;
    const v2 = in2.value ?? 0;
    if (v1 !== v2) {
      out.push(finding(next.report_id, 'XYEAR_CARRY',
        `${next.year} 年报告${where}「二、上年结转」为 ${in2.state === 'blank' ? '空白' : v2}，但 ${prev.year} 年报告（${prev.source_path}）「四、结转下年度」为 ${out1.state === 'blank' ? '空白' : v1}，相差 ${Math.abs(v2 - v1)}`,
        { applicant, metric: 'app.carried_in', metrics, expected: v1, actual: v2 }));
    }
  }
  return out;
}

export function crossReportChecks(reports: Report[], cells: Cell[]): FindingRow[] {
  const byReport = new Map<string, Map<string, Cell>>();
  for (const c of cells) {
    if (!byReport.has(c.report_id)) byReport.set(c.report_id, new Map());
    byReport.get(c.report_id)!.set(`${c.metric}|${c.applicant}`, c);
  }
  const cellsOf = (id: string) => byReport.get(id) ?? new Map<string, Cell>();
  const byAgency = new Map<string, Report[]>();
  for (const r of reports) {
    if (!r.agency_id || r.year === null || r.status === 'failed') continue;
    if (!byAgency.has(r.agency_id)) byAgency.set(r.agency_id, []);
    byAgency.get(r.agency_id)!.push(r);
  }
  const out: FindingRow[] = [];
  for (const rs of byAgency.values()) {
    const byYear = new Map<number, Report[]>();
    for (const r of rs) {
      if (!byYear.has(r.year!)) byYear.set(r.year!, []);
      byYear.get(r.year!)!.push(r);
    }
    for (const [year, same] of byYear) {
      if (same.length < 2) continue;
      for (const r of same) {
        const others = same.filter((o) => o !== r).map((o) => o.source_path);
        const named = others.length > 3 ? `${others.slice(0, 3).join('、')} 等 ${others.length} 份` : others.join('、');
        out.push(finding(r.report_id, 'DUPLICATE_REPORT', `同一机关 ${year} 年有 ${same.length} 份不同的报告文件：本文件与 ${named}，均已保留`, { actual: same.length }));
      }
    }
    const years = [...byYear.keys()].sort((a, b) => a - b);
    for (let i = 1; i < years.length; i++) {
      const [y0, y1] = [years[i - 1], years[i]];
      if (y1 === y0 + 1) {
        // with several files for a year, every pair is compared
        for (const prev of byYear.get(y0)!) for (const next of byYear.get(y1)!) out.push(...carryOver(prev, next, cellsOf));
      } else {
        const missing = Array.from({ length: y1 - y0 - 1 }, (_, k) => y0 + k + 1);
        for (const next of byYear.get(y1)!) {
          out.push(finding(next.report_id, 'MISSING_YEAR', `该机关有 ${y0} 年和 ${y1} 年的报告，缺少 ${missing.join('、')} 年的报告`, { expected: missing.length }));
        }
      }
    }
  }
  return out;
}
