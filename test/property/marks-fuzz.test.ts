/**
 * Footnote markers, super/subscripts, struck-through and hidden text inserted beside numbers
 * (scripts/lib/mutate-marks.ts) never change a number: against the same file without them,
 * every cell that is a number is the same number, and no cell becomes one.
 */
import { describe, expect, it } from 'vitest';
import { fuzzSeeds } from '../../scripts/lib/fuzz.ts';
import { nodeExtractors } from '../../scripts/lib/extractors.ts';
import { insertMarks } from '../../scripts/lib/mutate-marks.ts';
import { Random } from '../../scripts/synth/random.ts';
import { ingestFile } from '../../src/ingest/ingest-file.ts';

const read = async (bytes: Uint8Array, name: string) => {
  const out = await ingestFile({ bytes, path: name, sha256: 'e'.repeat(64), regionHint: null, sourceUrl: null }, nodeExtractors);
  return new Map(out.cells.map((c) => [`${c.metric}|${c.applicant}`, c]));
};

describe('marks beside numbers never change a number', () => {
  it('200 marked copies of the real and quirk reports', async () => {
    const seeds = fuzzSeeds().filter((s) => !/\.pdf$/i.test(s.name));
    const plain = new Map<string, Awaited<ReturnType<typeof read>>>();
    for (const s of seeds) plain.set(s.name, await read(s.bytes, s.name));
    const r = new Random(20261208);
    const changed: string[] = [];
    let marked = 0;
    let unreadable = 0;
    for (let i = 0; i < 200; i++) {
      const s = r.pick(seeds);
      const bytes = insertMarks(s.bytes, s.name, r)!;
      const before = plain.get(s.name)!;
      for (const [key, c] of await read(bytes, s.name)) {
        const was = before.get(key);
        if (c.state === 'number' && c.reason) marked++;
        if (c.state === 'unreadable' && was?.state === 'number') unreadable++;
        if (c.state === 'number' && (was?.state !== 'number' || was.value !== c.value)) {
          changed.push(`${i} ${s.name} ${key}: ${was?.state === 'number' ? was.value : was?.state} → ${c.value} (${JSON.stringify(c.raw)})`);
        }
      }
    }
    expect(changed).toEqual([]);
    // the mutation did reach the cells: numbers read beside their marks, and some unreadable
    expect(marked).toBeGreaterThan(100);
    expect(unreadable).toBeGreaterThan(0);
  }, 300_000);
});
