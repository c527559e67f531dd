/**
 * The dataset's documented row order (docs/data.md): reports by source_path; cells and findings
 * by report, reports ordered by agency id (their own id when they have no agency), year and id,
 * then as each report wrote them; whatever order the files were appended in.
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

function file(path: string, id: string, agency: string | null, year: number | null, metrics: string[]): FileRows {
  return { report: reportRow(id, { source_path: path, agency_id: agency, year, cell_count: metrics.length }), cells: metrics.map((m, i) => totalCell(id, m, i)), findings: [] };
}

/** The documented order of reports for their cells, written out for the test. */
function cellOrder(a: FileRows, b: FileRows): number {
  const key = (f: FileRows) => [f.report.agency_id ?? f.report.report_id, f.report.year ?? -1, f.report.report_id] as const;
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return 0;
}

describe('dataset row order', () => {
  // the cells are sorted a slice of reports at a time from 25,000 reports on: here in one slice, and in six
  it.each([['one sort', ''], ['slices of 7 reports', '7']])('reports by path; cells by report, reports by agency, year and id, then in the order the report wrote them (%s)', async (_, slice) => {
    // ids sort against the paths; five agencies (their ids interleave with the report ids) of
    // several years each, some reports of no agency or no year; each report writes its metrics in its own order
    const paths = Array.from({ length: 40 }, (_, i) => `dir/${String.fromCharCode(97 + ((i * 7) % 26))}${i}.txt`);
    const agencies = ['00aa', '3f00', '7e11', 'c000', 'ff00'].map((a) => a.padEnd(16, '0'));
    const files = paths.map((p, i) => file(p, (1000 - i).toString(16).padStart(16, '0'), i % 9 === 4 ? null : agencies[(i * 3) % 5], i % 11 === 5 ? null : 2019 + ((i * 5) % 7),
      METRICS.map((_, k) => METRICS[(k + i) % METRICS.length])));
    const out = join(mkdtempSync(join(tmpdir(), 'xxgk-order-')), 'ds');
    const b = await DatasetBuilder.open(out, { fresh: true });
    // appended in three windows, none in path order
    await b.add(files.filter((_, i) => i % 3 === 2));
    await b.add(files.filter((_, i) => i % 3 === 0).reverse());
    await b.add(files.filter((_, i) => i % 3 === 1));
    if (slice) process.env.XXGK_SLICE_REPORTS = slice;
    try {
      await b.finish({ generator: 'test' });
    } finally {
      delete process.env.XXGK_SLICE_REPORTS;
    }

    const byPath = [...files].sort((x, y) => (x.report.source_path < y.report.source_path ? -1 : 1));
    const reports = await query(`SELECT source_path FROM read_parquet(${sqlString(join(out, 'reports.parquet'))})`);
    expect(reports.map((r) => r.source_path)).toEqual(byPath.map((f) => f.report.source_path));
    const byAgency = [...files].sort(cellOrder);
    expect(byAgency.map((f) => f.report.report_id)).not.toEqual(byPath.map((f) => f.report.report_id));
    const cells = await query(`SELECT report_id, metric FROM read_parquet(${sqlString(join(out, 'cells.parquet'))})`);
    expect(cells.map((c) => `${c.report_id} ${c.metric}`)).toEqual(byAgency.flatMap((f) => f.cells.map((c) => `${c.report_id} ${c.metric}`)));
  });
});
