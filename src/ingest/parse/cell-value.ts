/**
 * Reading one printed cell. A number is read only when the text leaves no doubt; anything else
 * is `unreadable` with the reason, never a guess.
 */
import { nfkc } from '../normalize.ts';
import { memo } from '../memo.ts';
import { splitMarks, type Piece } from '../marks.ts';

export type CellReading =
  | { state: 'number'; value: number; unit: string | null; note: string | null; mark?: string }
  | { state: 'blank' }
  | { state: 'na' }
  | { state: 'unreadable'; reason: string };

/** Printed for "not applicable / none": /, —, -, --, 无, 不适用 (report-format.md §5). */
const NA = /^(?:[/\\]+|[-—–―─_]+|无|不适用|\/?无\/?|空)$/;
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?/;
const UNIT = /^(?:万元|亿元|元|件|个|条|项|次|人次|宗|份|家|人)/;
const NOTE = /^\((?:[^()]*)\)$/;
const CJK = /[\u3400-\u9fff]/;

/** Reads a cell's text; the same texts recur thousands of times ("0", ""), so readings are cached. */
export const readCell: (raw: string) => CellReading = memo(readUncached, 4096);

function readUncached(raw: string): CellReading {
  const pieces = splitMarks(raw);
  return pieces ? readMarked(raw, pieces) : readPlain(raw);
}

/**
 * A cell with footnote markers or struck-through text. Before or after the number they are
 * separable: the number is read without them and the reading says what was left out. Anywhere
 * else (between digits, inside a note) nobody can say which digits are the number: unreadable.
 */
function readMarked(raw: string, pieces: Piece[]): CellReading {
  const shown = raw.trim();
  if (pieces.some((p) => p.kind === 'unsure')) {
    return { state: 'unreadable', reason: `数字旁有字号较小的数字，无法确定是否为脚注标记：「${shown}」 / smaller digits beside the number: cannot tell a footnote marker from the number` };
  }
  if (pieces.some((p) => p.kind === 'marker' && p.text.normalize('NFKC').includes('\u2044'))) {
    return { state: 'unreadable', reason: `单元格中有分数字符：「${shown}」 / a fraction character in the cell` };
  }
  const solid = pieces.flatMap((p, i) => (p.kind === 'plain' && p.text.trim() !== '' ? [i] : []));
  if (!solid.length) {
    return { state: 'unreadable', reason: `只有脚注标记或删除线文字，没有数字：「${shown}」 / only footnote markers or struck-through text, no number` };
  }
  const inner = pieces.slice(solid[0], solid[solid.length - 1] + 1);
  if (inner.some((p) => p.kind !== 'plain')) {
    return { state: 'unreadable', reason: `脚注标记或删除线文字夹在数字或文字中间，无法确定数值：「${shown}」 / a footnote marker or struck-through text inside the number` };
  }
  const r = readPlain(inner.map((p) => p.text).join(''));
  if (r.state !== 'number') return r;
  const left = pieces.filter((p) => p.kind !== 'plain');
  const said = (kind: Piece['kind']) => left.filter((p) => p.kind === kind).map((p) => p.text.trim()).join('、');
  const marks = [
    said('marker') && `脚注标记「${said('marker')}」不计入数值 / footnote marker not part of the number`,
    said('struck') && `删除线文字「${said('struck')}」不计入数值 / struck-through text not part of the number`,
  ].filter(Boolean);
  return { ...r, mark: marks.join('；') };
}

function readPlain(raw: string): CellReading {
  const text = nfkc(raw).replace(/[\u200b\ufeff]/g, '').trim();
  if (text === '') return { state: 'blank' };
  const compact = text.replace(/\s+/g, '');
  if (NA.test(compact)) return { state: 'na' };
  if (/\d\s+[\d.,]/.test(text) && /^[\d\s.,+-]+$/.test(text.replace(/\(.*\)$/, ''))) {
    return { state: 'unreadable', reason: '数字之间有空格，可能是几个单元格连在一起 / digits separated by spaces: cells may have run together' };
  }
  const m = NUMBER.exec(compact);
  if (!m) return { state: 'unreadable', reason: `不是数字：「${text}」 / not a number` };
  const [whole, sign, intPart, frac] = m;
  const digits = intPart.replace(/,/g, '');
  if (digits.length + (frac?.length ?? 0) > 15) {
    return { state: 'unreadable', reason: `数字位数过多（超过 15 位），无法精确表示：「${text}」 / too many digits to represent exactly` };
  }
  if (digits.length > 1 && digits.startsWith('0')) {
    return { state: 'unreadable', reason: `数字以 0 开头：「${text}」，可能是几个单元格连在一起 / leading zero: cells may have run together` };
  }
  let rest = compact.slice(whole.length);
  let unit: string | null = null;
  const u = UNIT.exec(rest);
  if (u) {
    unit = u[0];
    rest = rest.slice(unit.length);
  }
  let note: string | null = null;
  if (rest !== '') {
    if (!NOTE.test(rest)) return { state: 'unreadable', reason: `数字后有无法解释的文字：「${text}」 / unexpected text after the number` };
    note = rest.slice(1, -1);
  }
  const value = Number(`${sign}${digits}${frac !== undefined ? `.${frac}` : ''}`);
  if (!Number.isFinite(value)) return { state: 'unreadable', reason: `数字超出范围：「${text}」 / number out of range` };
  return { state: 'number', value: Object.is(value, -0) ? 0 : value, unit, note };
}

/**
 * Whether a cell belongs with the values of a row rather than with its labels: numbers, blanks,
 * NA marks, and digit strings we refuse to read. "1.属于国家秘密" is a label. Asked of every
 * cell of every row several times over, labels included, so answers are cached like readings.
 */
export const isValueLike: (raw: string) => boolean = memo(isValueLikeUncached, 4096);

function isValueLikeUncached(raw: string): boolean {
  const r = readCell(raw);
  if (r.state !== 'unreadable') return true;
  const outsideNotes = nfkc(raw).replace(/\([^()]*\)/g, '');
  return /^[\s+-]*\d/.test(outsideNotes) && !CJK.test(outsideNotes.replace(UNIT_CHARS, ''));
}

const UNIT_CHARS = /[万亿元件个条项次人宗份家]/g;
