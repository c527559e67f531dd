import { describe, expect, it } from 'vitest';
import { isValueLike, readCell } from '../../src/ingest/parse/cell-value.ts';

describe('readCell: numbers as agencies write them', () => {
  it.each([
    ['0', 0], ['11', 11], ['１２，３４５', 12345], ['3,985,758', 3985758], ['9116.36', 9116.36], ['96171.60', 96171.6],
    ['251000元', 251000], ['22（其中修订 16 件）', 22], ['22(其中修订16件)', 22], ['+1036', 1036], ['-5', -5], ['\u00a0 7 \u00a0', 7],
    ['８８件', 88], ['-0', 0], ['９９９９９９９９９９９９', 999999999999],
  ])('%j → %d', (raw, value) => {
    expect(readCell(raw)).toMatchObject({ state: 'number', value });
  });

  it.each(['', ' ', '\u00a0', '\u3000'])('blank %j', (raw) => expect(readCell(raw).state).toBe('blank'));
  it.each(['/', '／', '—', '——', '-', '--', '无', '不适用', '\\'])('NA %j', (raw) => expect(readCell(raw).state).toBe('na'));

  it.each([
    ['230 000023', /run together/], ['000023', /leading zero/], ['12件3', /unexpected text/], ['1e309', /unexpected text/],
    ['1234567890123456', /too many digits/], ['约10', /not a number/], ['10余', /unexpected text/], ['5-6', /unexpected text/],
  ])('%j is unreadable', (raw, reason) => {
    const r = readCell(raw);
    expect(r.state).toBe('unreadable');
    expect(r.state === 'unreadable' && r.reason).toMatch(reason);
  });

  it('labels that start with a digit are labels, not values', () => {
    expect(isValueLike('1.属于国家秘密')).toBe(false);
    expect(isValueLike('3.其他')).toBe(false);
    expect(isValueLike('230 000023')).toBe(true);
    expect(isValueLike('88件')).toBe(true);
  });
});
