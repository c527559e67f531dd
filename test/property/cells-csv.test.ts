/**
 * Property: cells written as CSV lines (how they cross from a parsing thread to the work
 * database) read back through DuckDB exactly: every text as it was (quotes, commas, line
 * breaks, "\N", empty), NULL as NULL, every double to the bit, each cell's place in its report.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CellTooLong, MAX_CELL_TEXT, cellsCsvBytes, readCellsCsv } from '../../scripts/lib/cells-csv.ts';
import { encodeRows, failedReport } from '../../scripts/lib/ingest-one.ts';
import type { CellRow } from '../../src/model/contract.ts';

// texts that break naive CSV, mixed with any Unicode (lone surrogates cannot be written as UTF-8 at all)
const tricky = fc.constantFrom('', '\\N', 'NULL', '"', '""', ',', '\n', '\r\n', '\r', ' ', '\t', '一,二', '"引号"', '（１２）', '—');
const text = fc.oneof(tricky, fc.string({ unit: 'grapheme', maxLength: 12 }), fc.array(tricky, { maxLength: 4 }).map((a) => a.join('x')));
const value = fc.oneof(fc.constant(null), fc.integer({ min: -1e6, max: 1e9 }), fc.double({ noNaN: true, noDefaultInfinity: true }));
const cell: fc.Arbitrary<CellRow> = fc.record({
  report_id: fc.stringMatching(/^[0-9a-f]{16}$/),
  metric: text,
  applicant: text,
  value,
  state: fc.constantFrom('number', 'blank', 'na', 'unreadable') as fc.Arbitrary<CellRow['state']>,
  raw: text,
  locator: text,
  reason: fc.option(text, { nil: null }),
});

describe('property: cells as CSV lines, read by DuckDB', () => {
  it('every cell comes back as it was, with its place in its report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-csv-'));
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 30 }), { minLength: 1, maxLength: 8 }), async (reports) => {
        const file = join(dir, `w${run++}.csv`);
        writeFileSync(file, Buffer.concat(reports.map(cellsCsvBytes)));
        const got = (await conn.runAndReadAll(`SELECT * FROM ${readCellsCsv(file)}`)).getRowObjectsJS();
        const want = reports.flatMap((cells) => cells.map((c, seq) => ({ ...c, seq })));
        expect(got).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it('a window of a thousand reports, lines broken inside quoted texts all through it, reads whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-csv-'));
    const conn = await (await DuckDBInstance.create(':memory:')).connect();
    const cells = (r: number): CellRow[] => Array.from({ length: 200 }, (_, i) => ({
      report_id: r.toString(16).padStart(16, '0'), metric: `m${i}`, applicant: i % 7 ? 'natural' : '', value: i % 5 ? r * 1000 + i + 0.25 : null,
      state: i % 5 ? 'number' : 'blank', raw: i % 3 ? `${r}\n"${i}",\r\n` : '', locator: `表三 第${i}行`, reason: i % 11 ? null : '无法辨认, "原文"\n',
    }));
    const file = join(dir, 'big.csv');
    const reports = Array.from({ length: 1000 }, (_, r) => cells(r));
    writeFileSync(file, Buffer.concat(reports.map(cellsCsvBytes)));
    const [row] = (await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n, count(DISTINCT report_id)::INTEGER AS r FROM ${readCellsCsv(file)}`)).getRowObjectsJS();
    expect(row.n).toBe(200_000);
    expect(row.r).toBe(1000);
    const back = (await conn.runAndReadAll(`SELECT * FROM ${readCellsCsv(file)} WHERE report_id = '${(777).toString(16).padStart(16, '0')}' ORDER BY seq`)).getRowObjectsJS();
    expect(back).toEqual(cells(777).map((c, seq) => ({ ...c, seq })));
  });

  it('the longest cell text that fits reads back whole (quotes and CJK, the widest in UTF-8); a longer one fails its file alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-csv-'));
    const conn = await (await DuckDBInstance.create(':memory:', { memory_limit: '600MB' })).connect();
    const raw = `"${'表'.repeat(MAX_CELL_TEXT - 20)}"`;
    const cell = (text: string): CellRow => ({ report_id: '0123456789abcdef', metric: 'app.new', applicant: 'total', value: null, state: 'unreadable', raw: text, locator: 'L1', reason: 'r' });
    const file = join(dir, 'long.csv');
    writeFileSync(file, cellsCsvBytes([cell(raw), cell('after')]));
    const got = (await conn.runAndReadAll(`SELECT raw = '${raw.replaceAll("'", "''")}' AS same, length(raw) AS n FROM ${readCellsCsv(file)} ORDER BY seq`)).getRowObjectsJS();
    expect(got.map((r) => r.same)).toEqual([true, false]);
    expect(() => cellsCsvBytes([cell(`${raw}${'x'.repeat(30)}`)])).toThrow(CellTooLong);
    const report = { ...failedReport('big.html', 'ab'.repeat(32), 'x', null, 'html'), status: 'ok' as const };
    const encoded = encodeRows({ report, cells: [cell(`${raw}${'x'.repeat(30)}`)], findings: [] });
    expect(encoded.report).toMatchObject({ source_path: 'big.html', status: 'failed', source_format: 'html' });
    expect(encoded.report.status_reason).toMatch(/单元格原文过长/);
    expect(encoded.cellsCsv.length).toBe(0);
  });
});
