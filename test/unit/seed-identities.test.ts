/** The seed as the issue checks it: 200 cells, region 130529, no failed identity; one number changed → a failed identity naming its column. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestString } from '../helpers/ingest.ts';

const SEED = readFileSync('data/samples/julu-county-office-2024.txt', 'utf8');

describe('seed report', () => {
  it('ingests with 200 cells, region 130529, v2021, no failed identity', async () => {
    const out = await ingestString(SEED, 'julu.txt');
    expect(out.report).toMatchObject({ status: 'ok', region_code: '130529', template: 'v2021', year: 2024, cell_count: 200, unreadable_count: 0 });
    expect(out.findings.filter((f) => f.result === 'fail')).toEqual([]);
  });

  it('changing 予以公开 自然人 10 → 9 fails the identities of the 自然人 column and the row total', async () => {
    // the first 10 in table 三 is 予以公开 / 自然人
    const at = SEED.indexOf('\t10\n');
    const changed = `${SEED.slice(0, at)}\t9\n${SEED.slice(at + 4)}`;
    const out = await ingestString(changed, 'julu-changed.txt');
    const fails = out.findings.filter((f) => f.result === 'fail');
    expect(fails.find((f) => f.rule === 'T3_OUTCOME_SUM')).toMatchObject({ applicant: 'natural', expected: 10, actual: 11 });
    expect(fails.find((f) => f.rule === 'T3_ROW_TOTAL')).toMatchObject({ metric: 'app.res.granted', applicant: 'total', actual: 10, expected: 9 });
    expect(fails.find((f) => f.rule === 'T3_OUTCOME_SUM')!.message).toContain('自然人');
    expect(out.cells.find((c) => c.metric === 'app.res.granted' && c.applicant === 'natural')).toMatchObject({ value: 9, raw: '9' });
  });

  it('changing 本年新收 商业企业 0 → 2 fails T3_BALANCE of the 商业企业 column', async () => {
    const at = SEED.indexOf('\t11\n\t0\n') + 4; // 本年新收: 自然人 11, then 商业企业 0
    const changed = `${SEED.slice(0, at)}\t2\n${SEED.slice(at + 3)}`;
    const fails = (await ingestString(changed, 'julu-changed2.txt')).findings.filter((f) => f.result === 'fail');
    expect(fails.find((f) => f.rule === 'T3_BALANCE')).toMatchObject({ applicant: 'org_business', actual: 2, expected: 0 });
  });
});
