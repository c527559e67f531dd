/**
 * One input file → its row of reports.parquet, its cells and its findings. Pure and browser-safe:
 * the caller reads the bytes and computes the hash. Never throws on an odd report; whatever
 * happens, the file gets its row with a status and a reason.
 */
import type { CellRow, FindingRow, ReportRow, ReportStatus } from '../model/contract.ts';
import { METRICS } from '../model/metrics.ts';
import { APPLICANT_CODES } from '../model/applicants.ts';
import { decode } from './decode.ts';
import type { Doc } from './doc.ts';
import { extractHtml } from './extract/html.ts';
import { extractPdf, type PdfEngine } from './extract/pdf.ts';
import { extractDocx } from './extract/docx.ts';
import { extractText } from './extract/text.ts';
import { reportIdOf } from './hash.ts';
import { identifyAgency } from './identify/identify.ts';
import { parseReport, type ReportDraft } from './parse/report.ts';
import { sniffFormat, type SourceFormat } from './sniff.ts';
import { blankAsZero, checkFormat, checkNonNegInt, checkSections, unreadableSummary } from './validate/checks.ts';
import { finding, type Finding } from './validate/finding.ts';
import { checkIdentities } from './validate/identities.ts';

export interface IngestInput {
  bytes: Uint8Array;
  /** Path as the user gave it (relative to the folder ingested). */
  path: string;
  sha256: string;
  regionHint?: string | null;
  sourceUrl?: string | null;
}

/**
 * The heavy reader, passed in by the shell: a PDF engine (PDFium compiled to WebAssembly, in
 * Node and browsers, loaded once per thread).
 */
export interface Extractors {
  pdf?: PdfEngine;
}

export interface IngestOutput {
  report: ReportRow;
  cells: CellRow[];
  findings: FindingRow[];
}

const UNSUPPORTED: Partial<Record<SourceFormat, string>> = {
  empty: '空文件 / empty file',
  binary: '不是文本、网页、PDF 或 Word 文档（二进制内容）/ binary content: not a text, HTML, PDF or Word document',
  zip: 'ZIP 压缩包不是报告文件，请解压后再导入 / a zip archive, not a report: unpack it first',
  doc: '旧版二进制 Word/WPS 文件（.doc/.wps/.et），请先另存为 .docx 或 PDF / old binary Word/WPS file: convert it to .docx or PDF',
};

function failedRow(input: IngestInput, format: string, reason: string, draft?: ReportDraft, extra: Partial<ReportRow> = {}): IngestOutput {
  return {
    report: {
      report_id: reportIdOf(input.sha256), source_path: input.path, source_sha256: input.sha256, agency_id: null, source_format: format,
      source_url: input.sourceUrl ?? null, status: 'failed', status_reason: reason, agency_name: draft?.agency ?? null,
      agency_kind: null, admin_level: null, region_code: null, province: null, city: null, county: null,
      year: draft?.year ?? null, template: 'unknown', title: draft?.title ?? null, cell_count: 0, unreadable_count: 0, ...extra,
    },
    cells: [],
    findings: [],
  };
}

export function extractDoc(format: SourceFormat, text: string): Doc {
  return format === 'html' ? extractHtml(text) : extractText(text);
}

const METRIC_ORDER = new Map(METRICS.map((m, i) => [m.code, i]));
const APPLICANT_ORDER = new Map<string, number>(APPLICANT_CODES.map((a, i) => [a, i]));

export async function ingestFile(input: IngestInput, ex: Extractors = {}): Promise<IngestOutput> {
  const format = sniffFormat(input.bytes, input.path);
  const unsupported = UNSUPPORTED[format];
  if (unsupported) return failedRow(input, format, unsupported);
  let doc: Doc;
  if (format === 'pdf') {
    if (!ex.pdf) return failedRow(input, format, '此环境未提供 PDF 读取器 / no PDF reader available');
    const pdf = await extractPdf(input.bytes, ex.pdf);
    if (!pdf.ok) return failedRow(input, format, `${pdf.code}: ${pdf.reason}`);
    doc = pdf.doc;
  } else if (format === 'docx') {
    const docx = extractDocx(input.bytes);
    if (!docx.ok) return failedRow(input, format, docx.reason);
    doc = docx.doc;
  } else {
    const decoded = decode(input.bytes);
    if (decoded.replaced > Math.max(20, decoded.text.length * 0.01)) {
      return failedRow(input, format, `文字编码无法识别（${decoded.replaced} 个字符无法解码）/ text encoding not recognised`);
    }
    doc = extractDoc(format, decoded.text);
  }
  return assemble(input, format, parseReport(doc));
}

export function assemble(input: IngestInput, format: string, draft: ReportDraft): IngestOutput {
  const reportId = reportIdOf(input.sha256);
  const who = identifyAgency(draft.agency, input.regionHint);
  const findings: Finding[] = who.issues.map((i) => finding(i.rule, i.message));
  if (!draft.agency) findings.push(finding('AGENCY_UNKNOWN', '未能从标题中确定报告机关名称'));
  if (draft.year === null) findings.push(finding('YEAR_UNKNOWN', '未能从标题或统计期限中确定报告年度'));
  if (draft.titleYear !== null && draft.periodYear !== null && draft.titleYear !== draft.periodYear) {
    findings.push(finding('YEAR_CONFLICT', `标题年度 ${draft.titleYear} 与统计期限年度 ${draft.periodYear} 不一致，采用统计期限年度`));
  }
  const anyTable = draft.tables.t2 || draft.tables.t3 || draft.tables.t4;
  const identity = {
    agency_name: draft.agency, agency_kind: who.kind, admin_level: who.level, region_code: who.region?.code ?? null,
    province: who.province, city: who.city, county: who.county,
  };
  if (!anyTable && draft.template !== 'legacy') {
    const out = failedRow(input, format, '未找到政府信息公开年报的统计表格（表二、表三、表四）/ no report tables found', draft, identity);
    out.findings = toRows(reportId, findings);
    return out;
  }
  const { findings: idFindings, blanks } = checkIdentities(draft.cells);
  findings.push(...idFindings, ...checkNonNegInt(draft.cells), ...blankAsZero(blanks));
  if (draft.template !== 'legacy') findings.push(...checkSections(draft.headings, draft.tables));
  findings.push(...checkFormat(draft.template, draft.year, draft.templateMixed), ...unreadableSummary(draft.cells));
  if (draft.otherAsOneRow) {
    findings.push(finding('T3_OTHER_NO_SUBROWS', '表三（六）其他处理只印了一行，未分 3 个子项；按单行（app.res.other）记录', { metric: 'app.res.other', metrics: ['app.res.other'] }));
  }
  // each cell's place looked up once, not at every comparison of the sort
  const cells = draft.cells
    .map((c) => ({
      m: METRIC_ORDER.get(c.metric)!, a: APPLICANT_ORDER.get(c.applicant) ?? -1,
      row: {
        report_id: reportId, metric: c.metric, applicant: c.applicant,
        value: c.reading.state === 'number' ? c.reading.value : null, state: c.reading.state,
        raw: c.raw, locator: c.loc, reason: c.reading.state === 'unreadable' ? c.reading.reason : c.reading.state === 'number' ? c.reading.mark || null : null,
      } satisfies CellRow,
    }))
    .sort((x, y) => x.m - y.m || x.a - y.a)
    .map((x) => x.row);
  const unreadableCount = cells.filter((c) => c.state === 'unreadable').length;
  const missingTables = (['t2', 't3', 't4'] as const).filter((t) => !draft.tables[t]);
  let status: ReportStatus = 'ok';
  const reasons: string[] = [];
  if (draft.template === 'legacy') {
    status = 'partial';
    reasons.push('2019 年以前的报告没有全国统一表格，只记录文字中明确给出的数字 / pre-2019 report: free-form');
  }
  if (draft.template === 'unknown') {
    status = 'partial';
    reasons.push('无法确定表格格式版本 / template not determined');
  }
  if (missingTables.length) {
    status = 'partial';
    reasons.push(`缺少${missingTables.map((t) => ({ t2: '表二', t3: '表三', t4: '表四' })[t]).join('、')} / missing table(s)`);
  }
  if (unreadableCount) {
    status = 'partial';
    reasons.push(`${unreadableCount} 个单元格无法确定读取 / ${unreadableCount} unreadable cells`);
  }
  return {
    report: {
      report_id: reportId, source_path: input.path, source_sha256: input.sha256, agency_id: null, source_format: format,
      source_url: input.sourceUrl ?? null, status, status_reason: reasons.length ? reasons.join('；') : null, ...identity,
      year: draft.year, template: draft.template, title: draft.title, cell_count: cells.length, unreadable_count: unreadableCount,
    },
    cells,
    findings: toRows(reportId, findings),
  };
}

function toRows(reportId: string, findings: Finding[]): FindingRow[] {
  return findings.map((f) => ({ report_id: reportId, ...f }));
}

