/**
 * Agency name and report year. The title names both (「…2024年政府信息公开工作年度报告」, the
 * agency before or after the year, or on the line above); the statistics-period sentence
 * (「统计期限为2024年1月1日至12月31日」) names the year the numbers cover.
 */
import { squash } from '../normalize.ts';
import type { Row } from './rows.ts';

const TITLE = /^(.*?)((?:19|20)\d{2})\s*年度?(.*?)政府信息公开(?:工作)?(?:年度)?(?:报告|年报)$/;
const PERIOD = /统计(?:期限|时限|时间|区间|周期|范围)?[^。；;，,]{0,10}?((?:19|20)\d{2})年0?1月0?1日/;
const AGENCY_END = /(?:人民政府|政府|办公厅|办公室|局|委员会|委|厅|院|署|会|中心|街道|办事处|镇|乡|区|县|市|处|所|队|站|馆|部|管委会|实验区)$/;
const SEARCH_ROWS = 40;

export interface TitleInfo {
  title: string | null;
  agency: string | null;
  titleYear: number | null;
  periodYear: number | null;
}

function fromTitle(text: string): { agency: string; year: number } | null {
  const m = TITLE.exec(text);
  if (!m) return null;
  const agency = (m[1] || m[3]).replace(/^[《“"]|[》”"]$/g, '');
  return { agency, year: Number(m[2]) };
}

/** Printed agency names keep their characters; only whitespace goes. */
function clean(s: string): string {
  return s.replace(/[\s\u3000\u00a0]+/g, '');
}

export function findTitle(rows: Row[], metaTitle?: string): TitleInfo {
  const candidates: { text: string; prev?: string }[] = [];
  const head = rows.slice(0, SEARCH_ROWS);
  head.forEach((r, i) => {
    if (r.para && r.key.length <= 60) candidates.push({ text: clean(r.cells[0].text), prev: i > 0 && head[i - 1].para ? clean(head[i - 1].cells[0].text) : undefined });
  });
  // a long title wrapped over two lines (PDF)
  head.forEach((r, i) => {
    const next = head[i + 1];
    if (r.para && next?.para && r.key.length + next.key.length <= 60) candidates.push({ text: clean(r.cells[0].text + next.cells[0].text) });
  });
  if (metaTitle) for (const part of metaTitle.split(/[_|｜]| - | — /)) candidates.push({ text: clean(part) });
  let title: string | null = null;
  let agency: string | null = null;
  let titleYear: number | null = null;
  for (const c of candidates) {
    const t = fromTitle(c.text);
    if (!t) continue;
    if (t.agency) {
      title = c.text;
      agency = t.agency;
      titleYear = t.year;
      break;
    }
    if (title === null && c.prev && c.prev.length <= 40 && AGENCY_END.test(squash(c.prev)) && !/\d/.test(c.prev)) {
      title = `${c.prev}${c.text}`;
      agency = c.prev;
      titleYear = t.year;
      break;
    }
    if (title === null) {
      title = c.text;
      titleYear = t.year;
    }
  }
  let periodYear: number | null = null;
  for (const r of rows) {
    const m = PERIOD.exec(r.key);
    if (m) {
      periodYear = Number(m[1]);
      break;
    }
  }
  return { title, agency, titleYear, periodYear };
}
