/**
 * npm run bench:ingest [-- --reports N]
 *
 * Times the ingest over N text/HTML reports (copies of the real sample reports and the quirk
 * fixtures under new names, each made distinct by a trailing comment so none is a duplicate)
 * and prints reports per second and peak memory, overall and by format.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestPaths } from './lib/ingest-batch.ts';
import { writeDataset } from './lib/write-dataset.ts';

const { values } = parseArgs({ options: { reports: { type: 'string', default: '1000' } } });
const N = Number(values.reports);

const SOURCES = [
  'data/samples/julu-county-office-2024.txt',
  'data/samples/2019_shanghai-municipal-government-office.html',
  'data/samples/2022_pingtan-comprehensive-zone.html',
  'test/fixtures/quirks/markdown-pipe-tables.md',
  'test/fixtures/quirks/aligned-columns.txt',
  'test/fixtures/quirks/numbers-as-written.html',
];

function copies(dir: string, n: number, sources: string[]): void {
  const bytes = sources.map((s) => readFileSync(s));
  for (let i = 0; i < n; i++) {
    const k = i % sources.length;
    const src = sources[k];
    const ext = src.slice(src.lastIndexOf('.'));
    const tag = ext === '.html' ? `\n<!-- copy ${i} -->\n` : `\n\n（副本 ${i}）\n`;
    writeFileSync(join(dir, `r${String(i).padStart(7, '0')}${ext}`), Buffer.concat([bytes[k], Buffer.from(tag)]));
  }
}

async function run(label: string, sources: string[], n: number) {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-'));
  const input = join(dir, 'in');
  mkdirSync(input);
  copies(input, n, sources);
  const t0 = performance.now();
  const { rows, inputs } = await ingestPaths([input]);
  const t1 = performance.now();
  await writeDataset(join(dir, 'out'), rows, { generator: 'bench', inputs });
  const t2 = performance.now();
  rmSync(dir, { recursive: true, force: true });
  const ok = rows.reports.filter((r) => r.status === 'ok').length;
  return { label, n, ok, parseS: (t1 - t0) / 1000, totalS: (t2 - t0) / 1000, cells: rows.cells.length };
}

const results = [await run('all text/HTML', SOURCES, N)];
for (const s of SOURCES) results.push(await run(s.split('/').pop()!, [s], Math.max(100, Math.round(N / 5))));
const rss = process.resourceUsage().maxRSS / 1024;
console.log(`ingest benchmark — node ${process.version}, ${(await import('node:os')).cpus().length} cores, single process`);
console.log('| input | reports | ok | cells | parse s | parse+write s | reports/s |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  console.log(`| ${r.label} | ${r.n} | ${r.ok} | ${r.cells} | ${r.parseS.toFixed(2)} | ${r.totalS.toFixed(2)} | ${(r.n / r.totalS).toFixed(0)} |`);
}
console.log(`peak RSS: ${rss.toFixed(0)} MB`);
console.log(`target ≥ 200 reports/s: ${results[0].n / results[0].totalS >= 200 ? 'met' : 'NOT met'} (${(results[0].n / results[0].totalS).toFixed(0)} reports/s, ${(results[0].n / results[0].totalS / 200).toFixed(1)}× the target)`);
