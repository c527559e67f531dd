/**
 * Renders a ReportSpec as a government-site HTML page: the three tables with rowspan/colspan as
 * the national template prints them, inside site navigation and footer.
 */
import { APPLICANT_CODES } from '../../../src/model/applicants.ts';
import type { ReportSpec } from './report-spec.ts';
import { t3Codes, T4_CODES } from './report-spec.ts';
import { prose, SECTION_TITLES, T3_CORNER, T3_HEAD_2, t2Blocks, t3Labels, T4_RESULTS } from './layout.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
const td = (s: string, attrs = '') => `<td${attrs}><p>${esc(s) || '&nbsp;'}</p></td>`;

function table2(spec: ReportSpec): string {
  const rows: string[] = [];
  for (const b of t2Blocks(spec.template)) {
    const width = 1 + Math.max(...t2Blocks(spec.template).map((x) => x.columns.length));
    const span = (n: number, i: number) => (i === n - 1 ? width - n : 1);
    rows.push(`<tr>${td(b.block, ` colspan="${width}"`)}</tr>`);
    rows.push(`<tr>${td('信息内容')}${b.columns.map((c, i) => td(c, span(b.columns.length, i) > 1 ? ` colspan="${span(b.columns.length, i)}"` : '')).join('')}</tr>`);
    for (const r of b.rows) {
      rows.push(`<tr>${td(r.label)}${r.codes.map((c, i) => td(spec.t2[c] ?? '', span(r.codes.length, i) > 1 ? ` colspan="${span(r.codes.length, i)}"` : '')).join('')}</tr>`);
    }
  }
  return `<table border="1" cellspacing="0">${rows.join('')}</table>`;
}

function table3(spec: ReportSpec): string {
  const codes = t3Codes(spec.template, spec.otherAsOneRow);
  const resultRows = codes.filter((c) => t3Labels(c).top === '三、本年度办理结果');
  const rows: string[] = [
    `<tr>${td(T3_CORNER, ' colspan="3" rowspan="3"')}${td('申请人情况', ' colspan="7"')}</tr>`,
    `<tr>${td('自然人', ' rowspan="2"')}${td('法人或其他组织', ' colspan="5"')}${td('总计', ' rowspan="2"')}</tr>`,
    `<tr>${T3_HEAD_2.map((h) => td(h)).join('')}</tr>`,
  ];
  let lastGroup = '';
  for (const code of codes) {
    const { top, group, item } = t3Labels(code);
    const values = APPLICANT_CODES.map((a) => td(spec.t3[code]?.[a] ?? '')).join('');
    let labels = '';
    if (top !== '三、本年度办理结果') labels = td(top, ' colspan="3"');
    else {
      if (code === resultRows[0]) labels += td(top, ` rowspan="${resultRows.length}"`);
      if (!item) labels += td(group, ' colspan="2"');
      else {
        if (group !== lastGroup) labels += td(group, ` rowspan="${resultRows.filter((c) => t3Labels(c).group === group).length}"`);
        labels += td(item);
      }
      lastGroup = group;
    }
    rows.push(`<tr>${labels}${values}</tr>`);
  }
  return `<table border="1" cellspacing="0">${rows.join('')}</table>`;
}

function table4(spec: ReportSpec): string {
  return `<table border="1" cellspacing="0">`
    + `<tr>${td('行政复议', ' colspan="5"')}${td('行政诉讼', ' colspan="10"')}</tr>`
    + `<tr>${T4_RESULTS.map((r) => td(r, ' rowspan="2"')).join('')}${td('未经复议直接起诉', ' colspan="5"')}${td('复议后起诉', ' colspan="5"')}</tr>`
    + `<tr>${[...T4_RESULTS, ...T4_RESULTS].map((r) => td(r)).join('')}</tr>`
    + `<tr>${T4_CODES.map((c) => td(spec.t4[c] ?? '')).join('')}</tr></table>`;
}

export function renderHtml(spec: ReportSpec): string {
  const title = `${spec.agency}${spec.year}年政府信息公开工作年度报告`;
  const p = prose(spec.agency, spec.year, spec.template, spec.t3['app.new']?.total ?? '0');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}_政府信息公开年报</title>
<style>td{border:1px solid #000}</style></head><body>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/xxgk/">政府信息公开</a></li></ul></div>
<div class="crumb">当前位置：首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>
<div class="article"><h1>${esc(title)}</h1>
<p>${esc(p.intro)}</p><p>${SECTION_TITLES.s1}</p><p>${esc(p.overview)}</p>
<p>${SECTION_TITLES.s2}</p>${table2(spec)}
<p>${SECTION_TITLES.s3}</p>${table3(spec)}
<p>${SECTION_TITLES.s4}</p>${table4(spec)}
<p>${SECTION_TITLES.s5}</p><p>${esc(p.problems)}</p><p>${SECTION_TITLES.s6}</p><p>${esc(p.other)}</p></div>
<div class="footer">版权所有 · 网站标识码 0000000000 · <a href="#">联系我们</a></div><script>var x = "<p>三、收到和处理</p>";</script></body></html>
`;
}
