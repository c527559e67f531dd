/**
 * Sharding: parts of a corpus ingested separately and merged with npm run merge give the same
 * dataset, row for row, as one ingest of the whole; a file repeated across shards is recorded
 * once, with a row naming the file it repeats.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestToDataset } from '../../scripts/lib/ingest-batch.ts';
import { readDataset } from '../helpers/dataset.ts';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-merge-'));

describe('npm run merge', () => {
  it('shards merged = one ingest of everything', async () => {
    const input = join(dir, 'in');
    mkdirSync(join(input, 'zz'), { recursive: true });
    cpSync('data/samples', input, { recursive: true });
    // the same bytes again, at a path that sorts after the original
    cpSync('data/samples/julu-county-office-2024.txt', join(input, 'zz', 'copy.txt'));
    const files = readdirSync(input, { recursive: true, encoding: 'utf8' })
      .map((f) => join(input, f)).filter((f) => /\.(txt|pdf|html|docx)$/.test(f)).sort();
    expect(files.length).toBe(7);
    const whole = join(dir, 'whole');
    await ingestToDataset(files, whole);
    // 洪泽区 2023 and 2024 (checked against each other across years) and the original and its
    // copy each land in different shards
    const shards = [[0, 2, 5], [1, 3], [4, 6]].map((ix) => ix.map((i) => files[i]));
    expect(shards[0][2]).toContain('julu-county-office-2024.txt');
    for (const [i, part] of shards.entries()) await ingestToDataset(part, join(dir, `shard-${i}`));

    const merged = join(dir, 'merged');
    const r = spawnSync(join('node_modules', '.bin', 'tsx'), ['scripts/merge.ts', '--out', merged, ...shards.map((_, i) => join(dir, `shard-${i}`))], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('合并完成 / merged');

    const digest = (d: string) => JSON.parse(readFileSync(join(d, 'manifest.json'), 'utf8')).rows_digest;
    expect(digest(merged)).toBe(digest(whole));
    const rows = await readDataset(merged);
    const copy = rows.reports.find((x) => x.source_path.endsWith(join('zz', 'copy.txt')))!;
    expect(copy.status).toBe('failed');
    expect(copy.status_reason).toContain('julu-county-office-2024.txt');
    // and the dashboard's layout is there, as after an ingest
    expect(readdirSync(merged)).toContain('site.json');
  }, 240_000);

  it('says what is wrong with an argument that is not a dataset', () => {
    const r = spawnSync(join('node_modules', '.bin', 'tsx'), ['scripts/merge.ts', '--out', join(dir, 'x'), 'data/samples'], { encoding: 'utf8' });
    expect(r.status).toBe(64);
    expect(r.stderr).toContain('not a dataset');
  });
});
