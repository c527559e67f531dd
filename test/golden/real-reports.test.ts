/**
 * Every cell of the real reports compared with the values read from the documents by a person
 * (test/fixtures/expected, copied from shared/real-reports/expected). On a mismatch the actual
 * cells are written beside the expected file as <name>.actual.json (ignored by git).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPath } from '../helpers/ingest.ts';

const EXPECTED = 'test/fixtures/expected';
const SAMPLES = 'data/samples';

interface Expected {
  file: string; agency: string; year: number; template: string;
  cells: Record<string, Record<string, number | null | 'na'>>;
}


/**
 * The identities each report's printed numbers break, as its expected file states them
 * ("identities"): rule → how many failures, all in the 总计 column or table 四.
 */
const FAILING: Record<string, Record<string, number>> = {
  '2019_shanghai-municipal-government-office.html': { T3_ROW_TOTAL: 11, T3_OUTCOME_SUM: 1 },
  '2023_huaian-hongze-district-government.pdf': { T4_SUM_REVIEW: 1, T4_SUM_LIT_AFTER: 1 },
};

const cases = readdirSync(EXPECTED)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f.replace(/\.json$/, ''), expected: JSON.parse(readFileSync(join(EXPECTED, f), 'utf8')) as Expected }));

describe('golden: real reports, every cell', () => {
  it('covers the seed, both HTML reports and the three PDFs', () => {
    expect(cases.map((c) => c.name).sort()).toEqual([
      '2019_shanghai-municipal-government-office.html',
      '2022_pingtan-comprehensive-zone.html',
      '2023_huaian-hongze-district-government.pdf',
      '2024_huaian-city-government.pdf',
      '2024_huaian-hongze-district-government.pdf',
      'julu-county-office-2024.txt',
    ]);
  });

  for (const { name, expected } of cases) {
    it(`${name}: all ${Object.values(expected.cells).reduce((n, v) => n + Object.keys(v).length, 0)} cells as printed`, async () => {
      const out = await ingestPath(join(SAMPLES, name));
      const actual: Record<string, Record<string, number | null | 'na' | string>> = {};
      for (const c of out.cells) {
        const v = c.state === 'number' ? c.value! : c.state === 'blank' ? null : c.state === 'na' ? 'na' : `UNREADABLE: ${c.reason}`;
        (actual[c.metric] ??= {})[c.applicant || '_'] = v;
      }
      try {
        expect(actual).toEqual(expected.cells);
      } catch (e) {
        writeFileSync(join(EXPECTED, `${name}.actual.json`), JSON.stringify(actual, null, 1));
        throw e;
      }
      expect(out.report.year).toBe(expected.year);
      expect(out.report.template).toBe(expected.template);
      expect(out.report.agency_name).toBe(expected.agency);
      expect(out.report.status).toBe('ok');
      const fails: Record<string, number> = {};
      for (const f of out.findings) if (f.result === 'fail' && f.severity === 'error') fails[f.rule] = (fails[f.rule] ?? 0) + 1;
      expect(fails).toEqual(FAILING[name] ?? {});
    });
  }
});
