/**
 * Where the report's parts are: the six section headings and the three tables. Headings are
 * found by their numbering and keywords; a table whose heading is missing is found by the words
 * its own header prints.
 */
import type { Row } from './rows.ts';

export const SECTIONS = [
  { key: 's1', zh: '一、总体情况', re: /^(?:第)?一[、.](?:总体情况|概述|总体)/ },
  { key: 's2', zh: '二、主动公开政府信息情况', re: /^(?:第)?二[、.].{0,6}主动公开/ },
  { key: 's3', zh: '三、收到和处理政府信息公开申请情况', re: /^(?:第)?三[、.].{0,12}(?:收到|依申请|申请情况|处理政府信息公开申请)/ },
  { key: 's4', zh: '四、政府信息公开行政复议、行政诉讼情况', re: /^(?:第)?四[、.].{0,24}(?:复议|诉讼)/ },
  { key: 's5', zh: '五、存在的主要问题及改进情况', re: /^(?:第)?五[、.].{0,24}(?:问题|改进)/ },
  { key: 's6', zh: '六、其他需要报告的事项', re: /^(?:第)?六[、.].{0,12}其他/ },
] as const;
export type SectionKey = (typeof SECTIONS)[number]['key'];

export interface Layout {
  headings: Partial<Record<SectionKey, number>>;
  t2?: [number, number];
  t3?: [number, number];
  t4?: [number, number];
}

const MAX_HEADING = 40;

/** A short row whose printed cells all say one same thing (a heading, merged across a table or not). */
function isHeading(row: Row): boolean {
  if (row.key.length > MAX_HEADING) return false;
  let said: string | undefined;
  for (const c of row.own) {
    const t = c.text.trim();
    if (t === '') continue;
    if (said === undefined) said = t;
    else if (t !== said) return false;
  }
  return said !== undefined;
}

export function findLayout(rows: Row[]): Layout {
  const headings: Layout['headings'] = {};
  rows.forEach((row, i) => {
    if (!isHeading(row)) return;
    for (const s of SECTIONS) if (headings[s.key] === undefined && s.re.test(row.key)) headings[s.key] = i;
  });
  const firstAfter = (from: number, test: (r: Row) => boolean): number | undefined => {
    for (let i = Math.max(from, 0); i < rows.length; i++) if (test(rows[i])) return i;
    return undefined;
  };
  const t2Start = headings.s2 ?? firstAfter(0, (r) => !r.para && /第二十条第/.test(r.key));
  const t3Start = headings.s3 ?? firstAfter(t2Start ?? 0, (r) => !r.para && /勾稽关系|申请人情况|本年新收/.test(r.key));
  const t4Start = headings.s4 ?? firstAfter(t3Start ?? t2Start ?? 0, (r) => !r.para && /行政复议/.test(r.key) && /行政诉讼|结果维持/.test(r.key));
  const end = headings.s5 ?? headings.s6 ?? rows.length;
  const stops = [t2Start, t3Start, t4Start, end].filter((x): x is number => x !== undefined);
  const headingRows = new Set(Object.values(headings));
  const regionFrom = (start: number | undefined): [number, number] | undefined => {
    if (start === undefined) return undefined;
    const next = stops.filter((s) => s > start).sort((a, b) => a - b)[0] ?? rows.length;
    return [headingRows.has(start) ? start + 1 : start, next];
  };
  return { headings, t2: regionFrom(t2Start), t3: regionFrom(t3Start), t4: regionFrom(t4Start) };
}
