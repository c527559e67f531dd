/**
 * One agency across years and spellings. Reports are grouped by region and a key made from the
 * printed name: full-/half-width forms folded, whitespace and bracketed additions dropped
 * (平潭综合实验区（管委会办公室）), the names of the region's own province and city dropped from
 * the front (淮安市洪泽区人民政府 = 洪泽区人民政府), 人民政府 = 政府, renamed bodies of the 机构改革
 * joined. The region is part of the key, so agencies of different regions are never merged.
 */
import type { ReportRow } from '../model/contract.ts';
import { renamedFamily } from '../model/renamings.ts';
import { nfkc } from './normalize.ts';

export interface AgencyAlias { name: string; first_year: number | null; last_year: number | null }

export interface AgencyRow {
  agency_id: string;
  canonical_name: string;
  agency_kind: string | null;
  admin_level: string | null;
  region_code: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  first_year: number | null;
  last_year: number | null;
  report_count: number;
  aliases: AgencyAlias[];
}

const SHORT = /(?:省|市|自治区|自治州|地区|盟)$/;

export function agencyKey(name: string, r: Pick<ReportRow, 'region_code' | 'province' | 'city'>): string {
  let n = nfkc(name).replace(/\s+/g, '').replace(/\([^()]*\)$/, '').replace(/人民政府/g, '政府');
  for (const prefix of [r.province, r.city]) {
    if (!prefix) continue;
    const short = prefix.replace(SHORT, '');
    if (n.startsWith(prefix) && n.length > prefix.length) n = n.slice(prefix.length);
    else if (short.length >= 2 && n.startsWith(short) && n.length > short.length + 1) n = n.slice(short.length);
  }
  return `${r.region_code ?? ''}|${renamedFamily(n)}`;
}

/** FNV-1a, 64-bit, as 16 hex digits: stable across runs and platforms, no crypto needed. */
export function stableId(s: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of new TextEncoder().encode(s)) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}
