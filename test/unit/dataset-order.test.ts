/**
 * The dataset's documented row order (docs/data.md): reports by source_path, cells and findings
 * by report in that order, then as each report wrote them, whatever order the files were
 * appended in and whatever their ids.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetBuilder, type FileRows } from '../../scripts/lib/dataset-builder.ts';
import { sqlString } from '../../scripts/lib/sql-literal.ts';
import type { CellRow, ReportRow } from '../../src/model/contract.ts';
import { run } from '../helpers/dataset.ts';
import { DuckDBInstance } from '@duckdb/node-api';

const METRICS = ['t2.reg.made', 'app.new', 'app.res.granted', 'app.res.partial', 'rev.total'];

function file(path: string, id: string, metrics: string[]): FileRows {
  const report: ReportRow = {
    report_id: id, source_path: path, source_sha256: id.padEnd(64, '0'), agency_id: null, source_format: 'text', source_url: null,
    status: 'ok', status_reason: null, agency_name: null, agency_kind: null, admin_level: null, region_code: null, province: null, city: null, county: null,
    year: 2024, template: 'v2021', title: null, cell_count: metrics.length, unreadable_count: 0,
  };
  const cells = metrics.map((metric, i): CellRow => ({ report_id: id, metric, applicant: 'total', value: i, state: 'number', raw: String(i), locator: 'x', reason: null }));
  return { report, cells, findings: [] };
}

describe('dataset row order', () => {
  it('reports by path; cells by report, then in the order the report wrote them', async () => {
    // ids sort against the paths; each report writes its metrics in its own order
    const paths = Array.from({ length: 40 }, (_, i) => `dir/${String.fromCharCode(97 + ((i * 7) % 26))}${i}.txt`);
    const files = paths.map((p, i) => file(p, (1000 - i).toString(16).padStart(16, '0'), METRICS.map((_, k) => METRICS[(k + i) % METRICS.length])));
    const out = join(mkdtempSync(join(tmpdir(), 'xxgk-order-')), 'ds');
    const b = await DatasetBuilder.open(out, { fresh: true });
    // appended in three windows, none in path order
    await b.add(files.filter((_, i) => i % 3 === 2));
    await b.add(files.filter((_, i) => i % 3 === 0).reverse());
    await b.add(files.filter((_, i) => i % 3 === 1));
    await b.finish({ generator: 'test' });

    const byPath = [...files].sort((x, y) => (x.report.source_path < y.report.source_path ? -1 : 1));
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const reports = await run(conn, { sql: `SELECT source_path FROM read_parquet(${sqlString(join(out, 'reports.parquet'))})`, params: [] });
    expect(reports.map((r) => r.source_path)).toEqual(byPath.map((f) => f.report.source_path));
    const cells = await run(conn, { sql: `SELECT report_id, metric FROM read_parquet(${sqlString(join(out, 'cells.parquet'))})`, params: [] });
    expect(cells.map((c) => `${c.report_id} ${c.metric}`)).toEqual(byPath.flatMap((f) => f.cells.map((c) => `${c.report_id} ${c.metric}`)));
    conn.closeSync();
  });
});
