import { describe, expect, it } from 'vitest';
import { cellMap, ingestPath } from '../helpers/ingest.ts';

describe('pre-2019 reports', () => {
  it('records the headline figures the text states once, with partial status', async () => {
    const out = await ingestPath('test/fixtures/legacy/synthetic-county-2016.txt');
    expect(out.report).toMatchObject({ template: 'legacy', status: 'partial', year: 2016, agency_name: '某某县人民政府办公室' });
    const v = (m: string) => cellMap(out).get(`${m}|`)?.value;
    expect(v('legacy.ad.items')).toBe(1286);
    expect(v('legacy.app.received')).toBe(37);
    expect(v('legacy.app.granted')).toBe(25);
    expect(v('legacy.app.partial')).toBe(4);
    expect(v('legacy.app.denied')).toBe(3);
    expect(v('legacy.rev.count')).toBe(2);
    expect(v('legacy.lit.count')).toBe(0);
    expect(out.cells.every((c) => c.metric.startsWith('legacy.'))).toBe(true);
    expect(out.findings.filter((f) => f.rule === 'SECTION_MISSING')).toEqual([]);
  });

  it('leaves out figures the text states ambiguously', async () => {
    const out = await ingestPath('test/fixtures/legacy/synthetic-ambiguous-2015.txt');
    expect(out.report).toMatchObject({ template: 'legacy', status: 'partial', year: 2015 });
    const got = cellMap(out);
    expect(got.has('legacy.ad.items|')).toBe(false);
    expect(got.has('legacy.app.received|')).toBe(false);
    expect(got.get('legacy.rev.count|')?.value).toBe(0);
    expect(got.get('legacy.lit.count|')?.value).toBe(0);
  });
});
