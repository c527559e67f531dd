/**
 * npm run bench:lookup -- [--reports 100000,1000000]
 *
 * The known-file lookup of a window of 1,024 new files against a work database of N reports:
 * the query that scans the reports table (what every window did before 99c5dea, and what a
 * window with a possible repeat still does) beside the hash-prefix filter (sha-filter.ts), and
 * the filter's cost to read. The reports table is made of N random hashes and paths.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { knownFilesSql, readShaFilter } from './lib/sha-filter.ts';

const { values } = parseArgs({ options: { reports: { type: 'string', default: '100000,1000000' } } });
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const newWindow = () => Array.from({ length: 1024 }, () => sha(String(Math.random())));
const WINDOWS = 10;

console.log('| reports in the work database | scan query, ms a window | filter, ms a window | filter read, ms | filter false hits / files |');
console.log('|---:|---:|---:|---:|---:|');
for (const n of values.reports.split(',').map(Number)) {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-lookup-'));
  try {
    // as the ingest opens its work database while reading
    const db = await DuckDBInstance.create(join(dir, 'work.duckdb'), { memory_limit: '160MB', preserve_insertion_order: 'false' });
    const conn = await db.connect();
    await conn.run(`CREATE TABLE reports AS SELECT sha256(i::VARCHAR || 'x') AS source_sha256, 'files/' || i || '/synthetic-' || i || '.html' AS source_path FROM range(${n}) t(i)`);
    await conn.run('CHECKPOINT');
    let scan = 0;
    for (let w = -2; w < WINDOWS; w++) {
      const sql = knownFilesSql(newWindow());
      const t0 = performance.now();
      await conn.runAndReadAll(sql);
      // two windows to warm up
      if (w >= 0) scan += performance.now() - t0;
    }
    const t1 = performance.now();
    const filter = await readShaFilter(conn);
    const read = performance.now() - t1;
    let filtered = 0;
    let hits = 0;
    for (let w = 0; w < WINDOWS; w++) {
      const shas = newWindow();
      const t0 = performance.now();
      hits += shas.filter((s) => filter.mayHave(s)).length;
      filtered += performance.now() - t0;
    }
    console.log(`| ${n.toLocaleString('en-US')} | ${(scan / WINDOWS).toFixed(1)} | ${(filtered / WINDOWS).toFixed(2)} | ${read.toFixed(0)} | ${hits} / ${(WINDOWS * 1024).toLocaleString('en-US')} |`);
    conn.closeSync();
    db.closeSync();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
