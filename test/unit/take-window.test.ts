import { describe, expect, it } from 'vitest';
import { takeWindow } from '../../scripts/lib/ingest-batch.ts';

const files = (...sizes: number[]) => sizes.map((size, i) => ({ i, size }));

describe('takeWindow', () => {
  it('takes up to the file count', () => {
    const ahead = files(1, 1, 1, 1, 1);
    expect(takeWindow(ahead, 3, 100).map((f) => f.i)).toEqual([0, 1, 2]);
    expect(ahead.map((f) => f.i)).toEqual([3, 4]);
  });

  it('stops before the byte limit, but always takes one file', () => {
    const ahead = files(40, 50, 10, 200, 5);
    expect(takeWindow(ahead, 10, 100).map((f) => f.i)).toEqual([0, 1, 2]);
    expect(takeWindow(ahead, 10, 100).map((f) => f.i)).toEqual([3]);
    expect(takeWindow(ahead, 10, 100).map((f) => f.i)).toEqual([4]);
    expect(takeWindow(ahead, 10, 100)).toEqual([]);
  });
});
