/**
 * The dashboard's filters, and how they become SQL. Values reach SQL only as bound parameters;
 * codes are checked against fixed lists first, so an unknown code in a shared link is dropped
 * (and reported), never interpolated.
 */
export interface Filters {
  /** Inclusive year range; null = all years. */
  from: number | null;
  to: number | null;
  /** Region code prefix: 2 (province), 4 (city) or 6 (county) digits. */
  region: string | null;
  kind: string | null;
  level: string | null;
  template: string | null;
}

export const NO_FILTERS: Filters = { from: null, to: null, region: null, kind: null, level: null, template: null };

export const KINDS = ['government', 'gov_office', 'department', 'dept_branch', 'vertical', 'township', 'zone_admin', 'unknown'] as const;
export const LEVELS = ['central', 'province', 'prefecture', 'county', 'township'] as const;
export const TEMPLATES = ['v2021', 'v2019', 'legacy', 'unknown'] as const;

export const KIND_LABELS: Record<string, string> = {
  government: '人民政府', gov_office: '政府办公厅（室）', department: '政府部门', dept_branch: '派出分局',
  vertical: '垂直管理机构', township: '乡镇街道', zone_admin: '开发区管委会', unknown: '未分类',
};
export const LEVEL_LABELS: Record<string, string> = { central: '中央', province: '省级', prefecture: '地市级', county: '县级', township: '乡镇级' };
export const TEMPLATE_LABELS: Record<string, string> = { v2021: '2021 版', v2019: '2019 版（试行）', legacy: '2019 年以前', unknown: '未能确定' };

export interface Sql { sql: string; params: unknown[] }

/** Region prefix of a 6-digit code at its own level: 110000 → 11, 130500 → 1305, 130529 → 130529. */
export function regionPrefix(code: string): string {
  if (/^\d{2}0000$/.test(code)) return code.slice(0, 2);
  if (/^\d{4}00$/.test(code)) return code.slice(0, 4);
  return code;
}

/**
 * WHERE clause over reports aliased `r`: failed reports are never counted. `alias` lets the
 * facts table (same columns) use it too.
 */
export function scope(f: Filters, alias = 'r'): Sql {
  const where = [`${alias}.status <> 'failed'`];
  const params: unknown[] = [];
  if (f.from !== null) { where.push(`${alias}.year >= ?`); params.push(f.from); }
  if (f.to !== null) { where.push(`${alias}.year <= ?`); params.push(f.to); }
  if (f.region) { where.push(`starts_with(${alias}.region_code, ?)`); params.push(regionPrefix(f.region)); }
  if (f.kind) { where.push(`${alias}.agency_kind = ?`); params.push(f.kind); }
  if (f.level) { where.push(`${alias}.admin_level = ?`); params.push(f.level); }
  if (f.template) { where.push(`${alias}.template = ?`); params.push(f.template); }
  return { sql: where.join(' AND '), params };
}
