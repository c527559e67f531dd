/**
 * The dashboard's data layout: tables derived from the dataset, each written as Parquet files
 * by partition (`site/<table>/<part>.parquet`, the part also a column of its rows), so that a
 * view fetches only the partitions its filters need, whatever the size of the dataset.
 *
 * Partitions follow the region filter: `all` (no region chosen), a province (`32`), or a city
 * (`3208`, which also serves its counties). Breakdown tables key their rows one level below
 * the part (provinces in `all`, cities in a province, counties in a city) so a view can rank
 * the regions inside the one chosen; series tables key them at the part's own level. Detail
 * for single agencies is bucketed by the first hex digits of the agency id (`b3f`).
 */
import { TABLES, type ColumnDef, type SqlType } from './contract.ts';

export type SiteType = SqlType | 'BIGINT';
export interface SiteColumn { name: string; type: SiteType }

const col = (type: SiteType) => (name: string): SiteColumn => ({ name, type });
const str = col('VARCHAR');
const int = col('INTEGER');
const num = col('DOUBLE');
const big = col('BIGINT');

/** Columns every aggregate table is keyed by, beside its part. */
export const KEY_COLUMNS: SiteColumn[] = [
  int('year'), str('region_code'), str('province'), str('city'), str('county'),
  str('agency_kind'), str('admin_level'), str('template'), str('status'),
];

/** Per-report parts of the headline measures, summed by the rollups (NULL where not printed). */
export const COMPONENTS = [
  'applications', 'disclosed', 'handled', 'reviews', 'rev_upheld', 'rev_corrected', 'rev_other', 'rev_pending',
  'corrected', 'decided', 'lawsuits', 'lit_direct', 'lit_after_review', 'lit_corrected',
] as const;

const contract = (cols: readonly ColumnDef[]): SiteColumn[] => cols.map((c) => ({ name: c.name, type: c.type }));

export const SITE_TABLES = {
  /** Headline sums by region (one level below the part) × year × kind × level × template × status. */
  rollup: [str('part'), ...KEY_COLUMNS, int('reports'), int('failing_reports'), ...COMPONENTS.map(num)],
  /** Distinct agencies: agencies of one region, kind and level grouped by the years they reported, per template (bit i = year 1990 + i; bit 0 = no year). */
  agency_masks: [str('part'), str('region_code'), str('agency_kind'), str('admin_level'), big('m_any'), big('m_v2021'), big('m_v2019'), big('m_legacy'), big('m_unknown'), int('agencies')],
  /** The few agencies whose reports differ in region, kind or level, year by year (counted apart from agency_masks). */
  agency_years: [str('part'), str('agency_id'), int('year'), str('region_code'), str('agency_kind'), str('admin_level'), str('template')],
  /** Long sums: outcome groups and reasons per applicant (table 三), applications by applicant, table 二 measures. */
  measures: [str('part'), ...KEY_COLUMNS, str('measure'), str('applicant'), num('value'), int('reports')],
  /** Findings by rule. */
  rules: [str('part'), ...KEY_COLUMNS, str('rule'), str('severity'), int('failing_reports'), int('failures'), int('not_assessable')],
  /** Reports with a problem: for every key of the part, the first PROBLEM_LIMIT in the order the list shows them. */
  problems: [str('part'), str('report_id'), str('agency_id'), str('agency_name'), int('year'), str('status'), str('status_reason'), str('template'),
    str('source_path'), str('region_code'), str('agency_kind'), str('admin_level'), int('errors'), col('VARCHAR[]')('rules')],
  /** Per report, for rankings of agencies: parts by region, `all.<level>.<kind>` nationally, and agency buckets. */
  agency_facts: [str('part'), str('agency_id'), str('canonical_name'), ...KEY_COLUMNS, int('failing'), ...COMPONENTS.map(num)],
  /** Agencies for search, by province (`none` without a region). */
  agency_index: [str('part'), str('agency_id'), str('canonical_name'), str('names'), str('region_code'), str('province'), str('city'), str('county'),
    str('agency_kind'), str('admin_level'), int('first_year'), int('last_year'), int('report_count')],
  /** The data contract's own tables, bucketed by agency (reports of no agency: by report id). */
  reports: [str('part'), ...contract(TABLES.reports)],
  cells: [str('part'), ...contract(TABLES.cells)],
  findings: [str('part'), ...contract(TABLES.findings)],
  agencies: [str('part'), ...contract(TABLES.agencies)],
} as const satisfies Record<string, SiteColumn[]>;
export type SiteTable = keyof typeof SITE_TABLES;

/** A partition a query needs loaded. */
export interface Need { table: SiteTable; part: string }

export const PROBLEM_LIMIT = 500;

/** The region prefix of a code at its own level: 110000 → 11, 130500 → 1305, 130529 → 130529. */
export function regionPrefix(code: string): string {
  if (/^\d{2}0000$/.test(code)) return code.slice(0, 2);
  if (/^\d{4}00$/.test(code)) return code.slice(0, 4);
  return code;
}

/** The partition serving a region filter. */
export function regionPart(region: string | null): string {
  if (!region) return 'all';
  const p = regionPrefix(region);
  return p.length === 2 ? p : p.slice(0, 4);
}

/** Agency detail bucket: `b` and the first `digits` hex digits of the id. */
export function bucketOf(id: string, digits: number): string {
  return `b${id.slice(0, digits)}`;
}

/** How many hex digits bucket the agency detail of a dataset of this many reports (about 1,000 reports per bucket at most). */
export function bucketDigits(reports: number): number {
  let d = 0;
  while (d < 3 && reports / 16 ** d > 1000) d++;
  return d;
}

export const YEAR_BIT_BASE = 1990;
export const YEAR_BIT_MAX = 2052;

/** The year bits a range covers (both ends inclusive); with no bound at all, also bit 0 (reports without a year). */
export function yearMask(from: number | null, to: number | null): bigint {
  let m = 0n;
  const lo = Math.max(from ?? YEAR_BIT_BASE + 1, YEAR_BIT_BASE + 1);
  const hi = Math.min(to ?? YEAR_BIT_MAX, YEAR_BIT_MAX);
  for (let y = lo; y <= hi; y++) m |= 1n << BigInt(y - YEAR_BIT_BASE);
  if (from === null && to === null) m |= 1n;
  return m;
}

/** site.json: what the site layout holds. */
export interface SiteIndex {
  bucket_digits: number;
  /** table → part → rows and bytes of its file. */
  parts: Record<string, Record<string, { rows: number; bytes: number }>>;
}

export const sitePath = (table: SiteTable, part: string) => `site/${table}/${part}.parquet`;
