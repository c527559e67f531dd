/**
 * SQL deriving the dashboard's tables (model/site.ts) from the dataset's own tables `reports`,
 * `cells`, `findings`, `agencies` and the per-report `facts` (facts.ts). The ingest runs it once
 * and writes the result by partition; the naive layout of the benchmark runs the same SQL as
 * views over the long tables, so both answer every query alike.
 */
import { DENIED_PARTS, OTHER_PARTS, REJECTED_PARTS, T2_METRICS, UNABLE_PARTS } from '../model/metrics.ts';
import { COMPONENTS, PROBLEM_LIMIT, YEAR_BIT_BASE, YEAR_BIT_MAX, type SiteTable } from '../model/site.ts';

type Level = 'none' | 'province' | 'city' | 'county';

/** The region columns of a row shown at one level. */
const REGION_AT: Record<Level, [string, string, string, string]> = {
  none: ['NULL::VARCHAR', 'NULL::VARCHAR', 'NULL::VARCHAR', 'NULL::VARCHAR'],
  province: [`substr(region_code, 1, 2) || '0000'`, 'province', 'NULL::VARCHAR', 'NULL::VARCHAR'],
  city: [`substr(region_code, 1, 4) || '00'`, 'province', 'city', 'NULL::VARCHAR'],
  county: ['region_code', 'province', 'city', 'county'],
};

/**
 * Every row of `source` once in each partition it belongs to: `all` (k = 0), its province
 * (k = 1), its city when it is below province level (k = 2), with the region columns at the
 * level the partition keeps. A join with three constants streams: nothing is held in memory.
 */
function expand(source: string, cols: string, levels: { all: Level; province: Level; city: Level }, ks: readonly number[] = [0, 1, 2]): string {
  const at = [levels.all, levels.province, levels.city].map((l) => REGION_AT[l]);
  const region = ['region_code', 'province', 'city', 'county'].map((name, i) => `CASE k WHEN 0 THEN ${at[0][i]} WHEN 1 THEN ${at[1][i]} ELSE ${at[2][i]} END AS ${name}`).join(',\n  ');
  return `SELECT CASE k WHEN 0 THEN 'all' WHEN 1 THEN substr(region_code, 1, 2) ELSE substr(region_code, 1, 4) END AS part,
  ${region}, ${cols}
FROM ${source} CROSS JOIN (VALUES ${ks.map((k) => `(${k})`).join(', ')}) AS ks(k)
WHERE k = 0 OR (k = 1 AND region_code IS NOT NULL) OR (k = 2 AND region_code IS NOT NULL AND region_code NOT LIKE '__0000')`;
}

const BREAKDOWN = { all: 'province', province: 'city', city: 'county' } as const;
const SERIES = { all: 'none', province: 'province', city: 'county' } as const;
const KEYS = 'year, agency_kind, admin_level, template, status';
const list = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/** facts with the parts of each headline measure, NULL where the report does not print what it needs. */
const COMPONENT_SQL = `(SELECT *,
  app_new AS applications,
  CASE WHEN res_total IS NOT NULL THEN res_granted + res_partial END AS disclosed,
  CASE WHEN res_granted IS NOT NULL AND res_partial IS NOT NULL THEN res_total END AS handled,
  rev_total AS reviews,
  CASE WHEN rev_upheld IS NOT NULL AND rev_other IS NOT NULL THEN rev_corrected END AS corrected,
  rev_upheld + rev_corrected + rev_other AS decided,
  CASE WHEN litd_total IS NOT NULL OR lita_total IS NOT NULL THEN coalesce(litd_total, 0) + coalesce(lita_total, 0) END AS lawsuits,
  litd_total AS lit_direct, lita_total AS lit_after_review,
  CASE WHEN litd_corrected IS NOT NULL OR lita_corrected IS NOT NULL THEN coalesce(litd_corrected, 0) + coalesce(lita_corrected, 0) END AS lit_corrected
FROM facts)`;
const SUMS = COMPONENTS.map((c) => `sum(${c})::DOUBLE AS ${c}`).join(', ');

function rollup(): string {
  return `SELECT part, ${KEYS}, region_code, province, city, county,
  count(*)::INTEGER AS reports, count(*) FILTER (WHERE errors > 0)::INTEGER AS failing_reports, ${SUMS}
FROM (${expand(COMPONENT_SQL, `${KEYS}, errors, ${COMPONENTS.join(', ')}`, BREAKDOWN)})
GROUP BY ALL`;
}

/** Agencies of the non-failed reports; those whose region, kind or level changes go to agency_years. */
const AGENCY_REPORTS = `(SELECT agency_id, region_code, province, city, county, agency_kind, admin_level, template, year,
    count(DISTINCT coalesce(region_code, '-') || '|' || coalesce(agency_kind, '-') || '|' || coalesce(admin_level, '-')) OVER (PARTITION BY agency_id) AS combos
  FROM facts WHERE status <> 'failed' AND agency_id IS NOT NULL)`;

function agencyMasks(): string {
  const bit = `CASE WHEN year IS NULL THEN 1::BIGINT
    WHEN year BETWEEN ${YEAR_BIT_BASE + 1} AND ${YEAR_BIT_MAX} THEN 1::BIGINT << (year - ${YEAR_BIT_BASE})
    ELSE error('year ' || year || ' outside ${YEAR_BIT_BASE + 1}–${YEAR_BIT_MAX}') END`;
  const mask = (t: string) => `coalesce(bit_or(${bit}) FILTER (WHERE template = '${t}'), 0)::BIGINT AS m_${t}`;
  const masks = `(SELECT agency_id, region_code, province, city, county, agency_kind, admin_level, bit_or(${bit})::BIGINT AS m_any,
    ${['v2021', 'v2019', 'legacy', 'unknown'].map(mask).join(', ')}
  FROM ${AGENCY_REPORTS} WHERE combos = 1 GROUP BY ALL)`;
  return `SELECT part, region_code, agency_kind, admin_level, m_any, m_v2021, m_v2019, m_legacy, m_unknown, count(*)::INTEGER AS agencies
FROM (${expand(masks, 'agency_kind, admin_level, m_any, m_v2021, m_v2019, m_legacy, m_unknown', SERIES)})
GROUP BY ALL`;
}

function agencyYears(): string {
  return `SELECT DISTINCT part, agency_id, year, region_code, agency_kind, admin_level, template
FROM (${expand(`(SELECT * FROM ${AGENCY_REPORTS} WHERE combos > 1)`, 'agency_id, year, agency_kind, admin_level, template', SERIES)})`;
}

export const OUTCOME_GROUPS = [
  { key: 'granted', zh: '予以公开', metrics: ['app.res.granted'] },
  { key: 'partial', zh: '部分公开', metrics: ['app.res.partial'] },
  { key: 'denied', zh: '不予公开', metrics: [...DENIED_PARTS] },
  { key: 'unable', zh: '无法提供', metrics: [...UNABLE_PARTS] },
  { key: 'rejected', zh: '不予处理', metrics: [...REJECTED_PARTS] },
  { key: 'other', zh: '其他处理', metrics: ['app.res.other', ...OTHER_PARTS] },
] as const;
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number]['key'];
const GROUP_METRICS = OUTCOME_GROUPS.flatMap((g) => g.metrics);

/** The cells the measures read, from the relation `cells`: outcome groups, applications, table 二. */
export const measureCells = (cells = 'cells') => `SELECT report_id, metric, applicant, value FROM ${cells}
  WHERE state = 'number' AND metric IN (${list([...GROUP_METRICS, 'app.new', ...T2_METRICS.map((m) => m.code)])})`;
export const MEASURE_CELLS = measureCells();

/** The key columns of a report at county level, which the measures are summed by. */
const FULL_KEY = [...KEYS.split(', '), 'region_code', 'province', 'city', 'county'];

/** The distinct full keys of the non-failed reports, numbered, for grouping on a number instead of eight strings. */
export const MEASURE_KEY_IDS = `SELECT row_number() OVER ()::INTEGER AS key_id, * FROM (SELECT DISTINCT ${FULL_KEY.join(', ')} FROM reports WHERE status <> 'failed')`;

/** Each non-failed report's key number, from a table `keyIds` of MEASURE_KEY_IDS. */
export const reportKeyIds = (keyIds: string) => `SELECT r.report_id, k.key_id FROM reports r JOIN ${keyIds} k
  ON ${FULL_KEY.map((c) => `r.${c} IS NOT DISTINCT FROM k.${c}`).join(' AND ')} WHERE r.status <> 'failed'`;

/**
 * Measures summed by the full key, from `cellsFrom` (rows of MEASURE_CELLS) and `keyOf`
 * (report_id and the key columns `keyCols` of each non-failed report). Per report first: each
 * outcome group (（六） is its printed row when there is one, else its three sub-rows, never
 * both), each metric of the groups, applications by applicant, table 二.
 */
export function measuresByKeySql(cellsFrom: string, keyOf: string, keyCols: readonly string[]): string {
  const groupOf = OUTCOME_GROUPS.map((g) => `WHEN metric IN (${list(g.metrics)}) THEN 'group.${g.key}'`).join(' ');
  return `WITH c AS (SELECT report_id, metric, applicant, value FROM ${cellsFrom}),
  g AS (
    SELECT report_id, applicant, CASE ${groupOf} END AS measure, value,
      CASE WHEN metric = 'app.res.other' THEN 1 WHEN metric LIKE 'app.res.other.%' THEN 2 ELSE 0 END AS other_kind
    FROM c WHERE metric IN (${list(GROUP_METRICS)})
  ), printed_other AS (SELECT DISTINCT report_id, applicant FROM g WHERE other_kind = 1),
  m AS (
    SELECT g.report_id, g.applicant, g.measure, sum(g.value) AS value FROM g
    LEFT JOIN printed_other p ON p.report_id = g.report_id AND p.applicant = g.applicant
    WHERE NOT (g.other_kind = 2 AND p.report_id IS NOT NULL) GROUP BY ALL
    UNION ALL SELECT report_id, applicant, metric, value FROM c
  )
  SELECT ${keyCols.map((c) => `k.${c}`).join(', ')}, m.measure, m.applicant, sum(m.value) AS value, count(*) AS reports
  FROM m JOIN ${keyOf} k ON k.report_id = m.report_id GROUP BY ALL`;
}

/**
 * The measures table from `byKey`, rows of measuresByKeySql by the full key (one row per key,
 * measure and applicant): as they are in the city parts, which keep the county level, and
 * summed by each coarser part's key.
 */
export function measuresSql(byKey = `(${measuresByKeySql(`(${MEASURE_CELLS})`, `(SELECT report_id, ${FULL_KEY.join(', ')} FROM reports WHERE status <> 'failed')`, FULL_KEY)})`): string {
  const cols = `${KEYS}, region_code, province, city, county, measure, applicant`;
  return `WITH by_key AS MATERIALIZED (SELECT * FROM ${byKey})
SELECT part, ${cols}, sum(value)::DOUBLE AS value, sum(reports)::INTEGER AS reports
FROM (${expand('by_key', `${KEYS}, measure, applicant, value, reports`, SERIES, [0, 1])})
GROUP BY ALL
UNION ALL
SELECT substr(region_code, 1, 4) AS part, ${cols}, value::DOUBLE AS value, reports::INTEGER AS reports
FROM by_key WHERE region_code IS NOT NULL AND region_code NOT LIKE '__0000'`;
}

/** Each numbered key of `keyIds` (MEASURE_KEY_IDS) once in each coarser part it adds to: `all` and its province. */
const coarseRows = (keyIds: string) => expand(keyIds, `key_id, ${KEYS}`, SERIES, [0, 1]);

/**
 * The coarser rows of the measures (`all` and each province) that the numbered keys of `keyIds`
 * add to, numbered in turn: so that they too are summed on numbers (measuresByIdsSql). Table
 * rows: coarse_id, part, the keys, the region columns.
 */
export const measureCoarseIds = (keyIds: string) =>
  `SELECT row_number() OVER ()::INTEGER AS coarse_id, * FROM (SELECT DISTINCT * EXCLUDE (key_id) FROM (${coarseRows(keyIds)}))`;

/** Each key number of `keyIds` with the coarse numbers (table `coarseIds` of measureCoarseIds) it adds to. */
export const measureKeyCoarse = (keyIds: string, coarseIds: string) =>
  `SELECT e.key_id, c.coarse_id FROM (${coarseRows(keyIds)}) e JOIN ${coarseIds} c
  ON ${['part', ...FULL_KEY].map((x) => `e.${x} IS NOT DISTINCT FROM c.${x}`).join(' AND ')}`;

/**
 * The rows of measuresSql from the measures summed by key number (`sums`: key_id, measure,
 * applicant, value, reports), grouped on numbers (`keyCoarse`, `coarseIds`) rather than on a
 * part, the keys and the regions: at a million reports that grouping of 20 million rows by
 * eleven strings did not fit in 400 MB, this one does.
 */
export function measuresByIdsSql(sums: string, keyIds: string, coarseIds: string, keyCoarse: string): string {
  return `SELECT c.part, ${FULL_KEY.map((x) => `c.${x}`).join(', ')}, m.measure, m.applicant, m.value::DOUBLE AS value, m.reports::INTEGER AS reports
FROM (SELECT kc.coarse_id, s.measure, s.applicant, sum(s.value) AS value, sum(s.reports) AS reports
  FROM ${sums} s JOIN ${keyCoarse} kc USING (key_id) GROUP BY ALL) m JOIN ${coarseIds} c USING (coarse_id)
UNION ALL
SELECT substr(k.region_code, 1, 4) AS part, ${FULL_KEY.map((x) => `k.${x}`).join(', ')}, s.measure, s.applicant, s.value::DOUBLE AS value, s.reports::INTEGER AS reports
FROM ${sums} s JOIN ${keyIds} k USING (key_id) WHERE k.region_code IS NOT NULL AND k.region_code NOT LIKE '__0000'`;
}

function rules(): string {
  // a report is in one key, so its distinct count per key adds up across keys
  const src = `(SELECT ${KEYS}, r.region_code, r.province, r.city, r.county, f.rule, f.severity,
      count(DISTINCT f.report_id) FILTER (WHERE f.result = 'fail') AS failing_reports,
      count(*) FILTER (WHERE f.result = 'fail') AS failures,
      count(*) FILTER (WHERE f.result = 'not_assessable') AS not_assessable
    FROM findings f JOIN reports r ON r.report_id = f.report_id GROUP BY ALL)`;
  return `SELECT part, ${KEYS}, region_code, province, city, county, rule, severity,
  sum(failing_reports)::INTEGER AS failing_reports, sum(failures)::INTEGER AS failures, sum(not_assessable)::INTEGER AS not_assessable
FROM (${expand(src, `${KEYS}, rule, severity, failing_reports, failures, not_assessable`, SERIES)})
GROUP BY ALL`;
}

/** The problem list's order, shared with queries/quality.ts. */
export const PROBLEM_ORDER = `CASE status WHEN 'failed' THEN 0 WHEN 'partial' THEN 1 ELSE 2 END, errors DESC, source_path`;

function problems(): string {
  const src = `(WITH e AS (
    SELECT report_id, count(*)::INTEGER AS errors, list(DISTINCT rule ORDER BY rule) AS rules
    FROM findings WHERE severity = 'error' AND result = 'fail' GROUP BY report_id
  )
  SELECT r.*, coalesce(e.errors, 0)::INTEGER AS errors, e.rules FROM reports r LEFT JOIN e USING (report_id)
  WHERE r.status <> 'ok' OR e.errors > 0)`;
  const cols = 'report_id, agency_id, agency_name, year, status, status_reason, template, source_path, agency_kind, admin_level, errors, rules';
  // the first rows of every key are enough: whatever keys a filter picks, its first rows are among them
  return `SELECT part, report_id, agency_id, agency_name, year, status, status_reason, template, source_path, region_code, agency_kind, admin_level, errors, rules
FROM (SELECT *, row_number() OVER (PARTITION BY part, ${KEYS}, region_code ORDER BY ${PROBLEM_ORDER}) AS rn
  FROM (${expand(src, cols, SERIES)}))
WHERE rn <= ${PROBLEM_LIMIT}`;
}

function agencyFacts(digits: number): string {
  const cols = `agency_id, canonical_name, ${KEYS}, region_code, province, city, county, (errors > 0)::INTEGER AS failing, ${COMPONENTS.join(', ')}`;
  const src = `(SELECT c.*, a.canonical_name FROM ${COMPONENT_SQL} c JOIN agencies a USING (agency_id) WHERE c.status <> 'failed')`;
  return [
    `SELECT substr(region_code, 1, 2) AS part, ${cols} FROM ${src} WHERE region_code IS NOT NULL`,
    `SELECT substr(region_code, 1, 4) AS part, ${cols} FROM ${src} WHERE region_code IS NOT NULL AND region_code NOT LIKE '__0000'`,
    `SELECT 'all.' || coalesce(admin_level, 'none') || '.' || coalesce(agency_kind, 'none') AS part, ${cols} FROM ${src}`,
    `SELECT 'b' || substr(agency_id, 1, ${digits}) AS part, ${cols} FROM ${src}`,
  ].join('\nUNION ALL\n');
}

function agencyIndex(): string {
  return `SELECT coalesce(substr(region_code, 1, 2), 'none') AS part, agency_id, canonical_name,
  array_to_string(list_transform(aliases, a -> a.name), ' / ') AS names, region_code, province, city, county,
  agency_kind, admin_level, first_year, last_year, report_count
FROM agencies`;
}

/** The agency detail bucket of a report: its agency's, or its own id's for reports of no agency. */
export const detailBucketSql = (digits: number, alias = '') => `'b' || substr(coalesce(${alias}agency_id, ${alias}report_id), 1, ${digits})`;

/** SELECT producing each site table, with its `part`, from the dataset tables and facts. */
export function siteTableSql(table: SiteTable, digits: number): string {
  switch (table) {
    case 'rollup': return rollup();
    case 'agency_masks': return agencyMasks();
    case 'agency_years': return agencyYears();
    case 'measures': return measuresSql();
    case 'rules': return rules();
    case 'problems': return problems();
    case 'agency_facts': return agencyFacts(digits);
    case 'agency_index': return agencyIndex();
    case 'reports': return `SELECT ${detailBucketSql(digits)} AS part, * FROM reports`;
    case 'cells': return `SELECT ${detailBucketSql(digits, 'r.')} AS part, c.* FROM cells c JOIN reports r ON r.report_id = c.report_id`;
    case 'findings': return `SELECT ${detailBucketSql(digits, 'r.')} AS part, f.* FROM findings f JOIN reports r ON r.report_id = f.report_id`;
    case 'agencies': return `SELECT 'b' || substr(agency_id, 1, ${digits}) AS part, * FROM agencies`;
  }
}
