/**
 * PDF: a raised or lowered smaller digit beside a number is a marker, a smaller digit on the
 * number's baseline is unsure (unreadable), a line through digits strikes them. Printed by
 * Chromium, as agencies' "print to PDF" does.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlToPdf, launchChromium } from '../../scripts/lib/chromium.ts';
import { nodeExtractors } from '../../scripts/lib/extractors.ts';
import { extractPdf } from '../../src/ingest/extract/pdf.ts';
import { markChars } from '../../src/ingest/extract/pdf-marks.ts';
import { readCell } from '../../src/ingest/parse/cell-value.ts';
import { STRIKE, UNSURE } from '../../src/ingest/marks.ts';

let browser: Browser;
beforeAll(async () => { browser = await launchChromium(); });
afterAll(async () => { await browser?.close(); });

const ch = (c: string, x0: number, fs: number, top: number) => ({ ch: c, x0, x1: x0 + fs * 0.4, top, bottom: top + fs, fs });

describe('PDF marks', () => {
  it('from glyph geometry', () => {
    const sup = markChars([ch('8', 0, 15, 60), ch('2', 6, 15, 60), ch('1', 12, 12, 56), ch('2', 16.8, 12, 56)], []);
    expect(sup.map((c) => c.ch).join('')).toBe('82¹²');
    const lead = markChars([ch('1', 0, 12, 56), ch('8', 4.8, 15, 60)], []);
    expect(lead.map((c) => c.ch).join('')).toBe('¹8');
    const same = markChars([ch('8', 0, 15, 60), ch('1', 6, 11, 63.1)], []);
    expect(same.map((c) => c.ch).join('')).toBe(`8${UNSURE}1`);
    const plain = markChars([ch('8', 0, 15, 60), ch('2', 6, 15, 60)], [{ x0: 0, x1: 20, y0: 75, y1: 75.75 }]);
    expect(plain.map((c) => c.ch).join('')).toBe('82');
    const struck = markChars([ch('9', 0, 15, 60), ch('8', 6, 15, 60)], [{ x0: -1, x1: 5, y0: 67, y1: 67.75 }]);
    expect(struck.map((c) => c.ch).join('')).toBe(`9${STRIKE}8`);
  });

  it('printed by Chromium', async () => {
    const cells = ['82<sup>1</sup>', '1<sub>1</sub>', '82<span style="font-size:70%">1</span>', '<del>900</del>821', '8<sup>12</sup>', '①11',
      '821<span style="display:none">9</span>', '4<sup>1</sup>7', '<u>75</u>'];
    const html = `<html><head><meta charset="utf-8"><style>table{border-collapse:collapse}td{border:1px solid #000;padding:2px 4px}</style></head><body>
<table><tr><td>项目</td>${cells.map((c) => `<td>${c}</td>`).join('')}</tr></table></body></html>`;
    const r = await extractPdf(await htmlToPdf(browser, html), nodeExtractors.pdf!);
    if (!r.ok) throw new Error(r.reason);
    const t = r.doc.blocks.find((b) => b.kind === 'table');
    if (t?.kind !== 'table') throw new Error('no table');
    const read = t.rows[0].slice(1).map((c) => { const v = readCell(c.text); return v.state === 'number' ? v.value : v.state; });
    expect(read).toEqual([82, 1, 'unreadable', 821, 8, 11, 821, 'unreadable', 75]);
  }, 30_000);
});
