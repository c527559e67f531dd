/**
 * The checks across reports run a slice of agencies at a time at national scale: whatever the
 * number of slices, they must find exactly what one pass over every agency finds.
 */
import { describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { TABLES } from '../../src/model/contract.ts';
import { crossReportSql } from '../../scripts/lib/cross-report.sql.ts';

/** Agency i reports the years in YEARS[i % 4]; a year listed twice is two different files. */
const YEARS = [[2019, 2020, 2021], [2019, 2021, 2021, 2024], [2020, 2020, 2020, 2020, 2020], [2022]];

async function findings(slices: number): Promise<string[]> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  try {
    await conn.run(`CREATE TABLE reports (report_id VARCHAR, agency_id VARCHAR, year INTEGER, source_path VARCHAR, status VARCHAR)`);
    await conn.run(`CREATE TABLE cells (report_id VARCHAR, metric VARCHAR, applicant VARCHAR, value DOUBLE, state VARCHAR)`);
    await conn.run(`CREATE TABLE findings (${TABLES.findings.map((c) => `"${c.name}" ${c.type}`).join(', ')}, seq INTEGER)`);
    const reports: string[] = [];
    const cells: string[] = [];
    for (let a = 0; a < 24; a++) {
      YEARS[a % 4].forEach((year, k) => {
        const id = `r${a}-${k}`;
        reports.push(`('${id}', 'agency${a}', ${year}, 'in/${a}/${k}.html', 'ok')`);
        // carried out k, carried in k + (a % 3 === 0): every third agency's carry-over breaks
        cells.push(`('${id}', 'app.carried_out', 'total', ${k}, 'number')`, `('${id}', 'app.carried_in', 'total', ${k - 1 + (a % 3 === 0 ? 1 : 0)}, 'number')`);
      });
    }
    await conn.run(`INSERT INTO reports VALUES ${reports.join(', ')}`);
    await conn.run(`INSERT INTO cells VALUES ${cells.join(', ')}`);
    for (const sql of crossReportSql(slices)) await conn.run(sql);
    const rows = (await conn.runAndReadAll(`SELECT * FROM findings`)).getRows();
    return rows.map((r) => JSON.stringify(r, (_, v) => (typeof v === 'bigint' ? Number(v) : v))).sort();
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

describe('checks across reports, a slice of agencies at a time', () => {
  it('find the same as one pass, for any number of slices', async () => {
    const whole = await findings(1);
    const rules = whole.map((r) => JSON.parse(r)[1] as string);
    // 6 agencies × (2 + 5) repeated files; 6 × 3 reports after a missing year (both 2021 files, the 2024 one); broken carry-overs
    expect(rules.filter((r) => r === 'DUPLICATE_REPORT')).toHaveLength(42);
    expect(rules.filter((r) => r === 'MISSING_YEAR')).toHaveLength(18);
    expect(rules.filter((r) => r === 'XYEAR_CARRY').length).toBeGreaterThan(0);
    for (const slices of [2, 5, 24]) expect(await findings(slices)).toEqual(whole);
  });
});
