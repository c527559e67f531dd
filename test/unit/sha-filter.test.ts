import { createHash } from 'node:crypto';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { prefixSql, ShaFilter } from '../../scripts/lib/sha-filter.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('ShaFilter', () => {
  const held = Array.from({ length: 2000 }, (_, i) => sha(`held ${i}`));
  const filter = new ShaFilter(held.map(ShaFilter.prefix));

  it('never says no to a hash the database holds, nor to one committed since', () => {
    for (const s of held) expect(filter.mayHave(s)).toBe(true);
    const later = sha('committed later');
    expect(filter.mayHave(later)).toBe(false);
    filter.add(later);
    expect(filter.mayHave(later)).toBe(true);
  });

  it('says no to hashes it was not given (a prefix of 52 bits rarely meets another)', () => {
    const others = Array.from({ length: 2000 }, (_, i) => sha(`other ${i}`));
    expect(others.filter((s) => filter.mayHave(s))).toEqual([]);
  });

  it('finds the first and last of its sorted prefixes, and answers an empty database', () => {
    const sorted = [...held].sort();
    expect(filter.mayHave(sorted[0]) && filter.mayHave(sorted.at(-1)!)).toBe(true);
    expect(new ShaFilter([]).mayHave(held[0])).toBe(false);
  });

  it('lets through a text that is not a hash, since it cannot tell', () => {
    expect(ShaFilter.prefix('not a hash')).toBeNaN();
    expect(filter.mayHave('not a hash')).toBe(true);
    expect(filter.mayHave('ABCDEF0123456789')).toBe(true);
  });

  it("reads the same prefixes as DuckDB's SQL for them", async () => {
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const some = [...held.slice(0, 50), 'ffffffffffffff' + '0'.repeat(50), '0000000000000' + 'f'.repeat(51), 'not hex'];
    const rows = (await conn.runAndReadAll(`SELECT ${prefixSql('s')} AS p FROM (SELECT unnest([${some.map((s) => `'${s}'`).join(', ')}]) AS s)`)).getRowObjects();
    expect(rows.map((r) => r.p)).toEqual(some.map((s) => (Number.isNaN(ShaFilter.prefix(s)) ? null : ShaFilter.prefix(s))));
    conn.closeSync();
    db.closeSync();
  });
});
