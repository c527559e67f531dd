/**
 * Agency kind and administrative level from the name and the resolved region
 * (report-format.md §4). Classification order follows the peer project that classified 1,909
 * real units: township before department, functional zone before department, department before
 * district government.
 */
import { nfkc } from '../normalize.ts';
import type { Region } from './regions.ts';

export type AgencyKind = 'government' | 'gov_office' | 'department' | 'dept_branch' | 'vertical' | 'township' | 'zone_admin' | 'unknown';
export type AdminLevel = 'central' | 'province' | 'prefecture' | 'county' | 'township';

const TOWNSHIP = /(?:乡|镇|街道|苏木)(?:人民政府|政府|办事处|党工委|$)|街道办事处$|街道办$/;
/** Districts whose names look like zones but are administrative divisions. */
const DISTRICT_NEW_AREAS = /^(?:上海市)?浦东新区|^(?:天津市)?滨海新区|沈北新区|清新区|新区区/;
const ZONE = /开发区|高新区|高新技术产业|园区|示范区|实验区|试验区|新区|保税区|自贸区|自由贸易试验区|管委会|管理委员会/;
const GOV_OFFICE = /人民政府办公厅|人民政府办公室|政府办公室|政府办公厅|政府办$/;
const GOVERNMENT = /人民政府$|政府$/;
const VERTICAL = /国家税务总局|税务局$|海关$|调查队$|气象局$|烟草专卖局|邮政管理局|国家金融监督管理总局|银保监|证监局|地震局$|通信管理局/;
const BRANCH = /分局$|支队$|大队$|管理所$|监督管理所$|派出所$/;
const DEPARTMENT = /局$|委员会$|委$|厅$|办公室$|办$|中心$|院$|署$|处$|站$|馆$|队$|所$|会$|部$|局[(（].*[)）]$|委员会[(（].*[)）]$/;
const CENTRAL = /^(?:国务院|中华人民共和国|国家)(?!税务总局.+税务局)/;

export function classifyAgency(name: string, region: Region | null): { kind: AgencyKind; level: AdminLevel | null } {
  const n = nfkc(name).replace(/\s+/g, '');
  const regionLevel: AdminLevel | null = region ? (region.level as AdminLevel) : null;
  if (TOWNSHIP.test(n)) return { kind: 'township', level: 'township' };
  if (ZONE.test(n) && !DISTRICT_NEW_AREAS.test(n)) return { kind: 'zone_admin', level: regionLevel };
  if (GOV_OFFICE.test(n)) return { kind: 'gov_office', level: regionLevel };
  if (VERTICAL.test(n)) return { kind: 'vertical', level: regionLevel };
  if (GOVERNMENT.test(n)) return { kind: 'government', level: regionLevel };
  if (BRANCH.test(n) && region?.level === 'county') return { kind: 'dept_branch', level: 'county' };
  if (DEPARTMENT.test(n)) {
    if (!region && CENTRAL.test(n)) return { kind: 'department', level: 'central' };
    return { kind: 'department', level: regionLevel };
  }
  return { kind: 'unknown', level: regionLevel };
}
