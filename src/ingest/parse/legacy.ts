/**
 * Pre-2019 reports (report-format.md §1.7): no national table, the headline figures are in the
 * prose. A figure is recorded only where the text states it unambiguously: every sentence that
 * states it gives the same number. 「未发生…行政复议」 states 0. Anything else is left out.
 */
import { nfkc } from '../normalize.ts';
import { maskMarkedNumbers } from '../marks.ts';
import type { ParsedCell } from './parsed-cell.ts';
import type { Row } from './rows.ts';

const N = '(\\d+)\\s*(?:件|条|份|宗|起|项|人次|次|个)';

const PATTERNS: { metric: string; re: RegExp[]; none?: RegExp }[] = [
  { metric: 'legacy.ad.items', re: [new RegExp(`主动公开(?:政府)?信息(?:共|总数|总计|数量)?(?:为|达)?${N}`)] },
  {
    metric: 'legacy.app.received',
    re: [new RegExp(`(?:受理|收到|接到|接收)(?:各类|群众|公民、法人和其他组织(?:提出的)?)?(?:政府信息公开|依申请公开(?:政府信息)?)?申请(?:共|总数|总计)?(?:为)?${N}`)],
    none: /(?:未|没有)(?:受理|收到|接到)(?:过)?(?:任何)?(?:政府信息公开|依申请公开)?申请/,
  },
  { metric: 'legacy.app.replied', re: [new RegExp(`(?:已)?(?:答复|办结)(?:申请)?(?:共)?${N}`)] },
  { metric: 'legacy.app.granted', re: [new RegExp(`(?:同意公开|予以公开)(?:的)?(?:申请)?${N}`)] },
  { metric: 'legacy.app.partial', re: [new RegExp(`(?:同意部分公开|部分公开)(?:的)?(?:申请)?${N}`)] },
  { metric: 'legacy.app.denied', re: [new RegExp(`(?:不予公开|不同意公开|否决公开)(?:的)?(?:申请)?${N}`)] },
  {
    metric: 'legacy.rev.count',
    re: [new RegExp(`(?:申请|提起|提出)?行政复议(?:案件|申请)?(?:共)?${N}`)],
    none: /(?:未|没有|无)(?:发生|出现|收到|接到)?[^。；;，,]{0,24}?行政复议/,
  },
  {
    metric: 'legacy.lit.count',
    re: [new RegExp(`(?:提起)?行政诉讼(?:案件)?(?:共)?${N}`)],
    none: /(?:未|没有|无)(?:发生|出现|收到|接到)?[^。；;，,]{0,30}?行政诉讼/,
  },
];

/** The sentences of the report, with where each was found. */
function sentences(rows: Row[]): { text: string; loc: string }[] {
  const out: { text: string; loc: string }[] = [];
  for (const r of rows) {
    const text = nfkc(maskMarkedNumbers(r.cells.map((c) => c.text).join(''))).replace(/\s+/g, '');
    for (const s of text.split(/(?<=[。；;！!])/)) if (s) out.push({ text: s, loc: r.own[0]?.loc ?? '' });
  }
  return out;
}

export function parseLegacy(rows: Row[]): { cells: ParsedCell[]; notes: string[] } {
  const cells: ParsedCell[] = [];
  const notes: string[] = [];
  const all = sentences(rows);
  for (const p of PATTERNS) {
    const found: { value: number; raw: string; loc: string }[] = [];
    for (const s of all) {
      let hit = false;
      for (const re of p.re) {
        for (const m of s.text.matchAll(new RegExp(re.source, 'g'))) {
          found.push({ value: Number(m[1]), raw: s.text, loc: s.loc });
          hit = true;
        }
      }
      if (!hit && p.none?.test(s.text)) found.push({ value: 0, raw: s.text, loc: s.loc });
    }
    if (!found.length) continue;
    const values = new Set(found.map((f) => f.value));
    if (values.size > 1) {
      notes.push(`${p.metric}: 文中给出不同数字（${[...values].join('、')}），不记录 / stated with different numbers, not recorded`);
      continue;
    }
    const f = found[0];
    cells.push({ metric: p.metric, applicant: '', raw: f.raw.slice(0, 200), loc: f.loc, reading: { state: 'number', value: f.value, unit: null, note: null } });
  }
  return { cells, notes };
}
