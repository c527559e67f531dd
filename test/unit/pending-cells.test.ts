/**
 * A window's cells go to a Parquet file of their own, listed by the window's transaction, and
 * are sorted from the files into the dataset, or first loaded into the work database's table
 * where they are sorted a slice at a time. Whichever way they go, the dataset is the same; a file
 * whose window never committed is not read, and is removed when the work database is opened again.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetBuilder, type FileRows } from '../../scripts/lib/dataset-builder.ts';
import { sqlString } from '../../scripts/lib/sql-literal.ts';
import { query } from '../helpers/duckdb.ts';
import { reportRow, totalCell } from '../helpers/rows.ts';

const METRICS = ['t2.reg.made', 'app.new', 'app.res.granted', 'app.res.partial', 'rev.total'];

/** Report `i`: its own id, path and numbers (a blank among them), of one of three agencies. */
function file(i: number): FileRows {
  const id = (0xa000 + i).toString(16).padStart(16, '0');
  const agency = ['11', '22', '33'][i % 3].padEnd(16, '0');
  return {
    report: reportRow(id, { source_path: `r/${i}.txt`, agency_id: agency, year: 2019 + (i % 5), cell_count: METRICS.length }),
    cells: METRICS.map((m, k) => totalCell(id, m, (i + k) % 7 === 0 ? null : i * 10 + k)),
    findings: [],
  };
}
const WINDOWS = [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9, 10, 11]].map((w) => w.map(file));

const tmp = () => join(mkdtempSync(join(tmpdir(), 'xxgk-pending-')), 'ds');
const pendingDir = (out: string) => join(`${out}.work`, 'cells');
const manifest = (out: string) => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
const cellsOf = (out: string) => query(`SELECT * FROM read_parquet(${sqlString(join(out, 'cells.parquet'))})`);

async function build(how: 'from files' | 'loaded first' | 'slices'): Promise<string> {
  const out = tmp();
  const b = await DatasetBuilder.open(out, { fresh: true });
  for (const w of WINDOWS) await b.add(w);
  expect(readdirSync(pendingDir(out))).toHaveLength(WINDOWS.length);
  if (how === 'loaded first') {
    await b.loadPendingCells();
    expect(readdirSync(pendingDir(out))).toEqual([]);
    const [{ n }] = (await b.conn.runAndReadAll('SELECT count(*)::INTEGER AS n FROM cells')).getRowObjectsJS();
    expect(n).toBe(WINDOWS.flat().length * METRICS.length);
  }
  if (how === 'slices') process.env.XXGK_SLICE_REPORTS = '5';
  try {
    await b.finish({ generator: 'test' });
  } finally {
    delete process.env.XXGK_SLICE_REPORTS;
  }
  return out;
}

describe('cells waiting in files', () => {
  it('sorted straight from the files, loaded into the table first, or loaded and sorted in slices: the same dataset', async () => {
    const [files, loaded, slices] = [await build('from files'), await build('loaded first'), await build('slices')];
    expect(manifest(files).row_counts.cells).toBe(WINDOWS.flat().length * METRICS.length);
    expect(manifest(loaded).rows_digest).toBe(manifest(files).rows_digest);
    expect(manifest(slices).rows_digest).toBe(manifest(files).rows_digest);
    const cells = await cellsOf(files);
    expect(await cellsOf(loaded)).toEqual(cells);
    expect(await cellsOf(slices)).toEqual(cells);
    // every cell as it was added, blanks included
    const want = WINDOWS.flat().flatMap((f) => f.cells);
    const key = (c: Record<string, unknown>) => `${c.report_id} ${c.metric}`;
    expect(new Map(cells.map((c) => [key(c), [c.value, c.state, c.raw]]))).toEqual(new Map(want.map((c) => [`${c.report_id} ${c.metric}`, [c.value, c.state, c.raw]])));
  });

  it('a file whose window never committed is not read, and goes when the work database is opened again; committed windows stay', async () => {
    const out = tmp();
    const first = await DatasetBuilder.open(out, { fresh: true });
    await first.add(WINDOWS[0]);
    const [committed] = readdirSync(pendingDir(out));
    // as a run killed between writing a window's file and committing the window leaves it
    // (the same cells again: read, they would be there twice)
    const orphan = join(pendingDir(out), `${process.pid}-0-99.parquet`);
    copyFileSync(join(pendingDir(out), committed), orphan);
    first.close();

    const again = await DatasetBuilder.open(out);
    expect(existsSync(orphan)).toBe(false);
    expect(readdirSync(pendingDir(out))).toEqual([committed]);
    await again.add(WINDOWS[1]);
    await again.finish({ generator: 'test' });
    const cells = await cellsOf(out);
    expect(cells).toHaveLength((WINDOWS[0].length + WINDOWS[1].length) * METRICS.length);
  });
});
