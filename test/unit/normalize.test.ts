import { describe, expect, it } from 'vitest';
import { NFKC_STABLE, nfkc, squash } from '../../src/ingest/normalize.ts';

// every code point the fast path lets through unnormalized
const stable: string[] = [];
for (let cp = 0; cp <= 0xffff; cp++) if (NFKC_STABLE.test(String.fromCharCode(cp))) stable.push(String.fromCharCode(cp));

describe('nfkc', () => {
  it('the fast path covers only characters NFKC leaves alone', () => {
    expect(stable.length).toBeGreaterThan(20_000);
    expect(stable.filter((c) => c.normalize('NFKC') !== c)).toEqual([]);
  });

  it('nor do they change beside each other', () => {
    const ascii = stable.filter((c) => c < '\x80');
    const rest = stable.filter((c) => c >= '\x80');
    const changed: string[] = [];
    for (const a of ascii) for (const b of rest) for (const s of [a + b, b + a]) if (s.normalize('NFKC') !== s) changed.push(s);
    for (let i = 0; i < rest.length; i++) {
      const s = rest[i] + rest[(i * 7919) % rest.length];
      if (s.normalize('NFKC') !== s) changed.push(s);
    }
    expect(changed).toEqual([]);
  });

  it('folds what it must, cached or not', () => {
    for (let round = 0; round < 2; round++) {
      expect(nfkc('（一）予以公开')).toBe('(一)予以公开');
      expect(nfkc('１２３')).toBe('123');
      expect(nfkc('a\u00a0b')).toBe('a b');
      expect(nfkc(`${'申请'.repeat(40)}１`)).toBe(`${'申请'.repeat(40)}1`);
      expect(squash(' 三、收到和处理\n政府信息公开申请情况 ')).toBe('三、收到和处理政府信息公开申请情况');
    }
  });
});
