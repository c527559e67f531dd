/** Each extractor keeps markers and struck-through text apart from numbers and drops hidden text. */
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../src/ingest/extract/html.ts';
import { readDocumentXml } from '../../src/ingest/extract/docx.ts';
import { readStyles } from '../../src/ingest/extract/run-marks.ts';
import { extractText } from '../../src/ingest/extract/text.ts';
import { readCell } from '../../src/ingest/parse/cell-value.ts';
import type { DocBlock } from '../../src/ingest/doc.ts';

const firstRow = (blocks: DocBlock[], row = 0) => {
  const t = blocks.find((b) => b.kind === 'table');
  if (!t || t.kind !== 'table') throw new Error('no table');
  return t.rows[row].map((c) => c.text);
};
const values = (texts: string[]) => texts.map((t) => { const r = readCell(t); return r.state === 'number' ? r.value : r.state; });

describe('HTML', () => {
  const row = (tds: string) => firstRow(extractHtml(`<table><tr>${tds}</tr></table>`).blocks);
  it('sup, sub, struck-through and hidden text', () => {
    const texts = row([
      '<td>82<sup>1</sup></td>', '<td><del>900</del>821</td>', '<td>821<span style="display:none">9</span></td>', '<td>1<sub>1</sub></td>',
      '<td><span style="text-decoration: line-through">9</span>8</td>', '<td><s>7</s>6</td>', '<td><strike>5</strike>4</td>',
      '<td>3<span style="visibility:hidden">1</span></td>', '<td>2<b hidden>2</b></td>', '<td>4<span style="vertical-align: super">2</span></td>',
      '<td>5<span style="text-decoration-line:line-through">0</span></td>', '<td><sup>1</sup></td>', '<td>8<sup>1</sup>2</td>',
    ].join(''));
    expect(texts).toEqual(['82¹', '9̶0̶0̶821', '821', '1₁', '9̶8', '7̶6', '5̶4', '3', '2', '4²', '50̶', '¹', '8¹2']);
    expect(values(texts)).toEqual([82, 821, 821, 1, 8, 6, 4, 3, 2, 4, 5, 'unreadable', 'unreadable']);
  });
  it('classes from the page\'s <style>, screen rules only; the inline style wins', () => {
    const css = '<style>/* c */ .hide { display: none } span.del{text-decoration:line-through} .fn, .x {vertical-align:super}'
      + ' @media print { .pr { display:none } } .shown{display:none}</style>';
    const t = (tds: string) => firstRow(extractHtml(`${css}<table><tr>${tds}</tr></table>`).blocks);
    const texts = t('<td>82<span class="hide">1</span></td><td><span class="a del">9</span>8</td><td>7<i class="fn">1</i></td><td>6<b class="pr">5</b></td><td>4<b class="shown" style="display:inline">3</b></td>');
    expect(texts).toEqual(['82', '9̶8', '7¹', '65', '43']);
  });
  it('digits of another font size against a number: unsure, so unreadable', () => {
    const texts = row(['<td>82<span style="font-size:70%">1</span></td>', '<td><span style="font-size:12pt">82</span><span style="font-size:7pt">1</span></td>',
      '<td><span style="font-size:10.5pt">8</span><span style="font-size:10.5pt">2</span></td>', '<td><font size="1">1</font>82</td>',
      '<td><span style="font-size:9pt">12</span> <span style="font-size:12pt">件</span></td>'].join(''));
    expect(values(texts)).toEqual(['unreadable', 'unreadable', 82, 'unreadable', 12]);
  });
  it('a mark left open ends with its cell; hidden text is not in paragraphs either', () => {
    expect(row('<td><s>1<td>2')).toEqual(['1̶', '2']);
    const doc = extractHtml('<p>共 12<span style="display: none">3</span> 件</p>');
    expect(doc.blocks).toEqual([{ kind: 'para', text: '共 12 件', loc: 'p1' }]);
  });
});

describe('DOCX', () => {
  const r = (t: string, rpr = '') => `<w:r>${rpr ? `<w:rPr>${rpr}</w:rPr>` : ''}<w:t>${t}</w:t></w:r>`;
  const tc = (...runs: string[]) => `<w:tc><w:p>${runs.join('')}</w:p></w:tc>`;
  const styles = readStyles('<w:styles><w:style w:type="character" w:styleId="FN"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
    + '<w:style w:type="character" w:styleId="FN2"><w:basedOn w:val="FN"/></w:style>'
    + '<w:style w:type="character" w:styleId="Gone"><w:rPr><w:vanish/></w:rPr></w:style>'
    + '<w:style w:type="paragraph" w:styleId="Del"><w:rPr><w:strike/></w:rPr></w:style></w:styles>');
  it('vertAlign, strike, dstrike, vanish, specVanish, styles, tracked changes', () => {
    const xml = `<w:document><w:body><w:tbl><w:tr>${[
      tc(r('42'), r('1', '<w:vertAlign w:val="superscript"/>')),
      tc(r('900', '<w:strike/>'), r('821')),
      tc(r('821'), r('9', '<w:vanish/>')),
      tc(r('8', '<w:dstrike w:val="1"/>'), r('5')),
      tc(r('7'), r('2', '<w:rStyle w:val="FN2"/>')),
      tc('<w:del><w:r><w:delText>6</w:delText></w:r></w:del>', r('5'), `<w:moveFrom>${r('3')}</w:moveFrom>`),
      tc(r('12', '<w:strike w:val="0"/><w:rPrChange><w:rPr><w:strike/></w:rPr></w:rPrChange>')),
      `<w:tc><w:p><w:pPr><w:pStyle w:val="Del"/><w:rPr><w:vanish/></w:rPr></w:pPr>${r('4')}${r('4', '<w:strike w:val="false"/>')}</w:p></w:tc>`,
      tc(r('3', '<w:specVanish/>'), r('1', '<w:vertAlign w:val="subscript"/>')),
      tc(r('6'), r('6', '<w:rStyle w:val="Gone"/>'), r('0', '<w:webHidden/>')),
    ].join('')}</w:tr></w:tbl></w:body></w:document>`;
    const texts = firstRow(readDocumentXml(xml, styles).blocks);
    expect(texts).toEqual(['42¹', '9̶0̶0̶821', '821', '8̶5', '7²', '5', '12', '4̶4', '₁', '6']);
    expect(values(texts)).toEqual([42, 821, 821, 5, 7, 5, 12, 4, 'unreadable', 6]);
  });
});

describe('DOCX sizes and positions', () => {
  it('raised by w:position is a marker; digits of another w:sz are unsure', () => {
    const r = (t: string, rpr = '') => `<w:r>${rpr ? `<w:rPr>${rpr}</w:rPr>` : ''}<w:t>${t}</w:t></w:r>`;
    const tc = (...runs: string[]) => `<w:tc><w:p>${runs.join('')}</w:p></w:tc>`;
    const xml = `<w:document><w:body><w:tbl><w:tr>${[
      tc(r('82', '<w:sz w:val="21"/>'), r('1', '<w:position w:val="6"/><w:sz w:val="14"/>')),
      tc(r('82', '<w:sz w:val="21"/>'), r('1', '<w:sz w:val="14"/>')),
      tc(r('8', '<w:sz w:val="21"/>'), r('2', '<w:sz w:val="21"/>')),
      tc(r('12', '<w:sz w:val="21"/>'), r('件', '<w:sz w:val="24"/>')),
      tc(r('7'), r('1', '<w:position w:val="-4"/>')),
    ].join('')}</w:tr></w:tbl></w:body></w:document>`;
    const texts = firstRow(readDocumentXml(xml).blocks);
    expect(values(texts)).toEqual([82, 'unreadable', 82, 12, 7]);
  });
});

describe('markdown', () => {
  it('~~x~~, <del>, <sup>, <sub> in pipe cells', () => {
    const md = '| a | b | c | d | e | f | g |\n|---|---|---|---|---|---|\n| x | 82<sup>1</sup> | ~~900~~821 | 1<sub>1</sub> | <del>9</del>8 | 8~~2~~1 | 821<span style="display:none">9</span> |\n';
    const texts = firstRow(extractText(md).blocks, 1);
    expect(texts).toEqual(['x', '82¹', '9̶0̶0̶821', '1₁', '9̶8', '82̶1', '821']);
    expect(values(texts.slice(1))).toEqual([82, 821, 1, 8, 'unreadable', 821]);
  });
});
