/**
 * The national tables as grids of printed cells with their spans (as the templates print them:
 * merged label columns, 三、本年度办理结果 spanning 20 or 22 rows), from which the HTML and DOCX
 * renderers write their markup.
 */
import { APPLICANT_CODES } from '../../../src/model/applicants.ts';
import type { ReportSpec } from './report-spec.ts';
import { t3Codes, T4_CODES } from './report-spec.ts';
import { T3_CORNER, T3_HEAD_2, t2Blocks, t3Labels, T4_RESULTS } from './layout.ts';

export interface SpanCell { text: string; colspan?: number; rowspan?: number }
export type SpanTable = SpanCell[][];

export function table2Spans(spec: ReportSpec): SpanTable {
  const blocks = t2Blocks(spec.template);
  const width = 1 + Math.max(...blocks.map((x) => x.columns.length));
  const rows: SpanTable = [];
  for (const b of blocks) {
    // the last column takes up what is left of the width
    const cells = (texts: string[]): SpanCell[] => texts.map((t, i) => ({ text: t, colspan: i === texts.length - 1 ? width - 1 - (texts.length - 1) : 1 }));
    rows.push([{ text: b.block, colspan: width }]);
    rows.push([{ text: '信息内容' }, ...cells(b.columns)]);
    for (const r of b.rows) rows.push([{ text: r.label }, ...cells(r.codes.map((c) => spec.t2[c] ?? ''))]);
  }
  return rows;
}

export function table3Spans(spec: ReportSpec): SpanTable {
  const codes = t3Codes(spec.template, spec.otherAsOneRow);
  const resultRows = codes.filter((c) => t3Labels(c).top === '三、本年度办理结果');
  const rows: SpanTable = [
    [{ text: T3_CORNER, colspan: 3, rowspan: 3 }, { text: '申请人情况', colspan: 7 }],
    [{ text: '自然人', rowspan: 2 }, { text: '法人或其他组织', colspan: 5 }, { text: '总计', rowspan: 2 }],
    T3_HEAD_2.map((h) => ({ text: h })),
  ];
  let lastGroup = '';
  for (const code of codes) {
    const { top, group, item } = t3Labels(code);
    const values = APPLICANT_CODES.map((a) => ({ text: spec.t3[code]?.[a] ?? '' }));
    const labels: SpanCell[] = [];
    if (top !== '三、本年度办理结果') labels.push({ text: top, colspan: 3 });
    else {
      if (code === resultRows[0]) labels.push({ text: top, rowspan: resultRows.length });
      if (!item) labels.push({ text: group, colspan: 2 });
      else {
        if (group !== lastGroup) labels.push({ text: group, rowspan: resultRows.filter((c) => t3Labels(c).group === group).length });
        labels.push({ text: item });
      }
      lastGroup = group;
    }
    rows.push([...labels, ...values]);
  }
  return rows;
}

export function table4Spans(spec: ReportSpec): SpanTable {
  return [
    [{ text: '行政复议', colspan: 5 }, { text: '行政诉讼', colspan: 10 }],
    [...T4_RESULTS.map((r) => ({ text: r, rowspan: 2 })), { text: '未经复议直接起诉', colspan: 5 }, { text: '复议后起诉', colspan: 5 }],
    [...T4_RESULTS, ...T4_RESULTS].map((r) => ({ text: r })),
    T4_CODES.map((c) => ({ text: spec.t4[c] ?? '' })),
  ];
}
