/** Carry-over between years, duplicates and missing years, on the real 洪泽区 2023 → 2024 pair and variants of it. */
import { describe, expect, it } from 'vitest';
import { crossReportChecks } from '../../src/ingest/validate/cross-report.ts';
import { linkAgencies } from '../../src/ingest/agencies.ts';
import { renderHtml } from '../../scripts/lib/render/render-html.ts';
import { ingestPath, ingestString } from '../helpers/ingest.ts';
import { REAL_REPORTS, specOf } from '../helpers/real-reports.ts';
import type { IngestOutput } from '../../src/ingest/ingest-file.ts';

function check(outs: IngestOutput[]) {
  const reports = outs.map((o) => o.report);
  const { agencyOf } = linkAgencies(reports);
  const linked = reports.map((r) => ({ ...r, agency_id: agencyOf.get(r.report_id) ?? null }));
  return { agencyOf, findings: crossReportChecks(linked, outs.flatMap((o) => o.cells)) };
}

const hongze2024 = REAL_REPORTS.find((r) => r.name === '2024_huaian-hongze-district-government.pdf')!;

describe('checks across reports', () => {
  it('the real 洪泽区 2023 → 2024 pair is one agency and its carry-over agrees (0 → 0)', async () => {
    const a = await ingestPath('data/samples/2023_huaian-hongze-district-government.pdf');
    const b = await ingestPath('data/samples/2024_huaian-hongze-district-government.pdf');
    const { agencyOf, findings } = check([a, b]);
    expect(agencyOf.get(a.report.report_id)).toBe(agencyOf.get(b.report.report_id));
    expect(findings).toEqual([]);
  });

  it('a 2024 report whose 上年结转 differs from 2023\'s 结转下年度 gets XYEAR_CARRY on that column', async () => {
    const a = await ingestPath('data/samples/2023_huaian-hongze-district-government.pdf');
    const spec = specOf(hongze2024.expected);
    spec.t3['app.carried_in'] = { ...spec.t3['app.carried_in'], natural: '3', total: '3' };
    const b = await ingestString(renderHtml(spec), 'hongze-2024-changed.html');
    const carry = check([a, b]).findings.filter((f) => f.rule === 'XYEAR_CARRY');
    expect(carry.map((f) => [f.applicant, f.expected, f.actual, f.report_id])).toEqual([
      ['natural', 0, 3, b.report.report_id],
      ['total', 0, 3, b.report.report_id],
    ]);
    expect(carry[0].message).toContain('自然人');
  });

  it('two different files for one agency and year are both kept and flagged', async () => {
    const a = await ingestPath('data/samples/2024_huaian-hongze-district-government.pdf');
    const b = await ingestString(renderHtml(specOf(hongze2024.expected)), 'hongze-2024.html');
    const dup = check([a, b]).findings.filter((f) => f.rule === 'DUPLICATE_REPORT');
    expect(dup.map((f) => f.report_id).sort()).toEqual([a.report.report_id, b.report.report_id].sort());
  });

  it('a year missing between two reports of an agency', async () => {
    const a = await ingestPath('data/samples/2023_huaian-hongze-district-government.pdf');
    const spec = { ...specOf(hongze2024.expected), year: 2025 };
    const c = await ingestString(renderHtml(spec), 'hongze-2025.html');
    const missing = check([a, c]).findings.filter((f) => f.rule === 'MISSING_YEAR');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ report_id: c.report.report_id, expected: 1 });
    expect(missing[0].message).toContain('2024');
  });
});
