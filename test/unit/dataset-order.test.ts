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
import { query } from '../helpers/duckdb.ts';
import { reportRow, totalCell } from '../helpers/rows.ts';

const METRICS = ['t2.reg.made', 'app.new', 'app.res.granted', 'app.res.partial', 'rev.total'];

function file(path: string, id: string, metrics: string[]): FileRows {
  return { report: reportRow(id, { source_path: path, year: 2024, cell_count: metrics.length }), cells: metrics.map((m, i) => totalCell(id, m, i)), findings: [] };
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
    const reports = await query(`SELECT source_path FROM read_parquet(${sqlString(join(out, 'reports.parquet'))})`);
    expect(reports.map((r) => r.source_path)).toEqual(byPath.map((f) => f.report.source_path));
    const cells = await query(`SELECT report_id, metric FROM read_parquet(${sqlString(join(out, 'cells.parquet'))})`);
    expect(cells.map((c) => `${c.report_id} ${c.metric}`)).toEqual(byPath.flatMap((f) => f.cells.map((c) => `${c.report_id} ${c.metric}`)));
  });
});
