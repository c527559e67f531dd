/** A batch with files that cannot be read: each fails alone with its reason, the rest succeed. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlToPdf, launchChromium } from '../../scripts/lib/chromium.ts';
import { ingestRows } from '../helpers/dataset.ts';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-bad-'));

/** A "scan": the page is a picture of text drawn on a canvas, so the PDF has no text layer. */
async function scannedPdf(): Promise<Uint8Array> {
  const browser = await launchChromium();
  try {
    const html = `<canvas id=c width=800 height=400></canvas><script>
      const g = document.getElementById('c').getContext('2d');
      g.font = '32px sans-serif'; g.fillText('2024年政府信息公开工作年度报告', 20, 60);
      const img = new Image(); img.src = g.canvas.toDataURL(); document.body.replaceChildren(img);</script>`;
    return await htmlToPdf(browser, html);
  } finally {
    await browser.close();
  }
}

beforeAll(async () => {
  const pdf = readFileSync('data/samples/2024_huaian-city-government.pdf');
  mkdirSync(join(dir, 'in'));
  cpSync('data/samples/julu-county-office-2024.txt', join(dir, 'in', 'good.txt'));
  cpSync('data/samples/2024_huaian-hongze-district-government.pdf', join(dir, 'in', 'good.pdf'));
  writeFileSync(join(dir, 'in', 'scanned.pdf'), await scannedPdf());
  cpSync('test/fixtures/bad/encrypted.pdf', join(dir, 'in', 'encrypted.pdf'));
  writeFileSync(join(dir, 'in', 'truncated.pdf'), pdf.subarray(0, pdf.length >> 1));
  writeFileSync(join(dir, 'in', 'empty.pdf'), new Uint8Array());
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
  writeFileSync(join(dir, 'in', '年报.doc'), Buffer.concat([ole, Buffer.from('doc')]));
  writeFileSync(join(dir, 'in', '年报.wps'), Buffer.concat([ole, Buffer.from('wps')]));
  writeFileSync(join(dir, 'in', 'broken.docx'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)]));
});

describe('bad files in a batch', () => {
  it('each fails with its reason; the good ones are read', async () => {
    const rows = await ingestRows([join(dir, 'in')]);
    const by = (name: string) => rows.reports.find((r) => r.source_path.endsWith(`/${name}`))!;
    expect(rows.reports).toHaveLength(9);
    expect(by('good.txt')).toMatchObject({ status: 'ok', cell_count: 200 });
    expect(by('good.pdf')).toMatchObject({ status: 'ok', cell_count: 186 });
    expect(by('scanned.pdf')).toMatchObject({ status: 'failed', source_format: 'pdf' });
    expect(by('scanned.pdf').status_reason).toMatch(/^no_text_layer/);
    expect(by('encrypted.pdf').status_reason).toMatch(/^encrypted/);
    expect(by('truncated.pdf').status_reason).toMatch(/^damaged/);
    expect(by('empty.pdf').status_reason).toMatch(/empty file/);
    for (const name of ['年报.doc', '年报.wps']) {
      expect(by(name)).toMatchObject({ status: 'failed', source_format: 'doc' });
      expect(by(name).status_reason).toMatch(/convert it to \.docx or PDF/);
    }
    expect(by('broken.docx')).toMatchObject({ status: 'failed', source_format: 'docx' });
    expect(by('broken.docx').status_reason).toMatch(/damaged DOCX/);
  });
});
