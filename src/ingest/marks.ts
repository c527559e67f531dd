/**
 * Characters that are printed beside a number but are not part of it: footnote markers
 * (superscript, subscript, circled and other compatibility digits) and struck-through text.
 * NFKC folds a marker into an ordinary digit (`11①` → `111`), so markers are found before any
 * folding. Extractors turn markup into these forms: <sup>/<sub> digits into Unicode super- and
 * subscripts, struck-through text into characters each followed by STRIKE.
 */

/** U+0336 COMBINING LONG STROKE OVERLAY: follows each character of struck-through text. */
export const STRIKE = '\u0336';

/**
 * Put by the readers before digits that may be a marker or part of the number beside them, as
 * nobody can tell: in a PDF printed smaller but neither clearly raised nor lowered; in HTML and
 * DOCX run on against digits of another font size. U+2063 INVISIBLE SEPARATOR, which no report prints.
 */
export const UNSURE = '\u2063';

const STARTS_DIGIT = /^[0-9\uff10-\uff19]/;
const ENDS_DIGIT = /[0-9\uff10-\uff19]$/;

/** `next` as appended to `before`: UNSURE first when its digits run on against digits of another size. */
export function runOn(before: string, next: string, sizeChanged: boolean): string {
  return sizeChanged && STARTS_DIGIT.test(next) && ENDS_DIGIT.test(before) ? UNSURE + next : next;
}

const ASCII_DIGIT = /[0-9]/;
const PLAIN_DIGIT = /^[0-9\uff10-\uff19]$/;
// the signs and brackets of the superscript and subscript blocks go with their digits (⁽¹⁾)
const SUPER_SUB_SIGN = /^[\u207a-\u207e\u208a-\u208e]$/;

const markerCache = new Map<string, boolean>();

/**
 * Whether one character (a code point) is a compatibility digit: not an ASCII or full-width
 * digit, but NFKC makes it one (¹ ₁ ① ⑴ ⒈ ⓪ 𝟏 🄂 ¼ …). Decided by the rule, not by a list, so no
 * block of such characters is missed.
 */
export function isCompatDigit(ch: string): boolean {
  let v = markerCache.get(ch);
  if (v === undefined) {
    v = !PLAIN_DIGIT.test(ch) && (SUPER_SUB_SIGN.test(ch) || ASCII_DIGIT.test(ch.normalize('NFKC')));
    markerCache.set(ch, v);
  }
  return v;
}

/** Anything outside ASCII and CJK ideographs may be a marker; most cells are only those. */
const MAYBE_MARKED = /[^\x00-\x7f\u4e00-\u9fff]/;

export type Piece = { kind: 'plain' | 'marker' | 'struck' | 'unsure'; text: string };

/** A cell's text split into plain text, markers and struck-through text; null when it has none. */
export function splitMarks(raw: string): Piece[] | null {
  if (!MAYBE_MARKED.test(raw)) return null;
  const chars = Array.from(raw);
  const pieces: Piece[] = [];
  let marked = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    let kind: Piece['kind'] = 'plain';
    let text = ch;
    if (ch === UNSURE) kind = 'unsure';
    else if (chars[i + 1] === STRIKE) {
      kind = 'struck';
      while (chars[i + 1] === STRIKE) i++;
    } else if (ch === STRIKE) kind = 'struck';
    else if (isCompatDigit(ch)) kind = 'marker';
    if (kind === 'struck') text = ch === STRIKE ? '' : ch;
    if (kind !== 'plain') marked = true;
    const last = pieces[pieces.length - 1];
    if (last && last.kind === kind) last.text += text;
    else pieces.push({ kind, text });
  }
  return marked ? pieces : null;
}

/** Text without struck-through characters: what is left for matching labels. */
export function dropStruck(s: string): string {
  return s.includes(STRIKE) ? s.replace(/[^\u0336]?\u0336+/gu, '') : s;
}

/** Digits as Unicode superscripts or subscripts; other characters unchanged. */
export function toScript(s: string, kind: 'sup' | 'sub'): string {
  const table = kind === 'sup' ? '⁰¹²³⁴⁵⁶⁷⁸⁹' : '₀₁₂₃₄₅₆₇₈₉';
  return s.replace(/[0-9]/g, (d) => table[Number(d)]);
}

/** Each visible character followed by STRIKE, as struck-through text is kept in `raw`. */
export function strike(s: string): string {
  return s.replace(/[^\s]/gu, (c) => c + STRIKE);
}

/**
 * Free text with every number that touches a marker or struck-through text replaced by ※, so
 * a pattern looking for "12 件" in prose finds no number there rather than 121 from `12①件`.
 */
export function maskMarkedNumbers(s: string): string {
  if (!MAYBE_MARKED.test(s)) return s;
  const chars = Array.from(s);
  const kind = chars.map((c, i) => (c === UNSURE || c === STRIKE || chars[i + 1] === STRIKE || isCompatDigit(c) ? 'm' : PLAIN_DIGIT.test(c) ? 'd' : 'o'));
  let out = '';
  for (let i = 0; i < chars.length;) {
    if (kind[i] === 'o') { out += chars[i++]; continue; }
    let j = i;
    while (j < chars.length && kind[j] !== 'o') j++;
    out += kind.slice(i, j).includes('m') ? '※' : chars.slice(i, j).join('');
    i = j;
  }
  return out;
}
