/**
 * One report with footnote markers, super/subscripts, struck-through and hidden text beside its
 * numbers, in every format (test/fixtures/marks/README.md). The values below were written from
 * the fixtures' construction, as a reader reads the page: the number without its marker, or
 * unreadable where no one can tell; every other cell as in the published report.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellMap, ingestPath } from '../helpers/ingest.ts';
import { failingRules, type Expected } from '../helpers/real-reports.ts';

const published = JSON.parse(readFileSync('test/fixtures/expected/2024_huaian-city-government.pdf.json', 'utf8')) as Expected;
type Format = 'txt' | 'md' | 'html' | 'docx' | 'pdf';
const ALL: Format[] = ['txt', 'md', 'html', 'docx', 'pdf'];
const U = 'unreadable';

/** key → [value as read by a person, the note in `reason` (null: nothing left out is shown)], per format. */
const MARKED: Record<string, (f: Format) => [number | typeof U, RegExp | null]> = {
  'ad.rule.in_force|': () => [11, /脚注标记「①」/], // A
  'ad.normdoc.in_force|': () => [66, /脚注标记「¹」/], // B
  'app.new|natural': () => [3001, /脚注标记「₂」/], // C
  'app.res.granted|natural': () => [1288, /删除线文字「900」/], // D
  'app.res.partial|natural': (f) => [447, f === 'txt' ? /脚注标记「⑴」/ : null], // E
  'rev.upheld|': () => [U, /inside the number/], // F
  'lit_direct.upheld|': () => [13, /删除线文字「8」/], // G
  'app.res.unable.not_held|natural': () => [746, /脚注标记「②」/], // H
  'ad.normdoc.issued|': () => [8, /脚注标记「³」/], // I
  'app.carried_in|natural': (f) => [34, f === 'docx' ? null : /删除线文字「99」/], // J
  'ad.rule.issued|': (f) => (f === 'pdf' || f === 'html' ? [U, /cannot tell/] : [1, null]), // K
  'rev.corrected|': () => [U, /only footnote/], // L
  'lit_direct.corrected|': () => [4, null], // M
};

describe('footnote markers, struck-through and hidden text in every format', () => {
  for (const f of ALL) {
    it(f, async () => {
      const out = await ingestPath(`test/fixtures/marks/marks.${f}`);
      const cells = cellMap(out);
      expect(out.report).toMatchObject({ agency_name: '淮安市人民政府', year: 2024, template: 'v2021', cell_count: 200, status: 'partial' });
      for (const [key, read] of Object.entries(MARKED)) {
        const [value, note] = read(f);
        const c = cells.get(key)!;
        expect([key, c.state === 'number' ? c.value : c.state]).toEqual([key, value]);
        if (note) expect(c.reason).toMatch(note);
        else expect(c.reason).toBeNull();
      }
      expect(out.report.unreadable_count).toBe(f === 'pdf' || f === 'html' ? 3 : 2);
      // every other cell is read as the published report prints it
      for (const [m, row] of Object.entries(published.cells)) {
        for (const [a, v] of Object.entries(row)) {
          const key = `${m}|${a === '_' ? '' : a}`;
          if (key in MARKED) continue;
          const c = cells.get(key)!;
          expect([key, c.state === 'number' ? c.value : c.state]).toEqual([key, v === null ? 'blank' : v]);
          expect(c.reason).toBeNull();
        }
      }
      expect(failingRules(out.findings)).toEqual({});
    }, 30_000);
  }

  it('raw keeps what was printed', async () => {
    const txt = cellMap(await ingestPath('test/fixtures/marks/marks.txt'));
    expect(txt.get('ad.rule.in_force|')!.raw).toBe('11①');
    expect(txt.get('app.res.granted|natural')!.raw).toBe('9\u03360\u03360\u03361288');
    const html = cellMap(await ingestPath('test/fixtures/marks/marks.html'));
    expect(html.get('ad.normdoc.in_force|')!.raw).toBe('66¹');
    expect(html.get('app.res.partial|natural')!.raw).toBe('447');
  });
});
