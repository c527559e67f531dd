import { describe, expect, it } from 'vitest';
import { clip, visible } from '../../src/lib/display.ts';

describe('report text as displayed', () => {
  it('a right-to-left override is shown, not obeyed', () => {
    expect(visible('\u202Eexe.report.txt')).toBe('⟪RLO⟫exe.report.txt');
  });

  it.each([
    ['\u202A', 'LRE'], ['\u202B', 'RLE'], ['\u202C', 'PDF'], ['\u202D', 'LRO'], ['\u202E', 'RLO'],
    ['\u2066', 'LRI'], ['\u2067', 'RLI'], ['\u2068', 'FSI'], ['\u2069', 'PDI'],
    ['\u200E', 'LRM'], ['\u200F', 'RLM'], ['\u061C', 'ALM'],
  ])('U+%s becomes a visible token', (c, name) => {
    const out = visible(`a${c}b${c}`);
    expect(out).toBe(`a⟪${name}⟫b⟪${name}⟫`);
    expect(out).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
  });

  it('other text, including Chinese and ordinary punctuation, is unchanged', () => {
    expect(visible('巨鹿县人民政府办公室（2024）<svg onload=x>')).toBe('巨鹿县人民政府办公室（2024）<svg onload=x>');
    expect(visible(null)).toBe('');
    expect(visible(2024)).toBe('2024');
  });

  it('clip keeps short text and cuts long text with an ellipsis, by code point', () => {
    expect(clip('短名称', 10)).toBe('短名称');
    const long = '很'.repeat(10_000);
    expect(Array.from(clip(long, 80))).toHaveLength(80);
    expect(clip(long, 80).endsWith('…')).toBe(true);
    expect(clip('𠀀'.repeat(5), 3)).toBe('𠀀𠀀…');
    expect(clip('\u202Eabc', 100)).toBe('⟪RLO⟫abc');
  });
});
