/** fast-check arbitraries for consistent reports: every identity holds by construction. */
import fc from 'fast-check';
import { APPLICANT_PARTS } from '../../src/model/applicants.ts';
import { metric } from '../../src/model/metrics.ts';
import { specFromNumbers, t2Codes, t3Codes, T4_CODES, type ReportSpec } from '../../scripts/lib/render/report-spec.ts';

const OUTCOMES = (template: 'v2021' | 'v2019', oneRow: boolean) =>
  t3Codes(template, oneRow).filter((c) => !['app.new', 'app.carried_in', 'app.res.total', 'app.carried_out'].includes(c));

const small = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 30 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 5000 }) });

export const reportSpecArb: fc.Arbitrary<ReportSpec> = fc
  .record({
    template: fc.constantFrom('v2021' as const, 'v2019' as const),
    oneRow: fc.boolean(),
    year: fc.integer({ min: 2019, max: 2025 }),
    agency: fc.constantFrom('巨鹿县人民政府办公室', '淮安市洪泽区人民政府', '石家庄市财政局', '上海市人民政府办公厅', '北京市朝阳区人民政府'),
    seed: fc.array(small, { minLength: 400, maxLength: 400 }),
    fee: fc.integer({ min: 0, max: 99999999 }),
    delta: fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 8, maxLength: 8 }),
  })
  .map(({ template, oneRow, year, agency, seed, fee, delta }) => {
    const otherAsOneRow = template === 'v2021' && oneRow;
    let k = 0;
    const next = () => seed[k++ % seed.length];
    const t3: Record<string, Record<string, number>> = {};
    const outcomes = OUTCOMES(template, otherAsOneRow);
    for (const code of [...outcomes, 'app.carried_in', 'app.carried_out']) t3[code] = Object.fromEntries(APPLICANT_PARTS.map((a) => [a, next()]));
    t3['app.res.total'] = Object.fromEntries(APPLICANT_PARTS.map((a) => [a, outcomes.reduce((s, c) => s + t3[c][a], 0)]));
    for (const a of APPLICANT_PARTS) {
      // carried_in cannot exceed what was handled plus carried out, or 一 would be negative
      t3['app.carried_in'][a] = Math.min(t3['app.carried_in'][a], t3['app.res.total'][a] + t3['app.carried_out'][a]);
    }
    t3['app.new'] = Object.fromEntries(APPLICANT_PARTS.map((a) => [a, t3['app.res.total'][a] + t3['app.carried_out'][a] - t3['app.carried_in'][a]]));
    for (const row of Object.values(t3)) row.total = APPLICANT_PARTS.reduce((s, a) => s + row[a], 0);
    const t2: Record<string, number> = {};
    let d = 0;
    for (const code of t2Codes(template)) {
      const m = metric(code);
      t2[code] = m.valueType === 'signed_int' ? delta[d++ % delta.length] : m.unit === 'wan_yuan' ? fee / 100 : next();
    }
    const t4: Record<string, number> = {};
    for (const code of T4_CODES) t4[code] = code.endsWith('.total') ? 0 : next() % 20;
    for (const b of ['rev', 'lit_direct', 'lit_after_rev']) t4[`${b}.total`] = ['upheld', 'corrected', 'other', 'pending'].reduce((s, r) => s + t4[`${b}.${r}`], 0);
    return specFromNumbers({ agency, year: template === 'v2019' ? Math.min(year, 2020) : Math.max(year, 2021), template, otherAsOneRow }, t2, t3, t4);
  });
