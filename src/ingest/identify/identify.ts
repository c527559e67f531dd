/**
 * Who published the report: region from the agency name (or an override, or the caller's hint),
 * then kind and level. An ambiguous name yields a finding and no region unless a hint decides.
 */
import { nfkc } from '../normalize.ts';
import { classifyAgency, type AdminLevel, type AgencyKind } from './agency.ts';
import { NAME_OVERRIDES } from './historical-regions.ts';
import { normalizeCode, regionIndex, type Region } from './regions.ts';

export interface Identity {
  region: Region | null;
  province: string | null;
  city: string | null;
  county: string | null;
  kind: AgencyKind | null;
  level: AdminLevel | null;
  issues: { rule: 'REGION_AMBIGUOUS' | 'REGION_UNRESOLVED' | 'REGION_HINT_CONFLICT'; message: string }[];
}

export function identifyAgency(agencyName: string | null, regionHint?: string | null): Identity {
  const index = regionIndex();
  const issues: Identity['issues'] = [];
  const hint = regionHint ? index.get(regionHint) : undefined;
  if (regionHint && !hint) {
    issues.push({ rule: 'REGION_HINT_CONFLICT', message: `指定的地区代码 ${regionHint} 不在区划数据中，已忽略 / unknown region code ignored` });
  }
  let candidates: Region[] = [];
  if (agencyName) {
    const n = nfkc(agencyName).replace(/\s+/g, '');
    const override = NAME_OVERRIDES.find((o) => o.re.test(n));
    candidates = override ? [index.get(override.code)!] : index.match(n);
  }
  let region: Region | null = null;
  if (hint) {
    const agreeing = candidates.filter((c) => index.within(c, hint) || index.within(hint, c));
    if (candidates.length && !agreeing.length) {
      issues.push({ rule: 'REGION_HINT_CONFLICT', message: `机关名称「${agencyName}」指向 ${candidates.map((c) => `${c.name}(${c.code})`).join('、')}，与指定地区 ${hint.name}(${hint.code}) 不一致，采用指定地区 / the hint wins` });
    }
    // the hint decides between candidates; a candidate finer than the hint is kept
    region = agreeing.length === 1 && index.within(agreeing[0], hint) ? agreeing[0] : hint;
  } else if (candidates.length === 1) {
    region = candidates[0];
  } else if (candidates.length > 1) {
    issues.push({
      rule: 'REGION_AMBIGUOUS',
      message: `机关名称「${agencyName}」可对应 ${candidates.map((c) => `${index.names3(c).province ?? ''}${index.names3(c).city ?? ''}${c.name}(${c.code})`).join('、')}，请用 --region 或来源表指定 / ambiguous: give a region hint`,
    });
  } else if (agencyName) {
    issues.push({ rule: 'REGION_UNRESOLVED', message: `机关名称「${agencyName}」中没有可识别的行政区划名称 / no division name found` });
  }
  const names = region ? index.names3(region) : { province: null, city: null, county: null };
  const { kind, level } = agencyName ? classifyAgency(agencyName, region) : { kind: null, level: region?.level ?? null };
  return { region, ...names, kind, level: level as AdminLevel | null, issues };
}

export { normalizeCode };
