/**
 * Every SQL builder run through real DuckDB over the Parquet the real ingest makes of the six
 * sample reports. Expected rows are sums of the numbers printed in those reports
 * (test/fixtures/expected), worked out by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SiteIndex } from '../../src/model/site.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS, type Filters } from '../../src/queries/filters.ts';
import { overviewByYear, overviewTotals } from '../../src/queries/overview.ts';
import { outcomeMixByYear, outcomeReasons, applicantsByYear } from '../../src/queries/outcomes.ts';
import { proactiveByYear } from '../../src/queries/proactive.ts';
import { reviewsByRegion, reviewsByYear } from '../../src/queries/reviews.ts';
import { compareByYear, peerRanking } from '../../src/queries/compare.ts';
import { agencyCells, agencyFindings, agencyReports, searchAgencies } from '../../src/queries/agency.ts';
import { findingsByRule, problemReports, templatesByYear } from '../../src/queries/quality.ts';
import { regionsPresent, yearsPresent } from '../../src/queries/regions.ts';
import { planConsoleQuery, type ConsoleEngine } from '../../src/queries/console.ts';
import { buildSampleDataset, openDataset, run } from '../helpers/dataset.ts';

let conn: DuckDBConnection;
let digits: number;
beforeAll(async () => {
  const dir = await buildSampleDataset();
  conn = await openDataset(dir);
  digits = (JSON.parse(readFileSync(join(dir, 'site.json'), 'utf8')) as SiteIndex).bucket_digits;
});
const f = (x: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...x });

describe('overview', () => {
  it('totals over the six reports', async () => {
    const [t] = await run(conn, overviewTotals(NO_FILTERS));
    expect(t).toMatchObject({
      reports: 6, agencies: 5, applications: 4179, disclosed: 1919, handled: 3252, reviews: 362, lawsuits: 60,
      corrected: 67, decided: 329, failing_reports: 2,
    });
    expect(t.disclosure_rate).toBeCloseTo(1919 / 3252, 12);
    expect(t.reviews_per_100).toBeCloseTo((100 * 362) / 4179, 12);
    expect(t.correction_rate).toBeCloseTo(67 / 329, 12);
  });

  it('by year', async () => {
    const rows = await run(conn, overviewByYear(NO_FILTERS));
    expect(rows.map((r) => [r.year, r.reports, r.agencies, r.applications, r.disclosed, r.handled, r.reviews, r.lawsuits, r.corrected, r.decided, r.failing_reports])).toEqual([
      [2019, 1, 1, 859, null, null, 7, 9, null, null, 1],
      [2022, 1, 1, 74, 30, 75, 2, 1, 1, 2, 0],
      [2023, 1, 1, 21, 4, 21, 0, 0, 1, 11, 1],
      [2024, 3, 3, 3225, 1885, 3156, 353, 50, 65, 316, 0],
    ]);
  });

  it('filters: region, level, kind, years, template', async () => {
    expect((await run(conn, overviewTotals(f({ region: '320000' }))))[0]).toMatchObject({ reports: 3, agencies: 2, applications: 3235 });
    expect((await run(conn, overviewTotals(f({ region: '320800' }))))[0]).toMatchObject({ reports: 3, applications: 3235 });
    expect((await run(conn, overviewTotals(f({ region: '320813' }))))[0]).toMatchObject({ reports: 2, applications: 116 });
    expect((await run(conn, overviewTotals(f({ level: 'county' }))))[0]).toMatchObject({ reports: 4, applications: 11 + 74 + 21 + 95 });
    expect((await run(conn, overviewTotals(f({ kind: 'gov_office' }))))[0]).toMatchObject({ reports: 2, applications: 11 + 859 });
    expect((await run(conn, overviewTotals(f({ from: 2023, to: 2023 }))))[0]).toMatchObject({ reports: 1, applications: 21 });
    expect((await run(conn, overviewTotals(f({ template: 'v2019' }))))[0]).toMatchObject({ reports: 1, applications: 859 });
  });
});

describe('request outcomes', () => {
  it('mix by year, （六） counted once per report', async () => {
    const rows = await run(conn, outcomeMixByYear(f({ from: 2024, to: 2024 })));
    expect(Object.fromEntries(rows.map((r) => [r.outcome, r.applications]))).toEqual({
      granted: 1422, partial: 463, denied: 181, unable: 813, rejected: 89, other: 188,
    });
  });

  it('reasons within 无法提供, 自然人 column', async () => {
    const rows = await run(conn, outcomeReasons(f({ from: 2024, to: 2024 }), 'unable', 'natural'));
    expect(rows.map((r) => [r.metric, r.applications])).toEqual([
      ['app.res.unable.need_creation', 11 + 1],
      ['app.res.unable.not_held', 746 + 31],
      ['app.res.unable.unclear', 1],
    ]);
  });

  it('applications by applicant type', async () => {
    const rows = await run(conn, applicantsByYear(f({ from: 2019, to: 2019 })));
    expect(rows.map((r) => [r.applicant, r.applications])).toEqual([['natural', 821], ['org_business', 35], ['org_legal', 2], ['org_other', 1]]);
  });
});

describe('proactive disclosure', () => {
  it('one series for 处理决定数量 across templates; v2019-only measures only in their years', async () => {
    const rows = await run(conn, proactiveByYear(NO_FILTERS));
    const by = (m: string) => rows.filter((r) => r.metric === m).map((r) => [r.year, r.value]);
    expect(by('ad.license.decisions')).toEqual([[2019, 0], [2022, 10690], [2023, 550], [2024, 447228 + 9487]]);
    expect(by('ad19.procurement.amount')).toEqual([[2019, 251000]]);
    expect(by('ad.fee.amount')).toEqual([[2022, 9116.36], [2023, 7730.28], [2024, 96171.6 + 7545]]);
  });
});

describe('reviews and lawsuits', () => {
  it('by year with counts', async () => {
    const rows = await run(conn, reviewsByYear(NO_FILTERS));
    expect(rows.map((r) => [r.year, r.reviews, r.rev_corrected, r.lit_direct, r.lit_after_review])).toEqual([
      [2019, 7, null, 9, null], [2022, 2, 1, 1, 0], [2023, 0, 1, 0, 0], [2024, 353, 65, 27, 23],
    ]);
  });

  it('by province, ranked only above the minimum of decided reviews', async () => {
    const rows = await run(conn, reviewsByRegion(NO_FILTERS, 10));
    expect(rows.map((r) => [r.region_code, r.region_name, r.reviews, r.decided, r.ranked, r.correction_rank])).toEqual([
      ['320000', '江苏省', 353, 327, true, 1],
      ['310000', '上海市', 7, null, false, null],
      ['350000', '福建省', 2, 2, false, null],
      ['130000', '河北省', 0, 0, false, null],
    ]);
    const js = rows[0];
    expect(js.correction_rate).toBeCloseTo(66 / 327, 12);
    expect(js.correction_low as number).toBeLessThan(66 / 327);
    expect(js.correction_high as number).toBeGreaterThan(66 / 327);
  });
});

describe('compare and rank', () => {
  it('two agencies side by side', async () => {
    const [hz] = await run(conn, searchAgencies('洪泽', []));
    const [julu] = await run(conn, searchAgencies('巨鹿', []));
    const rows = await run(conn, compareByYear([hz.agency_id as string, julu.agency_id as string, 'region:320800'], NO_FILTERS, digits));
    const label = (e: unknown) => (e === hz.agency_id ? 'hz' : e === julu.agency_id ? 'julu' : e);
    expect(rows.map((r) => [label(r.entity), r.year, r.applications]).sort((a, b) => String(a[0]).localeCompare(String(b[0])) || Number(a[1]) - Number(b[1]))).toEqual(
      [['hz', 2023, 21], ['hz', 2024, 95], ['julu', 2024, 11], ['region:3208', 2023, 21], ['region:3208', 2024, 3214]],
    );
    expect(rows.find((r) => r.entity === hz.agency_id)!.name).toBe('淮安市洪泽区人民政府');
  });

  it('peer ranking by applications, county-level governments', async () => {
    const rows = await run(conn, peerRanking(f({ level: 'county', kind: 'government' }), 'applications', 1));
    expect(rows.map((r) => [r.name, r.value, r.rank])).toEqual([['淮安市洪泽区人民政府', 116, 1]]);
  });
});

describe('agency page', () => {
  it('every year of 洪泽区, cells as printed, findings of 2023', async () => {
    const [hz] = await run(conn, searchAgencies('洪泽区', []));
    const id = hz.agency_id as string;
    expect((await run(conn, agencyReports(id, digits))).map((r) => [r.year, r.agency_name])).toEqual([[2023, '洪泽区人民政府'], [2024, '淮安市洪泽区人民政府']]);
    expect((await run(conn, agencyCells(id, digits)))).toHaveLength(186 * 2);
    const findings = await run(conn, agencyFindings(id, digits));
    expect(findings.filter((x) => x.severity === 'error').map((x) => x.rule)).toEqual(['T4_SUM_LIT_AFTER', 'T4_SUM_REVIEW']);
  });

  it('search by alias and region', async () => {
    expect((await run(conn, searchAgencies('淮安', []))).map((r) => r.canonical_name).sort()).toEqual(['淮安市人民政府', '淮安市洪泽区人民政府']);
    expect((await run(conn, searchAgencies('平潭', []))).map((r) => r.canonical_name)).toEqual(['平潭综合实验区']);
  });
});

describe('data quality', () => {
  it('reports failing each rule', async () => {
    const rows = await run(conn, findingsByRule(NO_FILTERS));
    const errors = rows.filter((r) => r.severity === 'error').map((r) => [r.rule, r.failing_reports, r.failures]);
    expect(errors).toEqual([['T3_ROW_TOTAL', 1, 11], ['T3_OUTCOME_SUM', 1, 1], ['T4_SUM_LIT_AFTER', 1, 1], ['T4_SUM_REVIEW', 1, 1]]);
  });
  it('problem reports and templates by year', async () => {
    expect((await run(conn, problemReports(NO_FILTERS))).map((r) => [r.year, r.errors])).toEqual([[2019, 12], [2023, 2]]);
    expect((await run(conn, templatesByYear(NO_FILTERS))).map((r) => [r.year, r.template, r.reports])).toEqual([
      [2019, 'v2019', 1], [2022, 'v2021', 1], [2023, 'v2021', 1], [2024, 'v2021', 3],
    ]);
  });
});

describe('regions and years present', () => {
  it('lists them', async () => {
    expect((await run(conn, regionsPresent())).map((r) => r.region_code)).toEqual(['130529', '310000', '320800', '320813', '350128']);
    expect(await run(conn, yearsPresent())).toEqual([{ min_year: 2019, max_year: 2024 }]);
  });
});

describe('SQL console', () => {
  // DuckDB decides (test/queries/console.test.ts has the tricks); here over the real site tables
  const engine = (): ConsoleEngine => ({
    prepare: async (sql) => (await conn.prepare(sql)).destroySync(),
    rows: (sql) => run(conn, { sql, params: [] }),
  });
  it('runs one query, read only', async () => {
    const q = await planConsoleQuery('select count(*)::INTEGER n from reports -- all', engine());
    expect('sql' in q && (await run(conn, { sql: q.sql, params: [] }))).toEqual([{ n: 6 }]);
  });
  it.each(['delete from reports', 'drop table reports', "copy reports to '/tmp/x.csv'", "attach 'x.db'", 'install httpfs', 'load httpfs', 'create table x as select 1', 'select 1; drop table reports', "UPDATE rollup SET applications = applications * 1000"])('refuses %s', async (text) => {
    expect(await planConsoleQuery(text, engine())).toHaveProperty('error');
    expect(await run(conn, { sql: 'select count(*)::INTEGER n from reports', params: [] })).toEqual([{ n: 6 }]);
  });
});
