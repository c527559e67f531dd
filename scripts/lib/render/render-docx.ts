/**
 * Renders a ReportSpec as DOCX, two ways: by filling the blank 2021 form (the national form
 * agencies download; v2021 only), and as a minimal document built from the span tables with
 * gridSpan / vMerge (any template).
 */
import { strToU8, strFromU8, unzipSync, zipSync } from 'fflate';
import { APPLICANT_CODES } from '../../../src/model/applicants.ts';
import type { ReportSpec } from './report-spec.ts';
import { T4_CODES } from './report-spec.ts';
import { prose, SECTION_TITLES, t2Blocks, t3Labels } from './layout.ts';
import { table2Spans, table3Spans, table4Spans, type SpanTable } from './span-table.ts';
import { T3_METRICS } from '../../../src/model/metrics.ts';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (text: string) => text.split('\n').map((line, i) => `${i ? '<w:br/>' : ''}<w:t xml:space="preserve">${xml(line)}</w:t>`).join('');
const para = (text: string) => `<w:p><w:r>${run(text)}</w:r></w:p>`;

function cellText(tc: string): string {
  return [...tc.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('').replace(/[\s\u3000]/g, '');
}

function setCellText(tc: string, text: string): string {
  const cleared = tc.replace(/<w:r>[\s\S]*?<\/w:r>|<w:r\s[\s\S]*?<\/w:r>/g, '');
  const at = cleared.indexOf('</w:p>');
  if (at >= 0) return `${cleared.slice(0, at)}<w:r>${run(text)}</w:r>${cleared.slice(at)}`;
  return cleared.replace('</w:tc>', `${para(text)}</w:tc>`);
}

/** The label of a T3 form row → metric code. */
function t3MetricOf(label: string, previous: string | null): string | null {
  const codes = T3_METRICS.filter((m) => !m.derived).map((m) => m.code);
  for (const code of codes) {
    const { top, group, item } = t3Labels(code);
    const want = (item || group || top).replace(/[\s\u3000]/g, '');
    if (label.endsWith(want)) {
      if (want === '3.其他' && previous !== 'app.res.other.unpaid_fee') continue;
      return code;
    }
  }
  return null;
}

/** Fills the value cells of the blank 2021 form with the spec's printed text. */
export function fillBlankForm(blank: Uint8Array, spec: ReportSpec): Uint8Array {
  if (spec.template !== 'v2021' || spec.otherAsOneRow) throw new Error('the blank form is the 2021 template');
  const files = unzipSync(blank);
  let doc = strFromU8(files['word/document.xml']);
  const t2ByLabel = new Map(t2Blocks('v2021').flatMap((b) => b.rows.map((r) => [r.label, r.codes] as const)));
  let previousT3: string | null = null;
  doc = doc.replace(/<w:tr[\s>][\s\S]*?<\/w:tr>/g, (tr) => {
    const tcs = [...tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    const texts = tcs.map(cellText);
    const label = texts.filter(Boolean).join('');
    let values: string[] | null = null;
    if (t2ByLabel.has(label)) values = t2ByLabel.get(label)!.map((c) => spec.t2[c] ?? '');
    else if (tcs.length === 15 && !label) values = T4_CODES.map((c) => spec.t4[c] ?? '');
    else {
      const metric = t3MetricOf(label, previousT3);
      if (metric) {
        previousT3 = metric;
        values = APPLICANT_CODES.map((a) => spec.t3[metric]?.[a] ?? '');
      }
    }
    if (!values) return tr;
    const start = tcs.length - values.length;
    let out = tr;
    values.forEach((v, i) => {
      out = out.replace(tcs[start + i], setCellText(tcs[start + i], v));
    });
    return out;
  });
  const p = prose(spec.agency, spec.year, 'v2021', spec.t3['app.new']?.total ?? '0');
  doc = doc.replace('政府信息公开工作年度报告格式模板', xml(`${spec.agency}${spec.year}年政府信息公开工作年度报告`));
  doc = doc.replace('（文字描述）', xml(`${p.intro}${p.overview}`));
  files['word/document.xml'] = strToU8(doc);
  return zipSync(files);
}

function docxTable(rows: SpanTable): string {
  const width = rows[0].reduce((n, c) => n + (c.colspan ?? 1), 0);
  const carry: ({ left: number; colspan: number } | undefined)[] = [];
  const out: string[] = [];
  for (const row of rows) {
    const cells: string[] = [];
    let col = 0;
    let next = 0;
    while (col < width) {
      const pending = carry[col];
      if (pending && pending.left > 0) {
        pending.left--;
        cells.push(`<w:tc><w:tcPr><w:gridSpan w:val="${pending.colspan}"/><w:vMerge/></w:tcPr><w:p/></w:tc>`);
        col += pending.colspan;
        continue;
      }
      const c = row[next++];
      if (!c) break;
      const span = c.colspan ?? 1;
      const rowspan = c.rowspan ?? 1;
      if (rowspan > 1) carry[col] = { left: rowspan - 1, colspan: span };
      cells.push(`<w:tc><w:tcPr><w:gridSpan w:val="${span}"/>${rowspan > 1 ? '<w:vMerge w:val="restart"/>' : ''}</w:tcPr>${c.text.split('\n').map(para).join('') || '<w:p/>'}</w:tc>`);
      col += span;
    }
    out.push(`<w:tr>${cells.join('')}</w:tr>`);
  }
  const border = '<w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/>';
  return `<w:tbl><w:tblPr><w:tblBorders>${border}</w:tblBorders></w:tblPr><w:tblGrid>${'<w:gridCol/>'.repeat(width)}</w:tblGrid>${out.join('')}</w:tbl>`;
}

/** A minimal DOCX of the report: title, prose, the three tables with Word's merged cells. */
export function renderDocx(spec: ReportSpec): Uint8Array {
  const p = prose(spec.agency, spec.year, spec.template, spec.t3['app.new']?.total ?? '0');
  const body = [
    para(`${spec.agency}${spec.year}年政府信息公开工作年度报告`), para(p.intro), para(SECTION_TITLES.s1), para(p.overview),
    para(SECTION_TITLES.s2), docxTable(table2Spans(spec)), para(SECTION_TITLES.s3), docxTable(table3Spans(spec)),
    para(SECTION_TITLES.s4), docxTable(table4Spans(spec)), para(SECTION_TITLES.s5), para(p.problems), para(SECTION_TITLES.s6), para(p.other),
  ].join('');
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`),
  });
}
