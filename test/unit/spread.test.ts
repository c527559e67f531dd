import { describe, expect, it } from 'vitest';
import { formatSpread, spread } from '../../scripts/lib/spread.ts';

describe('spread', () => {
  it('gives the median of an odd and of an even number of runs, whatever their order', () => {
    expect(spread([208.7, 171.0, 183.8])).toEqual({ median: 183.8, min: 171.0, max: 208.7, n: 3 });
    expect(spread([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, n: 4 });
  });

  it('refuses no runs at all', () => {
    expect(() => spread([])).toThrow();
  });

  it('prints the range only when the runs differ at the digits shown', () => {
    expect(formatSpread(spread([183.84]), 1)).toBe('183.8');
    expect(formatSpread(spread([208.66, 170.95, 183.8]), 1)).toBe('183.8 (171.0–208.7)');
    expect(formatSpread(spread([544.2, 543.8]), 0)).toBe('544');
    expect(formatSpread(spread([1234.5, 1000]), 0)).toBe('1,117 (1,000–1,235)');
  });
});
