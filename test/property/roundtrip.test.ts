/**
 * Property: a consistent report rendered to any text or HTML layout parses back to exactly its
 * cells with no failed identity; changing one printed number makes the identity that covers it
 * fail, naming the applicant column (table 三) or block (table 四).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../scripts/lib/render/render-html.ts';
import { renderText, type TextLayout } from '../../scripts/lib/render/render-text.ts';
import type { ReportSpec } from '../../scripts/lib/render/report-spec.ts';
import { ingestString } from '../helpers/ingest.ts';
import { reportSpecArb } from '../helpers/spec-arb.ts';

type Layout = TextLayout | 'html';
const LAYOUTS: Layout[] = ['seed', 'markdown', 'aligned', 'html'];

function render(spec: ReportSpec, layout: Layout) {
  const text = layout === 'html' ? renderHtml(spec) : renderText(spec, layout);
  return ingestString(text, layout === 'html' ? 'r.html' : layout === 'markdown' ? 'r.md' : 'r.txt');
}

function printed(spec: ReportSpec): Map<string, number> {
  const m = new Map<string, number>();
  for (const [k, v] of Object.entries(spec.t2)) m.set(`${k}|`, Number(v));
  for (const [k, row] of Object.entries(spec.t3)) for (const [a, v] of Object.entries(row)) m.set(`${k}|${a}`, Number(v));
  for (const [k, v] of Object.entries(spec.t4)) m.set(`${k}|`, Number(v));
  return m;
}

describe('property: render → parse round trip', () => {
  for (const layout of LAYOUTS) {
    it(`${layout}: identical cells, no failed identity`, async () => {
      await fc.assert(
        fc.asyncProperty(reportSpecArb, async (spec) => {
          const out = await render(spec, layout);
          const got = new Map(out.cells.map((c) => [`${c.metric}|${c.applicant}`, c.value]));
          expect(got).toEqual(printed(spec));
          expect(out.report.template).toBe(spec.template);
          expect(out.report.year).toBe(spec.year);
          expect(out.findings.filter((f) => f.result === 'fail' && f.severity === 'error')).toEqual([]);
        }),
        { numRuns: 40 },
      );
    });
  }

  it('one changed number → the identity covering it fails, naming its column', async () => {
    const t3Rows = (s: ReportSpec) => Object.keys(s.t3);
    await fc.assert(
      fc.asyncProperty(reportSpecArb, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 9 }), fc.constantFrom(...LAYOUTS), async (spec, i, j, delta, layout) => {
        const inT4 = i % 4 === 0;
        const changed: ReportSpec = structuredClone(spec);
        let applicant = '';
        let rules: string[];
        if (inT4) {
          const code = Object.keys(spec.t4)[j % 15];
          changed.t4[code] = String(Number(spec.t4[code]) + delta);
          rules = [{ rev: 'T4_SUM_REVIEW', lit_direct: 'T4_SUM_LIT_DIRECT', lit_after_rev: 'T4_SUM_LIT_AFTER' }[code.split('.')[0]]!];
        } else {
          const code = t3Rows(spec)[j % t3Rows(spec).length];
          applicant = Object.keys(spec.t3[code])[i % 7];
          changed.t3[code][applicant] = String(Number(spec.t3[code][applicant]) + delta);
          rules = ['T3_BALANCE', 'T3_OUTCOME_SUM'];
        }
        const fails = (await render(changed, layout)).findings.filter((f) => f.result === 'fail' && f.severity === 'error');
        expect(fails.some((f) => rules.includes(f.rule) && f.applicant === applicant)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
