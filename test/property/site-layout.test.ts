/**
 * The dashboard's partitioned layout answers as the dataset itself does: for random small
 * datasets (agencies whose kind or region changes over the years, reports without a year or
 * region, failed reports, blank cells) and random filters, the site queries give the same
 * counts and sums as plain SQL over the dataset's own tables.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { DatasetBuilder, type FileRows } from '../../scripts/lib/dataset-builder.ts';
import { SITE_ORDER } from '../../scripts/lib/site-writer.ts';
import { sqlString } from '../../scripts/lib/sql-literal.ts';
import type { ReportRow } from '../../src/model/contract.ts';
import { regionPrefix, SITE_TABLES } from '../../src/model/site.ts';
import type { Filters } from '../../src/queries/filters.ts';
import { overviewByYear, overviewTotals } from '../../src/queries/overview.ts';
import { outcomeMixByYear } from '../../src/queries/outcomes.ts';
import { measuresSql } from '../../src/queries/site-sql.ts';
import { openDataset, run } from '../helpers/dataset.ts';
import { reportRow, totalCell } from '../helpers/rows.ts';

const REGIONS: [string | null, string | null, string | null, string | null][] = [
  ['110101', '北京市', '市辖区', '东城区'], ['110000', '北京市', null, null], ['130529', '河北省', '邢台市', '巨鹿县'],
  ['130500', '河北省', '邢台市', null], ['130503', '河北省', '邢台市', '信都区'], ['320813', '江苏省', '淮安市', '洪泽区'], [null, null, null, null],
];
const NAMES = ['人民政府', '交通运输局', '城关镇人民政府', '开发区管委会'];

const reportArb = fc.record({
  name: fc.constantFrom(...NAMES),
  region: fc.nat(REGIONS.length - 1),
  kind: fc.constantFrom('government', 'department', 'township', null),
  level: fc.constantFrom('county', 'prefecture', 'township', null),
  year: fc.option(fc.integer({ min: 2019, max: 2024 }), { freq: 6 }),
  template: fc.constantFrom('v2021', 'v2019', 'unknown'),
  status: fc.constantFrom('ok', 'ok', 'ok', 'partial', 'failed'),
  appNew: fc.option(fc.nat(50), { freq: 4 }),
  granted: fc.option(fc.nat(30), { freq: 4 }),
  errors: fc.nat(2),
});

const filterArb = fc.record({
  from: fc.option(fc.integer({ min: 2019, max: 2024 })),
  to: fc.option(fc.integer({ min: 2019, max: 2024 })),
  region: fc.constantFrom(null, '110000', '110100', '110101', '130000', '130500', '130529', '320000', '320813'),
  kind: fc.constantFrom(null, 'government', 'department', 'township'),
  level: fc.constantFrom(null, 'county', 'prefecture', 'township'),
  template: fc.constantFrom(null, 'v2021', 'v2019', 'unknown'),
});

type Spec = { name: string; region: number; kind: string | null; level: string | null; year: number | null; template: string; status: string; appNew: number | null; granted: number | null; errors: number };

function fileRows(spec: Spec, i: number): FileRows {
  const [region_code, province, city, county] = REGIONS[spec.region];
  const id = i.toString(16).padStart(16, '0');
  const failed = spec.status === 'failed';
  const report = reportRow(id, {
    source_path: `r${i}.txt`, status: spec.status as ReportRow['status'], status_reason: spec.status === 'ok' ? null : 'test', agency_name: failed ? null : spec.name,
    agency_kind: spec.kind, admin_level: spec.level, region_code, province, city, county, year: spec.year, template: spec.template as ReportRow['template'],
  });
  const cell = (metric: string, value: number | null) => totalCell(id, metric, value);
  const cells = failed ? [] : [cell('app.new', spec.appNew), cell('app.res.granted', spec.granted)];
  const findings = failed ? [] : Array.from({ length: spec.errors }, (_, k) => ({
    report_id: id, rule: `R${k}`, severity: 'error' as const, result: 'fail' as const, applicant: '', metric: '', metrics: [], expected: 1, actual: 2, message: 'x',
  }));
  return { report, cells, findings };
}

/** The same questions in plain SQL over the dataset's own Parquet tables. */
async function oracle(conn: DuckDBConnection, dir: string, f: Filters) {
  const where = [`r.status <> 'failed'`];
  const params: unknown[] = [];
  if (f.from !== null) { where.push('r.year >= ?'); params.push(f.from); }
  if (f.to !== null) { where.push('r.year <= ?'); params.push(f.to); }
  if (f.region) { where.push('starts_with(r.region_code, ?)'); params.push(regionPrefix(f.region)); }
  if (f.kind) { where.push('r.agency_kind = ?'); params.push(f.kind); }
  if (f.level) { where.push('r.admin_level = ?'); params.push(f.level); }
  if (f.template) { where.push('r.template = ?'); params.push(f.template); }
  const p = (t: string) => `'${join(dir, `${t}.parquet`)}'`;
  const sql = (by: string) => `SELECT ${by ? 'r.year,' : ''} count(*)::INTEGER AS reports, count(DISTINCT r.agency_id)::INTEGER AS agencies,
      sum(a.value) AS applications, sum(g.value) AS granted,
      count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ${p('findings')} f WHERE f.report_id = r.report_id AND f.severity = 'error' AND f.result = 'fail'))::INTEGER AS failing_reports
    FROM ${p('reports')} r
    LEFT JOIN (SELECT * FROM ${p('cells')} WHERE metric = 'app.new' AND state = 'number') a ON a.report_id = r.report_id
    LEFT JOIN (SELECT * FROM ${p('cells')} WHERE metric = 'app.res.granted' AND state = 'number') g ON g.report_id = r.report_id
    WHERE ${where.join(' AND ')} ${by ? 'AND r.year IS NOT NULL GROUP BY r.year ORDER BY r.year' : ''}`;
  return { totals: (await run(conn, { sql: sql(''), params }))[0], byYear: await run(conn, { sql: sql('year'), params }) };
}

describe('site layout = the dataset', () => {
  it('counts, distinct agencies and sums agree for any filter', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(reportArb, { minLength: 1, maxLength: 30 }), fc.array(filterArb, { minLength: 4, maxLength: 4 }), async (specs, filters) => {
        const out = join(mkdtempSync(join(tmpdir(), 'xxgk-site-')), 'ds');
        const b = await DatasetBuilder.open(out, { fresh: true });
        await b.add(specs.map((s, i) => fileRows(s, i)));
        await b.finish({ generator: 'test' });
        const conn = await openDataset(out);
        for (const f of filters as Filters[]) {
          const want = await oracle(conn, out, f);
          const [t] = await run(conn, overviewTotals(f));
          expect({ reports: t.reports, agencies: t.agencies, applications: t.applications, failing_reports: t.failing_reports })
            .toEqual({ reports: want.totals.reports, agencies: want.totals.agencies, applications: want.totals.applications, failing_reports: want.totals.failing_reports });
          const years = await run(conn, overviewByYear(f));
          expect(years.map((y) => [y.year, y.reports, y.agencies, y.applications])).toEqual(want.byYear.map((y) => [y.year, y.reports, y.agencies, y.applications]));
          const granted = (await run(conn, outcomeMixByYear(f))).filter((r) => r.outcome === 'granted');
          expect(granted.map((r) => [r.year, r.applications])).toEqual(want.byYear.filter((y) => y.granted !== null).map((y) => [y.year, y.granted]));
        }
        conn.closeSync();
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});

describe('site layout built in slices', () => {
  // slices of 97 reports, and the cells sorted in one statement (measures in one slice) as under ONE_SORT_REPORTS
  it.each([['slices of 97 reports', '97'], ['one sort', '']])('measures summed a few reports at a time equal the whole computed at once; cells in their agency bucket, in the contract order (%s)', async (_, slice) => {
    // over 1,000 reports, so the detail is bucketed (16 groups) and the measures sliced
    const specs = fc.sample(reportArb, { numRuns: 1_500, seed: 7 });
    const out = join(mkdtempSync(join(tmpdir(), 'xxgk-slices-')), 'ds');
    const b = await DatasetBuilder.open(out, { fresh: true });
    await b.add(specs.map((s, i) => fileRows(s, i)));
    if (slice) process.env.XXGK_SLICE_REPORTS = slice;
    try {
      await b.finish({ generator: 'test' });
    } finally {
      delete process.env.XXGK_SLICE_REPORTS;
    }
    const site = JSON.parse(readFileSync(join(out, 'site.json'), 'utf8'));
    expect(site.bucket_digits).toBe(1);
    // the contract tables under their own names; the site's files read directly
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    for (const t of ['reports', 'cells', 'findings']) await conn.run(`CREATE TABLE ${t} AS SELECT * FROM read_parquet(${sqlString(join(out, `${t}.parquet`))})`);
    for (const t of ['measures', 'cells']) await conn.run(`CREATE VIEW site_${t} AS SELECT * FROM read_parquet(${sqlString(join(out, 'site', t, '*.parquet'))})`);
    // by name (EXCEPT compares by position); sums of decimals may differ in the last bits with the order of addition
    const cols = SITE_TABLES.measures.map((c) => (c.name === 'value' ? 'round(value, 6) AS value' : c.name)).join(', ');
    const whole = `SELECT ${cols} FROM (${measuresSql()})`;
    const written = `SELECT ${cols} FROM site_measures`;
    const [diff] = await run(conn, { sql: `SELECT (SELECT count(*) FROM (${whole})) AS n, (SELECT count(*) FROM ((${whole}) EXCEPT ALL (${written}))) AS missing, (SELECT count(*) FROM ((${written}) EXCEPT ALL (${whole}))) AS extra`, params: [] });
    expect(diff.n).toBeGreaterThan(100);
    expect(diff).toMatchObject({ missing: 0, extra: 0 });
    // every cell once, in its report's agency bucket
    const [cells] = await run(conn, { sql: `SELECT (SELECT count(*) FROM cells) AS contract, count(*) AS site,
        count(*) FILTER (WHERE s.part <> 'b' || substr(coalesce(r.agency_id, r.report_id), 1, 1)) AS misplaced,
        (SELECT count(*) FROM ((SELECT report_id, metric, applicant, value, state FROM cells) EXCEPT ALL (SELECT report_id, metric, applicant, value, state FROM site_cells))) AS lost
      FROM site_cells s JOIN reports r USING (report_id)`, params: [] });
    expect(cells).toMatchObject({ site: cells.contract, misplaced: 0, lost: 0 });
    // the site's cells, part after part, in the contract's order (dataset-order.test.ts checks that order)
    const [co] = await run(conn, { sql: `SELECT count(*) AS n, count(*) FILTER (WHERE s.report_id IS DISTINCT FROM c.report_id OR s.metric IS DISTINCT FROM c.metric OR s.applicant IS DISTINCT FROM c.applicant) AS misplaced
      FROM (SELECT *, row_number() OVER (ORDER BY part, file_row_number) AS i FROM read_parquet(${sqlString(join(out, 'site', 'cells', '*.parquet'))}, file_row_number = true)) s
      FULL JOIN (SELECT *, file_row_number + 1 AS i FROM read_parquet(${sqlString(join(out, 'cells.parquet'))}, file_row_number = true)) c USING (i)`, params: [] });
    expect(co).toEqual({ n: cells.contract, misplaced: 0 });
    // every other file's rows in its table's order (ties broken by their place in the file)
    for (const [table, parts] of Object.entries(site.parts as Record<string, Record<string, unknown>>)) {
      if (table === 'cells') continue;
      for (const part of Object.keys(parts)) {
        const file = sqlString(join(out, 'site', table, `${part}.parquet`));
        const [o] = await run(conn, { sql: `SELECT count(*) FILTER (WHERE file_row_number <> rank - 1) AS misplaced, count(*) AS n FROM (
          SELECT file_row_number, row_number() OVER (ORDER BY ${SITE_ORDER[table as keyof typeof SITE_ORDER]}, file_row_number) AS rank
          FROM read_parquet(${file}, file_row_number = true))`, params: [] });
        expect({ table, part, misplaced: o.misplaced }).toEqual({ table, part, misplaced: 0 });
      }
    }
    conn.closeSync();
  }, 120_000);
});
