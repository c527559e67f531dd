/**
 * Renders a ReportSpec as plain text in three layouts agencies' text copies come in:
 * `seed` (Word → text: one cell per tab-prefixed line, rows separated by empty lines, merged
 * cells as empty cell lines), `markdown` (pipe tables) and `aligned` (columns padded with
 * spaces, as pdftotext -layout prints).
 */
import { APPLICANT_CODES } from '../../../src/model/applicants.ts';
import type { ReportSpec } from './report-spec.ts';
import { t3Codes, T4_CODES } from './report-spec.ts';
import { prose, SECTION_TITLES, T3_CORNER, T3_HEAD_1, T3_HEAD_2, t2Blocks, t3Labels, T4_RESULTS } from './layout.ts';

export type TextLayout = 'seed' | 'markdown' | 'aligned';

/**
 * A printed row: label cells ('' = a merged-cell hole) then value cells. `grid` is the row as
 * a full-width grid row, for header rows whose cells stand above the value columns.
 */
export interface PrintedRow { labels: string[]; values: string[]; grid?: string[] }

export function tableRows(spec: ReportSpec): { t2: PrintedRow[]; t3: PrintedRow[]; t4: PrintedRow[] } {
  const t2: PrintedRow[] = [];
  for (const b of t2Blocks(spec.template)) {
    t2.push({ labels: [b.block], values: [] });
    t2.push({ labels: ['信息内容', ...b.columns], values: [] });
    for (const r of b.rows) t2.push({ labels: [r.label], values: r.codes.map((c) => spec.t2[c] ?? '') });
  }
  const t3: PrintedRow[] = [
    { labels: [T3_CORNER, '申请人情况'], values: [], grid: [T3_CORNER, '', '', '申请人情况', '', '', '', '', '', ''] },
    { labels: ['', ...T3_HEAD_1], values: [], grid: ['', '', '', T3_HEAD_1[0], T3_HEAD_1[1], '', '', '', '', T3_HEAD_1[2]] },
    { labels: ['', '', ...T3_HEAD_2, ''], values: [], grid: ['', '', '', '', ...T3_HEAD_2, ''] },
  ];
  let lastTop = '';
  let lastGroup = '';
  for (const code of t3Codes(spec.template, spec.otherAsOneRow)) {
    const { top, group, item } = t3Labels(code);
    const values = APPLICANT_CODES.map((a) => spec.t3[code]?.[a] ?? '');
    let labels: string[];
    if (top !== '三、本年度办理结果') labels = [top];
    else {
      labels = [top === lastTop ? '' : top];
      if (item) labels.push(group === lastGroup ? '' : group, item);
      else labels.push(group);
    }
    t3.push({ labels, values });
    lastTop = top;
    lastGroup = group;
  }
  const t4: PrintedRow[] = [
    { labels: ['行政复议', '行政诉讼'], values: [], grid: ['行政复议', '', '', '', '', '行政诉讼', '', '', '', '', '', '', '', '', ''] },
    { labels: [...T4_RESULTS, '未经复议直接起诉', '复议后起诉'], values: [], grid: [...T4_RESULTS, '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''] },
    { labels: ['', '', '', '', '', ...T4_RESULTS, ...T4_RESULTS], values: [] },
    { labels: [], values: T4_CODES.map((c) => spec.t4[c] ?? '') },
  ];
  return { t2, t3, t4 };
}

function seedTable(rows: PrintedRow[]): string {
  return `${rows.map((r) => [...r.labels, ...r.values].map((c) => `\t${c}`).join('\n')).join('\n\n')}\n\n`;
}

function markdownTable(rows: PrintedRow[]): string {
  const width = Math.max(...rows.map((r) => r.grid?.length ?? r.labels.length + r.values.length));
  // values sit in the rightmost columns, as in the printed grid
  const cells = (r: PrintedRow) => r.grid ?? [...r.labels, ...Array(width - r.labels.length - r.values.length).fill(''), ...r.values];
  const line = (r: string[]) => `| ${r.map((c) => c.replace(/\n/g, '<br>').replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(cells(rows[0])), `|${Array(width).fill('---').join('|')}|`, ...rows.slice(1).map((r) => line(cells(r)))].join('\n');
}

function alignedTable(rows: PrintedRow[]): string {
  return rows
    .map((r) => [...r.labels.filter((c) => c !== '').map((c) => c.replace(/\n/g, '')), ...r.values])
    .filter((r) => r.length)
    .map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(Math.max(6, c.length + 2)))).join('  '))
    .join('\n');
}

export function renderText(spec: ReportSpec, layout: TextLayout): string {
  const { t2, t3, t4 } = tableRows(spec);
  const p = prose(spec.agency, spec.year, spec.template, spec.t3['app.new']?.total ?? '0');
  const table = layout === 'seed' ? seedTable : layout === 'markdown' ? (r: PrintedRow[]) => `\n${markdownTable(r)}\n\n` : (r: PrintedRow[]) => `\n${alignedTable(r)}\n\n`;
  const h = (s: string) => (layout === 'markdown' ? `## ${s}` : s);
  return [
    layout === 'markdown' ? `# ${spec.agency}${spec.year}年政府信息公开工作年度报告` : `${spec.agency}\n${spec.year}年政府信息公开工作年度报告`,
    '',
    p.intro,
    h(SECTION_TITLES.s1),
    p.overview,
    h(SECTION_TITLES.s2),
    table(t2),
    h(SECTION_TITLES.s3),
    table(t3),
    h(SECTION_TITLES.s4),
    table(t4),
    h(SECTION_TITLES.s5),
    p.problems,
    h(SECTION_TITLES.s6),
    p.other,
    '',
  ].join('\n');
}
