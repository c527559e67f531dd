/**
 * Writes test/fixtures/marks/: 淮安市人民政府 2024's tables (test/fixtures/expected) in five
 * formats, with footnote markers, super/subscripts, struck-through and hidden text put beside
 * chosen numbers, each in the way that format prints it. Constructed, not published; see the
 * README there. Run once: `npx tsx scripts/make-marks-fixtures.ts`.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { htmlToPdf, launchChromium } from './lib/chromium.ts';
import { renderDocx } from './lib/render/render-docx.ts';
import { renderHtml } from './lib/render/render-html.ts';
import { renderText } from './lib/render/render-text.ts';
import { specOf, type Expected } from '../test/helpers/real-reports.ts';
import { strike } from '../src/ingest/marks.ts';

const OUT = 'test/fixtures/marks';
const expected = JSON.parse(readFileSync('test/fixtures/expected/2024_huaian-city-government.pdf.json', 'utf8')) as Expected;

type Forms = { txt: string; md: string; html: string; docx: string; pdf?: string };
const r = (t: string, rpr = '') => `<w:r>${rpr ? `<w:rPr>${rpr}</w:rPr>` : ''}<w:t xml:space="preserve">${t}</w:t></w:r>`;
const SUP = '<w:vertAlign w:val="superscript"/>';
const SUB = '<w:vertAlign w:val="subscript"/>';

/** metric|applicant → the cell in each format (the case letters are the README's). */
export const CASES: Record<string, Forms> = {
  'ad.rule.in_force|': { txt: '11①', md: '11①', html: '11①', docx: r('11①') }, // A
  'ad.normdoc.in_force|': { txt: '66¹', md: '66<sup>1</sup>', html: '66<sup>1</sup>', docx: r('66') + r('1', SUP) }, // B
  'app.new|natural': { txt: '3001₂', md: '3001<sub>2</sub>', html: '3001<sub>2</sub>', docx: r('3001') + r('2', SUB) }, // C
  'app.res.granted|natural': { txt: `${strike('900')}1288`, md: '~~900~~1288', html: '<del>900</del>1288', docx: r('900', '<w:strike/>') + r('1288') }, // D
  'app.res.partial|natural': { // E
    txt: '⑴447', md: '447<span style="display:none">9</span>', html: '447<span style="display:none">9</span>', docx: r('447') + r('9', '<w:vanish/>'),
  },
  'rev.upheld|': { txt: '7¹2', md: '7<sup>1</sup>2', html: '7<sup>1</sup>2', docx: r('7') + r('1', SUP) + r('2') }, // F
  'lit_direct.upheld|': { txt: `13${strike('8')}`, md: '13~~8~~', html: '13<s>8</s>', docx: r('13') + r('8', '<w:dstrike/>') }, // G
  'app.res.unable.not_held|natural': { txt: '７４６②', md: '７４６②', html: '７４６②', docx: r('７４６②') }, // H
  'ad.normdoc.issued|': { // I
    txt: '8³', md: '8<sup>3</sup>', html: '8<span style="vertical-align: super; font-size: smaller">3</span>', docx: r('8') + r('3', '<w:rStyle w:val="FootnoteReference"/>'),
  },
  'app.carried_in|natural': { // J
    txt: `${strike('99')}34`, md: '~~99~~34', html: '<strike>99</strike>34', docx: '<w:del w:id="1" w:author="x"><w:r><w:delText>99</w:delText></w:r></w:del>' + r('34'),
  },
  'ad.rule.issued|': { txt: '1', md: '1', html: '1<span style="font-size: 65%">2</span>', docx: r('1') }, // K
  'rev.corrected|': { txt: '①', md: '①', html: '①', docx: r('①') }, // L
  'lit_direct.corrected|': { // M
    txt: '4', md: '4<span style="display:none">0</span>', html: '4<span hidden>0</span><span style="visibility: hidden">5</span>', docx: r('4') + r('0', '<w:webHidden/>') + r('5', '<w:specVanish/>'),
  },
};

const STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
  + '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style></w:styles>';

const token = (i: number) => `@@${i}@@`;
const keys = Object.keys(CASES);

function spec() {
  const s = specOf(expected);
  keys.forEach((k, i) => {
    const [m, a] = k.split('|');
    if (a) s.t3[m][a] = token(i); else if (m.startsWith('ad')) s.t2[m] = token(i); else s.t4[m] = token(i);
  });
  return s;
}

const fill = (text: string, form: (f: Forms) => string) => keys.reduce((t, k, i) => t.split(token(i)).join(form(CASES[k])), text);

async function main() {
  mkdirSync(OUT, { recursive: true });
  const s = spec();
  writeFileSync(`${OUT}/marks.txt`, fill(renderText(s, 'seed'), (f) => f.txt));
  writeFileSync(`${OUT}/marks.md`, fill(renderText(s, 'markdown'), (f) => f.md));
  const html = renderHtml(s);
  writeFileSync(`${OUT}/marks.html`, fill(html, (f) => f.html));
  const files = unzipSync(renderDocx(s));
  const doc = new TextDecoder().decode(files['word/document.xml']);
  files['word/document.xml'] = strToU8(keys.reduce((t, k, i) => t.split(`<w:r><w:t xml:space="preserve">${token(i)}</w:t></w:r>`).join(CASES[k].docx), doc));
  files['word/styles.xml'] = strToU8(STYLES);
  writeFileSync(`${OUT}/marks.docx`, zipSync(files));
  const browser = await launchChromium();
  try {
    writeFileSync(`${OUT}/marks.pdf`, await htmlToPdf(browser, fill(html, (f) => f.pdf ?? f.html)));
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
