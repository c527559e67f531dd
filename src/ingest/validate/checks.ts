/** The report-level rules besides the identities (report-format.md §2). */
import { applicantLabel } from '../../model/applicants.ts';
import { metric as metricDef } from '../../model/metrics.ts';
import type { ParsedCell } from '../parse/parsed-cell.ts';
import { SECTIONS, type SectionKey } from '../parse/sections.ts';
import { finding, type Finding } from './finding.ts';

function cellName(c: ParsedCell): string {
  const m = metricDef(c.metric);
  const table = m.table === 'T2' ? '表二' : m.table === 'T3' ? '表三' : m.table === 'T4' ? '表四' : '';
  return `${table}「${m.labelZh}」${c.applicant ? `「${applicantLabel(c.applicant)}」列` : ''}`;
}

export function checkNonNegInt(cells: ParsedCell[]): Finding[] {
  const out: Finding[] = [];
  for (const c of cells) {
    if (c.reading.state !== 'number') continue;
    const { valueType } = metricDef(c.metric);
    const v = c.reading.value;
    const problem =
      valueType === 'int' ? (!Number.isInteger(v) || v < 0 ? '应为非负整数' : null)
        : valueType === 'signed_int' ? (!Number.isInteger(v) ? '应为整数' : null)
          : v < 0 ? '不应为负数' : null;
    if (problem) {
      out.push(finding('NONNEG_INT', `${cellName(c)}印为「${c.raw}」，${problem}`, { applicant: c.applicant, metric: c.metric, metrics: [c.metric], actual: v }));
    }
  }
  return out;
}

export function checkSections(headings: Set<SectionKey>, tables: { t2: boolean; t3: boolean; t4: boolean }): Finding[] {
  const out: Finding[] = [];
  for (const s of SECTIONS) {
    if (!headings.has(s.key)) out.push(finding('SECTION_MISSING', `未找到「${s.zh}」部分的标题`, { metric: s.key }));
  }
  const names = { t2: '表二（主动公开政府信息情况）', t3: '表三（收到和处理政府信息公开申请情况）', t4: '表四（行政复议、行政诉讼情况）' } as const;
  for (const t of ['t2', 't3', 't4'] as const) {
    if (!tables[t]) out.push(finding('SECTION_MISSING', `未找到${names[t]}`, { metric: t }));
  }
  return out;
}

export function checkFormat(template: string, year: number | null, mixed: boolean): Finding[] {
  if (mixed) return [finding('FORMAT_MISMATCH', '表格同时出现 2019 版和 2021 版的栏目，无法确定格式版本')];
  if (year === null) return [];
  if (template === 'v2019' && year >= 2021) return [finding('FORMAT_MISMATCH', `${year} 年度报告使用了 2019 版（试行）表格格式，应使用 2021 版`)];
  if (template === 'v2021' && (year === 2019 || year === 2020)) return [finding('FORMAT_MISMATCH', `${year} 年度报告使用了 2021 版表格格式（2021 版自 2021 年度报告起适用）`)];
  return [];
}

export function blankAsZero(blanks: Set<ParsedCell>): Finding[] {
  if (!blanks.size) return [];
  const metrics = [...new Set([...blanks].map((c) => c.metric))];
  return [finding('BLANK_AS_ZERO', `校验中有 ${blanks.size} 个空白单元格按 0 计（报告原文为空白，数据中仍记为 blank）`, { metrics, actual: blanks.size })];
}

export function unreadableSummary(cells: ParsedCell[]): Finding[] {
  const bad = cells.filter((c) => c.reading.state === 'unreadable');
  if (!bad.length) return [];
  const reasons = [...new Set(bad.map((c) => (c.reading.state === 'unreadable' ? c.reading.reason : '')))];
  return [finding('CELL_UNREADABLE', `${bad.length} 个单元格无法确定读取：${reasons.slice(0, 3).join('；')}${reasons.length > 3 ? '……' : ''}`, {
    metrics: [...new Set(bad.map((c) => c.metric))], actual: bad.length,
  })];
}
