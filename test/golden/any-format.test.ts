/**
 * One report, any format: each real report's tables rendered as Word-export text, markdown,
 * aligned text, a government HTML page, DOCX (built, and the national blank form filled in) and
 * a PDF printed by Chromium from the HTML page must give the cells read from the original, and
 * break the same identities.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToPdf, launchChromium } from '../../scripts/lib/chromium.ts';
import { fillBlankForm, renderDocx } from '../../scripts/lib/render/render-docx.ts';
import { renderHtml } from '../../scripts/lib/render/render-html.ts';
import { renderText } from '../../scripts/lib/render/render-text.ts';
import type { ReportSpec } from '../../scripts/lib/render/report-spec.ts';
import { ingestFile } from '../../src/ingest/ingest-file.ts';
import { nodeExtractors } from '../../scripts/lib/extractors.ts';
import { asExpectedCells, FAILING, failingRules, hasBlank, REAL_REPORTS, specOf } from '../helpers/real-reports.ts';

const BLANK_FORM = new Uint8Array(readFileSync('test/fixtures/docx/blank-form-v2021.docx'));
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const text = (s: string) => new TextEncoder().encode(s);
const FORMATS: { name: string; file: string; applies: (s: ReportSpec, blank: boolean) => boolean; render: (s: ReportSpec) => Promise<Uint8Array> | Uint8Array }[] = [
  { name: 'Word-export text', file: 'r.txt', applies: () => true, render: (s) => text(renderText(s, 'seed')) },
  { name: 'markdown', file: 'r.md', applies: () => true, render: (s) => text(renderText(s, 'markdown')) },
  // aligned text cannot show a blank cell: a report with blanks would read as unreadable rows there
  { name: 'aligned text', file: 'r.txt', applies: (_, blank) => !blank, render: (s) => text(renderText(s, 'aligned')) },
  { name: 'HTML', file: 'r.html', applies: () => true, render: (s) => text(renderHtml(s)) },
  { name: 'DOCX', file: 'r.docx', applies: () => true, render: (s) => renderDocx(s) },
  { name: 'DOCX (blank form filled)', file: 'r.docx', applies: (s) => s.template === 'v2021' && !s.otherAsOneRow, render: (s) => fillBlankForm(BLANK_FORM, s) },
  { name: 'PDF (Chromium print)', file: 'r.pdf', applies: () => true, render: (s) => htmlToPdf(browser, renderHtml(s)) },
];

describe('one report, any format', () => {
  for (const { name, expected } of REAL_REPORTS) {
    const spec = specOf(expected);
    for (const f of FORMATS.filter((f) => f.applies(spec, hasBlank(expected)))) {
      it(`${name} as ${f.name}`, async () => {
        const bytes = await f.render(spec);
        const out = await ingestFile({ bytes, path: f.file, sha256: 'f'.repeat(64) }, nodeExtractors);
        expect(asExpectedCells(out.cells)).toEqual(expected.cells);
        expect(out.report).toMatchObject({ year: expected.year, template: expected.template, agency_name: expected.agency, status: 'ok' });
        expect(failingRules(out.findings)).toEqual(FAILING[name] ?? {});
      });
    }
  }
});
