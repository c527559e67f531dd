/**
 * Checks across the reports of a dataset, in SQL over the work database so they scale to a
 * million reports: carry-over between consecutive years of one agency (上年结转 of year N =
 * 结转下年度 of year N−1, per applicant column), several different files for one agency and
 * year, years missing between an agency's reports. Messages in Chinese name both files.
 */
import { APPLICANTS } from '../../src/model/applicants.ts';

const applicantZh = `CASE ${APPLICANTS.map((a) => `WHEN {c}.applicant = '${a.code}' THEN '${a.labelZh}'`).join(' ')} ELSE {c}.applicant END`;
const shown = (alias: string) => `CASE WHEN ${alias}.state = 'blank' THEN '空白' ELSE CAST(CAST(${alias}.value AS BIGINT) AS VARCHAR) END`;

/**
 * INSERT the cross-report findings into `findings` (table with the contract's columns and `seq`),
 * the cells read from the relation `cells`.
 * The checks on reports alone group by agency, so they run a slice of agencies at a time
 * (`slices` statements each): grouped all at once, the repeated reports' lists ran out of
 * memory at a million reports under a 400 MB limit.
 */
export const crossReportSql = (slices: number, cells = 'cells'): string[] => [
  `CREATE OR REPLACE TEMP TABLE rep AS
   SELECT report_id, agency_id, year, source_path FROM reports WHERE status <> 'failed' AND agency_id IS NOT NULL AND year IS NOT NULL`,
  // the two rows first: joined to the cells of a Parquet file as they are, DuckDB planned the
  // self-join below badly (over 900 s at 100,000 reports, against under a second over a table)
  `CREATE OR REPLACE TEMP TABLE carry AS
   SELECT report_id, metric, applicant, value, state FROM ${cells} WHERE metric IN ('app.carried_out', 'app.carried_in')`,
  // carry-over, per applicant column, for every pair of reports of consecutive years
  `INSERT INTO findings
   SELECT b.report_id, 'XYEAR_CARRY', 'warning',
     CASE WHEN co.state IN ('na', 'unreadable') OR ci.state IN ('na', 'unreadable') THEN 'not_assessable' ELSE 'fail' END,
     ci.applicant, 'app.carried_in', ['app.carried_out', 'app.carried_in'],
     CASE WHEN co.state = 'number' OR co.state = 'blank' THEN coalesce(co.value, 0) END,
     CASE WHEN ci.state = 'number' OR ci.state = 'blank' THEN coalesce(ci.value, 0) END,
     CASE WHEN co.state IN ('na', 'unreadable') OR ci.state IN ('na', 'unreadable')
       THEN b.year || ' 年「二、上年结转」与 ' || a.year || ' 年「四、结转下年度」「' || ${applicantZh.replaceAll('{c}', 'ci')} || '」列：有单元格为不适用或无法读取，无法核对'
       ELSE b.year || ' 年报告「' || ${applicantZh.replaceAll('{c}', 'ci')} || '」列「二、上年结转」为 ' || ${shown('ci')} || '，但 ' || a.year || ' 年报告（' || a.source_path || '）「四、结转下年度」为 ' || ${shown('co')} || '，相差 ' || CAST(abs(coalesce(ci.value, 0) - coalesce(co.value, 0)) AS BIGINT)
     END,
     1000000
   FROM rep a JOIN rep b ON b.agency_id = a.agency_id AND b.year = a.year + 1
   JOIN carry co ON co.report_id = a.report_id AND co.metric = 'app.carried_out'
   JOIN carry ci ON ci.report_id = b.report_id AND ci.metric = 'app.carried_in' AND ci.applicant = co.applicant
   WHERE co.state IN ('na', 'unreadable') OR ci.state IN ('na', 'unreadable') OR coalesce(co.value, 0) <> coalesce(ci.value, 0)`,
  'DROP TABLE carry',
  ...Array.from({ length: slices }, (_, i) => sliced(DUPLICATES, slices, i)),
  ...Array.from({ length: slices }, (_, i) => sliced(GAPS, slices, i)),
];

/** `sql` over the reports of one slice of agencies: `{rep}` stands for them. */
const sliced = (sql: string, slices: number, i: number) => sql.replaceAll('{rep}', slices > 1 ? `(SELECT * FROM rep WHERE hash(agency_id) % ${slices} = ${i})` : 'rep');

/**
 * Several different files for one agency and year: all kept, each flagged (the paths listed only for those).
 * Merged shards may hold two files at one path: then no other path is named, and the message is still never NULL.
 */
const DUPLICATES = `INSERT INTO findings
   WITH d AS (SELECT agency_id, year, count(*) AS n FROM {rep} GROUP BY ALL HAVING count(*) > 1),
   g AS (SELECT agency_id, year, any_value(d.n) AS n, list(source_path ORDER BY source_path) AS paths FROM {rep} JOIN d USING (agency_id, year) GROUP BY ALL)
   SELECT r.report_id, 'DUPLICATE_REPORT', 'warning', 'fail', '', '', [], NULL, g.n,
     '同一机关 ' || g.year || ' 年有 ' || g.n || ' 份不同的报告文件：本文件与 ' ||
       coalesce(array_to_string(list_filter(g.paths, p -> p <> r.source_path)[1:3], '、'), '同一路径的另一文件') ||
       CASE WHEN g.n > 4 THEN ' 等 ' || (g.n - 1) || ' 份' ELSE '' END || '，均已保留',
     1000001
   FROM {rep} r JOIN g USING (agency_id, year)`;

/** A year missing between two of an agency's reports. */
const GAPS = `INSERT INTO findings
   WITH y AS (SELECT DISTINCT agency_id, year FROM {rep}),
   gaps AS (SELECT agency_id, year, lag(year) OVER (PARTITION BY agency_id ORDER BY year) AS prev FROM y)
   SELECT r.report_id, 'MISSING_YEAR', 'info', 'fail', '', '', [], g.year - g.prev - 1, NULL,
     '该机关有 ' || g.prev || ' 年和 ' || g.year || ' 年的报告，缺少 ' ||
       array_to_string(list_transform(range(g.prev + 1, g.year), x -> CAST(x AS VARCHAR)), '、') || ' 年的报告',
     1000002
   FROM gaps g JOIN {rep} r ON r.agency_id = g.agency_id AND r.year = g.year
   WHERE g.prev IS NOT NULL AND g.year - g.prev > 1`;
