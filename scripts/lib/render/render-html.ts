/**
 * Renders a ReportSpec as a government-site HTML page: the three tables with rowspan/colspan as
 * the national template prints them, inside site navigation and footer.
 */
import type { ReportSpec } from './report-spec.ts';
import { prose, SECTION_TITLES } from './layout.ts';
import { table2Spans, table3Spans, table4Spans, type SpanTable } from './span-table.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');

function htmlTable(rows: SpanTable): string {
  const td = (c: SpanTable[number][number]) =>
    `<td${c.colspan && c.colspan > 1 ? ` colspan="${c.colspan}"` : ''}${c.rowspan && c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : ''}><p>${esc(c.text) || '&nbsp;'}</p></td>`;
  return `<table border="1" cellspacing="0">${rows.map((r) => `<tr>${r.map(td).join('')}</tr>`).join('')}</table>`;
}

export function renderHtml(spec: ReportSpec): string {
  const title = `${spec.agency}${spec.year}年政府信息公开工作年度报告`;
  const p = prose(spec.agency, spec.year, spec.template, spec.t3['app.new']?.total ?? '0');
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}_政府信息公开年报</title>
<style>table{border-collapse:collapse}td{border:1px solid #000;padding:2px 4px}</style></head><body>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/xxgk/">政府信息公开</a></li></ul></div>
<div class="crumb">当前位置：首页 &gt; 政府信息公开 &gt; 政府信息公开年报</div>
<div class="article"><h1>${esc(title)}</h1>
<p>${esc(p.intro)}</p><p>${SECTION_TITLES.s1}</p><p>${esc(p.overview)}</p>
<p>${SECTION_TITLES.s2}</p>${htmlTable(table2Spans(spec))}
<p>${SECTION_TITLES.s3}</p>${htmlTable(table3Spans(spec))}
<p>${SECTION_TITLES.s4}</p>${htmlTable(table4Spans(spec))}
<p>${SECTION_TITLES.s5}</p><p>${esc(p.problems)}</p><p>${SECTION_TITLES.s6}</p><p>${esc(p.other)}</p></div>
<div class="footer">版权所有 · 网站标识码 0000000000 · <a href="#">联系我们</a></div><script>var x = "<p>三、收到和处理</p>";</script></body></html>
`;
}
