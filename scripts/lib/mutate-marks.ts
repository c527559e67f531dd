/**
 * A mutation for fuzzing (issue 26, item 1): footnote markers, super/subscripts, struck-through
 * and hidden text put before or after numbers that fill a cell, each written the way its format
 * writes it. Whatever is inserted, no number may change: a cell reads as before or unreadable.
 * PDF is not mutated here (its marks are glyph geometry; see test/fixtures/marks).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { decode } from '../../src/ingest/decode.ts';
import { strike } from '../../src/ingest/marks.ts';
import type { Random } from '../synth/random.ts';

const UNICODE = ['¹', '²', '³', '⁹', '⁽¹⁾', '₁', '₂', '①', '②', '⑩', '⑳', '㉑', '⑴', '⒈', '⓪', '𝟏', '🄂'];

type Writer = (n: string, r: Random, after: boolean) => string;

const pick = (r: Random, ws: Writer[]): Writer => r.pick(ws);
const digits = (r: Random) => String(r.int(1, r.chance(0.3) ? 99 : 9));

const TEXT: Writer[] = [(_, r) => r.pick(UNICODE), (n) => strike(n)];
const MD: Writer[] = [...TEXT, (n) => `<sup>${n}</sup>`, (n) => `<sub>${n}</sub>`, (n) => `~~${n}~~`, (n) => `<span style="display:none">${n}</span>`];
const HTML: Writer[] = [
  (_, r) => r.pick(UNICODE), (n) => `<sup>${n}</sup>`, (n) => `<sub>${n}</sub>`, (n) => `<del>${n}</del>`, (n) => `<s>${n}</s>`, (n) => `<strike>${n}</strike>`,
  (n) => `<span style="text-decoration: line-through">${n}</span>`, (n) => `<span style="display:none">${n}</span>`, (n) => `<span hidden>${n}</span>`,
  (n) => `<font style="visibility:hidden">${n}</font>`, (n) => `<span style="vertical-align:super;font-size:8pt">${n}</span>`,
  (n) => `<span style="font-size:70%">${n}</span>`, (n) => `<font size="1">${n}</font>`,
];
const run = (rpr: string, t: string) => `<w:r><w:rPr>${rpr}</w:rPr><w:t xml:space="preserve">${t}</w:t></w:r>`;
const DOCX: Writer[] = [
  (n) => run('<w:vertAlign w:val="superscript"/>', n), (n) => run('<w:vertAlign w:val="subscript"/>', n), (n) => run('<w:strike/>', n),
  (n) => run('<w:position w:val="6"/><w:sz w:val="14"/>', n), (n) => run('<w:sz w:val="13"/>', n), (n) => run('<w:dstrike w:val="true"/>', n), (n) => run('<w:vanish/>', n), (n) => run('<w:specVanish/>', n), (n) => run('<w:webHidden/>', n),
  (n) => `<w:del w:id="9" w:author="x"><w:r><w:delText>${n}</w:delText></w:r></w:del>`, (n) => `<w:moveFrom w:id="9" w:author="x"><w:r><w:t>${n}</w:t></w:r></w:moveFrom>`,
  (_, r) => `<w:r><w:t>${r.pick(UNICODE)}</w:t></w:r>`,
];

/** Numbers alone in a cell, per format: the match is [whole, before, number, after]. */
const CELL_NUMBER: Record<string, RegExp> = {
  html: />(\s*)(\d[\d,.]*)(\s*)</g,
  md: /(\|[ \t]*)(\d[\d,.]*)(?=[ \t]*\|)()/g,
  txt: /(^|[\t ])(\d[\d,.]*)(?=[\t ]|$)()/gm,
  docx: /()(<w:r>(?:<w:rPr>(?:(?!<\/w:r>)[\s\S])*?<\/w:rPr>)?<w:t(?:\s[^>]*)?>\d[\d,.]*<\/w:t><\/w:r>)()/g,
};

function markText(text: string, format: string, writers: Writer[], r: Random): string {
  const re = CELL_NUMBER[format];
  const count = text.match(re)?.length ?? 0;
  if (!count) return text;
  const picks = new Set(Array.from({ length: r.int(1, 8) }, () => r.int(0, count - 1)));
  let i = 0;
  return text.replace(re, (whole, before: string, n: string, after: string) => {
    if (!picks.has(i++)) return whole;
    const mark = pick(r, writers)(digits(r), r, true);
    // md and txt keep what follows the number in place (lookahead): only before/after the number changes
    const open = format === 'html' ? '>' : '';
    const close = format === 'html' ? '<' : '';
    return r.chance(0.5) ? `${open}${before}${n}${mark}${after}${close}` : `${open}${before}${mark}${n}${after}${close}`;
  });
}

/** `bytes` with marks inserted beside some numbers, or null when the format is not one marked here. */
export function insertMarks(bytes: Uint8Array, name: string, r: Random): Uint8Array | null {
  const ext = /\.(txt|md|html?|docx)$/i.exec(name)?.[1].toLowerCase();
  if (!ext) return null;
  if (ext === 'docx') {
    try {
      const files = unzipSync(bytes);
      if (!files['word/document.xml']) return null;
      files['word/document.xml'] = strToU8(markText(strFromU8(files['word/document.xml']), 'docx', DOCX, r));
      return zipSync(files);
    } catch {
      return null;
    }
  }
  const format = ext.startsWith('htm') ? 'html' : ext;
  const writers = format === 'html' ? HTML : format === 'md' ? MD : TEXT;
  // GBK files are written back as UTF-8, which the reader prefers whatever the page declares
  return new TextEncoder().encode(markText(decode(bytes).text, format, writers, r));
}
