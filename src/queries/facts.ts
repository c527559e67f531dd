/**
 * The per-report fact table the dashboard's questions run on: one row per report with its
 * headline measures pivoted out of `cells`, and whether its own numbers break an identity.
 * NULL where a report does not print the measure (or prints it blank, /, or unreadable for
 * non-number states), so sums and rates never count what is not there.
 */
export const FACT_MEASURES = {
  app_new: ['app.new', 'total'],
  app_carried_in: ['app.carried_in', 'total'],
  res_total: ['app.res.total', 'total'],
  res_granted: ['app.res.granted', 'total'],
  res_partial: ['app.res.partial', 'total'],
  carried_out: ['app.carried_out', 'total'],
  rev_upheld: ['rev.upheld', ''],
  rev_corrected: ['rev.corrected', ''],
  rev_other: ['rev.other', ''],
  rev_pending: ['rev.pending', ''],
  rev_total: ['rev.total', ''],
  litd_upheld: ['lit_direct.upheld', ''],
  litd_corrected: ['lit_direct.corrected', ''],
  litd_other: ['lit_direct.other', ''],
  litd_pending: ['lit_direct.pending', ''],
  litd_total: ['lit_direct.total', ''],
  lita_upheld: ['lit_after_rev.upheld', ''],
  lita_corrected: ['lit_after_rev.corrected', ''],
  lita_other: ['lit_after_rev.other', ''],
  lita_pending: ['lit_after_rev.pending', ''],
  lita_total: ['lit_after_rev.total', ''],
} as const;

export type FactMeasure = keyof typeof FACT_MEASURES;

/** CREATE TABLE facts … over tables `reports`, `findings` and the relation `cells` (Parquet views or loaded tables). */
export function factsSql(cells = 'cells'): string {
  // Only the cells a measure takes are grouped: at 100,000 reports 2.1 of 19.9 million, 2.0 s
  // against 3.4 s. A report with none of them gets NULLs from the LEFT JOIN, as from an empty group.
  const pairs = Object.values(FACT_MEASURES);
  const cols = Object.entries(FACT_MEASURES)
    .map(([name, [metric, applicant]]) => `max(value) FILTER (WHERE metric = '${metric}' AND applicant = '${applicant}') AS ${name}`)
    .join(',\n    ');
  return `CREATE OR REPLACE TABLE facts AS
WITH piv AS (
  SELECT report_id,
    ${cols}
  FROM ${cells}
  WHERE metric IN (${[...new Set(pairs.map(([m]) => `'${m}'`))].join(', ')}) AND applicant IN (${[...new Set(pairs.map(([, a]) => `'${a}'`))].join(', ')})
  GROUP BY report_id
), errs AS (
  SELECT report_id, count(*)::INTEGER AS errors FROM findings WHERE severity = 'error' AND result = 'fail' GROUP BY report_id
)
SELECT r.report_id, r.agency_id, r.agency_name, r.year, r.region_code, r.province, r.city, r.county,
  r.agency_kind, r.admin_level, r.template, r.status, piv.* EXCLUDE (report_id), coalesce(errs.errors, 0) AS errors
FROM reports r LEFT JOIN piv USING (report_id) LEFT JOIN errs USING (report_id)
ORDER BY r.year, r.region_code, r.report_id`;
}
