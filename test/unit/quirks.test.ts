/** One fixture per quirk (test/fixtures/quirks/README.md); values written from the files. */
import { describe, expect, it } from 'vitest';
import { cellMap, ingestPath } from '../helpers/ingest.ts';

const Q = 'test/fixtures/quirks';
const value = (out: Awaited<ReturnType<typeof ingestPath>>, key: string) => {
  const c = cellMap(out).get(key);
  return c ? (c.state === 'number' ? c.value : c.state) : undefined;
};

describe('quirk fixtures', () => {
  it('markdown pipe tables with padded label columns', async () => {
    const out = await ingestPath(`${Q}/markdown-pipe-tables.md`);
    expect(out.report).toMatchObject({ status: 'ok', template: 'v2021', agency_name: '淮安市人民政府', region_code: '320800', year: 2024, cell_count: 200 });
    expect(value(out, 'app.new|natural')).toBe(3001);
    expect(value(out, 'app.res.other.other|total')).toBe(110);
    expect(value(out, 'lit_after_rev.total|')).toBe(20);
    expect(value(out, 'ad.fee.amount|')).toBe(96171.6);
  });

  it('whitespace-aligned columns with wrapped labels', async () => {
    const out = await ingestPath(`${Q}/aligned-columns.txt`);
    expect(out.report).toMatchObject({ status: 'ok', template: 'v2021', cell_count: 200, unreadable_count: 0 });
    expect(value(out, 'app.res.partial|natural')).toBe(447);
    expect(value(out, 'app.res.partial|total')).toBe(454);
    expect(value(out, 'app.res.denied.security_stability|natural')).toBe(5);
    expect(value(out, 'app.res.other.no_correction|total')).toBe(71);
    expect(value(out, 'rev.other|')).toBe(178);
    expect(out.findings.filter((f) => f.result === 'fail' && f.severity === 'error')).toEqual([]);
  });

  it('cells run together are unreadable, never guessed', async () => {
    const out = await ingestPath(`${Q}/cells-run-together.txt`);
    const cells = cellMap(out);
    expect(out.report.status).toBe('partial');
    for (const a of ['natural', 'org_business', 'org_research', 'org_nonprofit', 'org_legal', 'org_other', 'total']) {
      const c = cells.get(`app.res.denied.admin_query|${a}`)!;
      expect(c.state).toBe('unreadable');
      expect(c.value).toBeNull();
      expect(c.reason).toMatch(/expected 7/);
    }
    for (const m of ['rev.upheld', 'rev.total', 'lit_after_rev.total']) expect(cells.get(`${m}|`)!.state).toBe('unreadable');
    // the rows around them are still read
    expect(value(out, 'app.res.denied.enforcement_file|natural')).toBe(9);
    expect(value(out, 'app.res.unable.not_held|total')).toBe(769);
    expect(out.report.unreadable_count).toBe(22);
    // checks touching those cells are not assessable, not failed
    expect(out.findings.filter((f) => f.rule.startsWith('T4_')).every((f) => f.result === 'not_assessable')).toBe(true);
    expect(out.findings.filter((f) => f.result === 'fail' && f.severity === 'error')).toEqual([]);
  });

  it('numbers as agencies write them', async () => {
    const out = await ingestPath(`${Q}/numbers-as-written.html`);
    expect(out.report).toMatchObject({ status: 'ok', cell_count: 200 });
    const cells = cellMap(out);
    expect(value(out, 'ad.license.decisions|')).toBe(447228);
    expect(value(out, 'ad.penalty.decisions|')).toBe(3985758);
    expect(value(out, 'ad.coercion.decisions|')).toBe(88283);
    expect(cells.get('ad.coercion.decisions|')!.raw).toBe('88283件');
    expect(value(out, 'ad.fee.amount|')).toBe(96171.6);
    expect(value(out, 'app.res.granted|natural')).toBe(1288);
    expect(cells.get('app.res.granted|natural')!.raw).toContain('其中依申请转主动公开');
    expect(value(out, 'app.carried_in|natural')).toBe(34);
    expect(value(out, 'app.res.total|total')).toBe(3050);
    expect(value(out, 'rev.upheld|')).toBe(72);
    expect(value(out, 'rev.corrected|')).toBe(64);
    expect(out.findings.filter((f) => f.result === 'fail' && f.severity === 'error')).toEqual([]);
  });

  it('v2019 signed changes, NA marks, amounts with units, blanks', async () => {
    const out = await ingestPath(`${Q}/v2019-signed-and-units.html`);
    expect(out.report).toMatchObject({ template: 'v2019', year: 2019, cell_count: 198 });
    expect(value(out, 'ad19.license.delta_items|')).toBe(1036);
    expect(value(out, 'ad19.penalty.delta_items|')).toBe(-12);
    expect(value(out, 'ad19.coercion.prev_items|')).toBe(-3);
    expect(value(out, 'ad19.other_service.prev_items|')).toBe('na');
    expect(value(out, 'ad19.fee.prev_items|')).toBe('na');
    expect(value(out, 'ad19.procurement.amount|')).toBe(251000);
    expect(value(out, 'app.res.partial|org_business')).toBe('blank');
    const nonneg = out.findings.filter((f) => f.rule === 'NONNEG_INT');
    expect(nonneg).toHaveLength(1);
    expect(nonneg[0]).toMatchObject({ metric: 'ad19.coercion.prev_items', actual: -3, result: 'fail' });
  });

  it.each([
    ['gbk-declared.html', '邢台市生态环境局巨鹿县分局', 'dept_branch'],
    ['gbk-undeclared.txt', '邢台市巨鹿县人民政府办公室', 'gov_office'],
    ['utf8-bom.txt', '巨鹿县人民政府办公室', 'gov_office'],
  ])('encoding: %s', async (file, agency, kind) => {
    const out = await ingestPath(`${Q}/${file}`);
    expect(out.report).toMatchObject({ status: 'ok', agency_name: agency, agency_kind: kind, region_code: '130529', county: '巨鹿县', city: '邢台市', province: '河北省', year: 2024, cell_count: 200 });
    expect(value(out, 'app.new|natural')).toBe(11);
    expect(value(out, 'app.res.other.other|natural')).toBe(1);
  });

  it('a county abolished in 2021 resolves from the historical codes', async () => {
    const out = await ingestPath(`${Q}/historical-county-2019.html`);
    expect(out.report).toMatchObject({ region_code: '330104', county: '江干区', city: '杭州市', province: '浙江省', agency_kind: 'government', admin_level: 'county' });
  });
});
