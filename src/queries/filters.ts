/**
 * The dashboard's filters, and how they become SQL. Values reach SQL only as bound parameters;
 * codes are checked against fixed lists first, so an unknown code in a shared link is dropped
 * (and reported), never interpolated.
 */
import { regionPart, regionPrefix, type Need, type SiteTable } from '../model/site.ts';

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

/** A query, its bound parameters, and the partitions of the site tables it reads (model/site.ts). */
export interface Sql { sql: string; params: unknown[]; needs?: Need[] }

export { regionPrefix };

export interface ScopeOptions {
  /** Count failed reports too (the quality views list them). */
  withFailed?: boolean;
  /** The partitions to read; by default the one serving the region filter. */
  parts?: string[];
}

/**
 * WHERE clause over a site table aliased `alias`: its partitions, and the filters; failed
 * reports are never counted unless `withFailed`.
 */
export function scope(f: Filters, alias: string, opts: ScopeOptions = {}): Sql {
  const parts = opts.parts ?? [regionPart(f.region)];
  const where = [parts.length === 1 ? `${alias}.part = ?` : `${alias}.part IN (${parts.map(() => '?').join(', ')})`];
  const params: unknown[] = [...parts];
  if (!opts.withFailed) where.push(`${alias}.status <> 'failed'`);
  if (f.from !== null) { where.push(`${alias}.year >= ?`); params.push(f.from); }
  if (f.to !== null) { where.push(`${alias}.year <= ?`); params.push(f.to); }
  if (f.region) { where.push(`starts_with(${alias}.region_code, ?)`); params.push(regionPrefix(f.region)); }
  if (f.kind) { where.push(`${alias}.agency_kind = ?`); params.push(f.kind); }
  if (f.level) { where.push(`${alias}.admin_level = ?`); params.push(f.level); }
  if (f.template) { where.push(`${alias}.template = ?`); params.push(f.template); }
  return { sql: where.join(' AND '), params };
}

/** The same filters on a table without years, templates and statuses (agency_masks). */
export function placeScope(f: Filters, alias: string): Sql {
  return scope({ ...f, from: null, to: null, template: null }, alias, { withFailed: true });
}

/** The partitions of these tables that serve the region filter. */
export function regionNeeds(f: Filters, ...tables: SiteTable[]): Need[] {
  return tables.map((table) => ({ table, part: regionPart(f.region) }));
}
