/** Footnote markers, struck-through and unsure digits beside a number (issue 26, item 1). */
import { describe, expect, it } from 'vitest';
import { isValueLike, readCell } from '../../src/ingest/parse/cell-value.ts';
import { isCompatDigit, maskMarkedNumbers, STRIKE, strike, UNSURE } from '../../src/ingest/marks.ts';
import { squash } from '../../src/ingest/normalize.ts';

const S = (s: string) => strike(s);

describe('compatibility digits are found by rule', () => {
  it.each(['¹', '²', '³', '⁰', '⁹', '₀', '₁', '₉', '①', '⑳', '㉑', '㊿', '⑴', '⒇', '⒈', '⒛', '⓪', '𝟎', '𝟿', '🄀', '🄊', '¼', '⁽', '₎'])('%s is a marker', (c) => {
    expect(isCompatDigit(c)).toBe(true);
  });
  it.each(['0', '9', '０', '９', '一', 'a', '(', '（', '%'])('%s is not', (c) => expect(isCompatDigit(c)).toBe(false));
});

describe('readCell: a marker beside the number is not part of it', () => {
  it.each([
    ['11①', 11, '①'], ['11¹', 11, '¹'], ['1₁', 1, '₁'], ['82¹', 82, '¹'], ['①12', 12, '①'], ['¹²82', 82, '¹²'], ['821 ⑴', 821, '⑴'],
    ['11⒈', 11, '⒈'], ['５⓪', 5, '⓪'], ['42件¹', 42, '¹'], ['3,985⁽²⁾', 3985, '⁽²⁾'], ['7🄂', 7, '🄂'], ['12𝟏', 12, '𝟏'],
  ])('%j → %d, marker %s noted', (raw, value, marker) => {
    const r = readCell(raw);
    expect(r).toMatchObject({ state: 'number', value });
    expect(r.state === 'number' && r.mark).toContain(`「${marker}」`);
    expect(r.state === 'number' && r.mark).toMatch(/footnote marker/);
  });

  it.each([
    [`${S('900')}821`, 821, '900'], [`821${S('9')}`, 821, '9'], [`${S('900')} 821`, 821, '900'], [`${S('1')}0`, 0, '1'],
  ])('struck-through %j → %d', (raw, value, struck) => {
    const r = readCell(raw);
    expect(r).toMatchObject({ state: 'number', value });
    expect(r.state === 'number' && r.mark).toContain(`删除线文字「${struck}」`);
  });

  it('a plain number carries no mark', () => {
    expect(readCell('821')).toEqual({ state: 'number', value: 821, unit: null, note: null });
    expect(readCell('１２')).toMatchObject({ state: 'number', value: 12 });
    expect((readCell('１２') as { mark?: string }).mark).toBeUndefined();
  });

  it.each([
    ['1①1', /inside the number/], ['8¹2', /inside the number/], [`8${S('2')}1`, /inside the number/], ['12（注①）', /inside the number/],
    ['①', /only footnote/], ['¹²', /only footnote/], [S('821'), /only footnote/], ['𝟏𝟐', /only footnote/],
    [`82${UNSURE}1`, /cannot tell/], ['3½', /fraction/], ['①约10', /not a number/],
  ])('%j is unreadable', (raw, reason) => {
    const r = readCell(raw);
    expect(r.state).toBe('unreadable');
    expect(r.state === 'unreadable' && r.reason).toMatch(reason);
    expect(r.state === 'unreadable' && r.reason).toMatch(/[\u4e00-\u9fff].* \/ [a-z]/);
  });

  it('marked cells are still values, not labels', () => {
    for (const raw of ['11①', '①', S('900'), `82${UNSURE}1`, '1①1']) expect(isValueLike(raw)).toBe(true);
    expect(isValueLike('①属于国家秘密')).toBe(false);
  });

  it('labels match with struck-through text left out', () => {
    expect(squash(`商业${S('旧')}企业`)).toBe('商业企业');
    expect(squash('（一）本年新收')).toBe('(一)本年新收');
    expect(STRIKE).toBe('\u0336');
  });
});

describe('prose (pre-2019 reports): a number touching a marker is not a number', () => {
  it.each([
    ['收到申请12①件', '收到申请※件'], ['收到申请12件①', '收到申请12件※'], ['共8¹2件', '共※件'], [`共${S('9')}12件`, '共※件'],
    [`共82${UNSURE}1件`, '共※件'], ['收到申请１２件', '收到申请１２件'], ['收到申请12件', '收到申请12件'],
  ])('%j → %j', (text, masked) => expect(maskMarkedNumbers(text)).toBe(masked));
});
