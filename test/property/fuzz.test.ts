/**
 * A short fuzz run in every test run (npm run fuzz runs a long one): mutated real reports
 * through the parsing core; no exception escapes and every answer keeps the rules of a row.
 */
import { describe, expect, it } from 'vitest';
import { fuzz, violations } from '../../scripts/lib/fuzz.ts';
import type { CellRow, ReportRow } from '../../src/model/contract.ts';

describe('fuzzing the parsing core', () => {
  it('300 mutated reports: no exception, every answer a well-formed row', async () => {
    const r = await fuzz(300, 20261128);
    expect(r.inputs).toBe(300);
    expect(r.crashes).toEqual([]);
    expect(r.broken).toEqual([]);
  }, 300_000);

  it('the checks catch a malformed row', () => {
    const report = { status: 'partial', status_reason: null, cell_count: 3 } as unknown as ReportRow;
    const cell = (state: string, value: number | null, reason: string | null = null) => ({ metric: 'app.new', applicant: 'total', state, value, reason }) as unknown as CellRow;
    expect(violations({ report, cells: [cell('number', Infinity), cell('blank', 0), cell('unreadable', null)], findings: [] })).toEqual([
      'no reason', 'app.new/total: number Infinity', 'app.new/total: blank with value 0', 'app.new/total: unreadable without reason',
    ]);
  });
});
