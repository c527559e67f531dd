/**
 * Footnote markers and struck-through digits on a PDF page, found from the glyphs' geometry
 * before the text is assembled: a PDF has no <sup> or <del>, only a smaller glyph set higher or
 * lower, and a line drawn through the glyphs. Such digits are rewritten into the forms readCell
 * leaves out of a number (marks.ts), so `82` with a raised `1` is never read as 821. A smaller
 * digit beside a number that is neither clearly raised nor lowered gets UNSURE: unreadable.
 */
import { STRIKE, toScript, UNSURE } from '../marks.ts';
import type { PdfBox, PdfChar } from './pdfium.ts';

const DIGIT = /^[0-9]$/;
/** A marker glyph is at most this size of the number's (Chromium prints <sup> at 83 %). */
const SMALLER = 0.88;
/** Raised or lowered by more than this part of the number's size: a super- or subscript. */
const SHIFT = 0.15;
/** Part of a glyph's loose box taken by the font's descent: where a same-baseline glyph sits. */
const DESCENT = 0.22;

type Kind = 'sup' | 'sub' | 'unsure';

const touching = (a: PdfChar, b: PdfChar) =>
  Math.abs(b.x0 - a.x1) <= 0.35 * Math.max(a.fs, b.fs) && b.top < a.bottom && b.bottom > a.top;

/** The kind of a digit `c` printed smaller than the digit `big` it touches. */
function kindOf(c: PdfChar, big: PdfChar): Kind {
  // where c's bottom would be if it sat on big's baseline
  const onBaseline = big.bottom - (big.fs - c.fs) * DESCENT;
  const shift = c.bottom - onBaseline;
  if (shift < -SHIFT * big.fs) return 'sup';
  if (shift > SHIFT * big.fs) return 'sub';
  return 'unsure';
}

export function markChars(chars: PdfChar[], boxes: PdfBox[]): PdfChar[] {
  const kinds: ({ kind: Kind; big: PdfChar } | null)[] = chars.map(() => null);
  const digit = (i: number) => i >= 0 && i < chars.length && DIGIT.test(chars[i].ch);
  chars.forEach((c, i) => {
    if (!digit(i)) return;
    for (const j of [i - 1, i + 1]) {
      if (!digit(j)) continue;
      const n = chars[j];
      const adjacent = j < i ? touching(n, c) : touching(c, n);
      if (adjacent && c.fs < SMALLER * n.fs) { kinds[i] = { kind: kindOf(c, n), big: n }; return; }
    }
  });
  // the other digits of a marker ("12" raised) are its size and touch it
  const spread = (i: number, j: number) => {
    if (kinds[i] && !kinds[j] && digit(j) && Math.abs(chars[j].fs / chars[i].fs - 1) < 0.1
      && (j > i ? touching(chars[i], chars[j]) : touching(chars[j], chars[i]))) kinds[j] = kinds[i];
  };
  for (let i = 0; i + 1 < chars.length; i++) spread(i, i + 1);
  for (let i = chars.length - 1; i > 0; i--) spread(i, i - 1);
  const strikes = boxes.filter((b) => b.y1 - b.y0 < 2 && b.x1 - b.x0 > 1);
  return chars.map((c, i) => {
    const k = kinds[i];
    let ch = c.ch;
    let out = c;
    if (k) {
      ch = k.kind === 'unsure' ? UNSURE + ch : toScript(ch, k.kind);
      // placed on the number's line, so the marker stays in the number's cell and run
      out = { ...c, top: k.big.top, bottom: k.big.bottom, fs: k.big.fs };
    }
    if (DIGIT.test(c.ch) && struck(c, strikes)) ch += STRIKE;
    return ch === c.ch ? out : { ...out, ch };
  });
}

/** A thin line across the middle of the glyph (not under it, as an underline is). */
function struck(c: PdfChar, lines: PdfBox[]): boolean {
  const mid = (c.x0 + c.x1) / 2;
  const fs = c.bottom - c.top;
  if (fs <= 0) return false;
  return lines.some((b) => b.x0 <= mid && b.x1 >= mid && b.y1 - b.y0 < 0.15 * fs
    && (b.y0 + b.y1) / 2 > c.top + 0.3 * fs && (b.y0 + b.y1) / 2 < c.top + 0.7 * fs);
}
