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

/** Agencies of a set of reports, and each report's agency_id (reports without an agency name get none). */
export function linkAgencies(reports: ReportRow[]): { agencies: AgencyRow[]; agencyOf: Map<string, string> } {
  const groups = new Map<string, ReportRow[]>();
  for (const r of reports) {
    if (!r.agency_name || r.status === 'failed' && r.cell_count === 0 && !r.year) continue;
    const key = agencyKey(r.agency_name, r);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key)!.push(r);
  }
  const agencies: AgencyRow[] = [];
  const agencyOf = new Map<string, string>();
  for (const [key, rs] of groups) {
    const id = stableId(key);
    const years = rs.map((r) => r.year).filter((y): y is number => y !== null);
    // the name of the latest report is the canonical one (ties: the most frequent)
    const latest = [...rs].sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || a.source_path.localeCompare(b.source_path))[0];
    const byName = new Map<string, number[]>();
    for (const r of rs) {
      if (!byName.has(r.agency_name!)) byName.set(r.agency_name!, []);
      if (r.year !== null) byName.get(r.agency_name!)!.push(r.year);
    }
    agencies.push({
      agency_id: id,
      canonical_name: latest.agency_name!,
      agency_kind: latest.agency_kind,
      admin_level: latest.admin_level,
      region_code: latest.region_code,
      province: latest.province,
      city: latest.city,
      county: latest.county,
      first_year: years.length ? Math.min(...years) : null,
      last_year: years.length ? Math.max(...years) : null,
      report_count: rs.length,
      aliases: [...byName].map(([name, ys]) => ({ name, first_year: ys.length ? Math.min(...ys) : null, last_year: ys.length ? Math.max(...ys) : null }))
        .sort((a, b) => (a.first_year ?? 0) - (b.first_year ?? 0) || a.name.localeCompare(b.name)),
    });
    for (const r of rs) agencyOf.set(r.report_id, id);
  }
  agencies.sort((a, b) => (a.region_code ?? '').localeCompare(b.region_code ?? '') || a.canonical_name.localeCompare(b.canonical_name) || a.agency_id.localeCompare(b.agency_id));
  return { agencies, agencyOf };
}
