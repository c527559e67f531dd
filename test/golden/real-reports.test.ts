/**
 * Every cell of the real reports compared with the values read from the documents by a person
 * (test/fixtures/expected, copied from shared/real-reports/expected). On a mismatch the actual
 * cells are written beside the expected file as <name>.actual.json (ignored by git).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestPath } from '../helpers/ingest.ts';
import { asExpectedCells, EXPECTED_DIR, FAILING, failingRules, REAL_REPORTS } from '../helpers/real-reports.ts';

describe('golden: real reports, every cell', () => {
  it('covers the seed, both HTML reports and the three PDFs', () => {
    expect(REAL_REPORTS.map((c) => c.name)).toEqual([
      '2019_shanghai-municipal-government-office.html',
      '2022_pingtan-comprehensive-zone.html',
      '2023_huaian-hongze-district-government.pdf',
      '2024_huaian-city-government.pdf',
      '2024_huaian-hongze-district-government.pdf',
      'julu-county-office-2024.txt',
    ]);
  });

  for (const { name, expected } of REAL_REPORTS) {
    it(`${name}: all ${Object.values(expected.cells).reduce((n, v) => n + Object.keys(v).length, 0)} cells as printed`, async () => {
      const out = await ingestPath(join('data/samples', name));
      const actual = asExpectedCells(out.cells);
      try {
        expect(actual).toEqual(expected.cells);
      } catch (e) {
        writeFileSync(join(EXPECTED_DIR, `${name}.actual.json`), JSON.stringify(actual, null, 1));
        throw e;
      }
      expect(out.report).toMatchObject({ year: expected.year, template: expected.template, agency_name: expected.agency, status: 'ok' });
      expect(failingRules(out.findings)).toEqual(FAILING[name] ?? {});
    });
  }
});
