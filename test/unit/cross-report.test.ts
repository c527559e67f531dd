/** Carry-over between years, duplicates and missing years, on the real 洪泽区 2023 → 2024 pair and variants of it. */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../scripts/lib/render/render-html.ts';
import { ingestRows } from '../helpers/dataset.ts';
import { REAL_REPORTS, specOf } from '../helpers/real-reports.ts';

const hongze2024 = REAL_REPORTS.find((r) => r.name === '2024_huaian-hongze-district-government.pdf')!;

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-xr-'));
  mkdirSync(join(dir, 'in'));
  for (const [name, from] of Object.entries(files)) {
    if (from.startsWith('data/')) cpSync(from, join(dir, 'in', name));
    else writeFileSync(join(dir, 'in', name), from);
  }
  return join(dir, 'in');
}

const rule = (rows: Awaited<ReturnType<typeof ingestRows>>, r: string) => rows.findings.filter((f) => f.rule === r);
const idOf = (rows: Awaited<ReturnType<typeof ingestRows>>, name: string) => rows.reports.find((r) => r.source_path.endsWith(name))!.report_id;

describe('checks across reports', () => {
  it('the real 洪泽区 2023 → 2024 pair is one agency and its carry-over agrees (0 → 0)', async () => {
    const rows = await ingestRows([folder({ 'a.pdf': 'data/samples/2023_huaian-hongze-district-government.pdf', 'b.pdf': 'data/samples/2024_huaian-hongze-district-government.pdf' })]);
    expect(new Set(rows.reports.map((r) => r.agency_id)).size).toBe(1);
    expect(rows.agencies).toHaveLength(1);
    expect(rule(rows, 'XYEAR_CARRY')).toEqual([]);
  });

  it("a 2024 report whose 上年结转 differs from 2023's 结转下年度 gets XYEAR_CARRY on that column", async () => {
    const spec = specOf(hongze2024.expected);
    spec.t3['app.carried_in'] = { ...spec.t3['app.carried_in'], natural: '3', total: '3' };
    const rows = await ingestRows([folder({ 'a.pdf': 'data/samples/2023_huaian-hongze-district-government.pdf', 'b.html': renderHtml(spec) })]);
    const carry = rule(rows, 'XYEAR_CARRY');
    expect(carry.map((f) => [f.applicant, f.expected, f.actual, f.report_id])).toEqual([
      ['natural', 0, 3, idOf(rows, 'b.html')],
      ['total', 0, 3, idOf(rows, 'b.html')],
    ]);
    expect(carry[0].message).toContain('自然人');
    expect(carry[0].message).toContain('a.pdf');
  });

  it('two different files for one agency and year are both kept and flagged', async () => {
    const rows = await ingestRows([folder({ 'a.pdf': 'data/samples/2024_huaian-hongze-district-government.pdf', 'b.html': renderHtml(specOf(hongze2024.expected)) })]);
    expect(rule(rows, 'DUPLICATE_REPORT').map((f) => f.report_id).sort()).toEqual([idOf(rows, 'a.pdf'), idOf(rows, 'b.html')].sort());
  });

  it('a year missing between two reports of an agency', async () => {
    const rows = await ingestRows([folder({ 'a.pdf': 'data/samples/2023_huaian-hongze-district-government.pdf', 'c.html': renderHtml({ ...specOf(hongze2024.expected), year: 2025 }) })]);
    const missing = rule(rows, 'MISSING_YEAR');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ report_id: idOf(rows, 'c.html'), expected: 1 });
    expect(missing[0].message).toContain('2024');
  });
});
