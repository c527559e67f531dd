/**
 * npm run bench:ingest [-- --reports N --pdfs N --docx N]
 *
 * Times the ingest on this machine, all cores, over copies of real reports under new names (each
 * made distinct by a trailing comment so that none is a duplicate): text/HTML (the samples and
 * quirk fixtures), PDF (洪泽区 2023, 5 pages), DOCX (the national blank form filled with the
 * numbers of 淮安市 2024). Prints reports per second and peak memory.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fillBlankForm } from './lib/render/render-docx.ts';
import { ingestToDataset } from './lib/ingest-batch.ts';
import { REAL_REPORTS, specOf } from '../test/helpers/real-reports.ts';

const { values } = parseArgs({ options: { reports: { type: 'string', default: '1000' }, pdfs: { type: 'string', default: '200' }, docx: { type: 'string', default: '200' } } });

const TEXT_SOURCES = [
  'data/samples/julu-county-office-2024.txt',
  'data/samples/2019_shanghai-municipal-government-office.html',
  'data/samples/2022_pingtan-comprehensive-zone.html',
  'test/fixtures/quirks/markdown-pipe-tables.md',
  'test/fixtures/quirks/aligned-columns.txt',
  'test/fixtures/quirks/numbers-as-written.html',
];

type Source = { ext: string; bytes: Uint8Array };

function tagged(s: Source, i: number): Buffer {
  const tag = s.ext === '.html' ? `\n<!-- copy ${i} -->\n` : s.ext === '.pdf' ? `\n%copy ${i}\n` : s.ext === '.docx' ? '' : `\n\n（副本 ${i}）\n`;
  return Buffer.concat([Buffer.from(s.bytes), Buffer.from(tag)]);
}

async function run(label: string, sources: Source[], n: number, workers: number, make?: (i: number) => Uint8Array) {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-'));
  const input = join(dir, 'in');
  mkdirSync(input);
  for (let i = 0; i < n; i++) {
    const s = sources[i % sources.length];
    writeFileSync(join(input, `r${String(i).padStart(7, '0')}${s.ext}`), make ? make(i) : tagged(s, i));
  }
  const t0 = performance.now();
  const { manifest, peakRss } = await ingestToDataset([input], join(dir, 'out'), { workers, generator: 'bench' });
  runsPeak = Math.max(runsPeak, peakRss);
  const t1 = performance.now();
  rmSync(dir, { recursive: true, force: true });
  return { label, n, workers, cells: manifest.row_counts.cells, totalS: (t1 - t0) / 1000 };
}

const text = TEXT_SOURCES.map((p) => ({ ext: p.slice(p.lastIndexOf('.')), bytes: new Uint8Array(readFileSync(p)) }));
const pdf = [{ ext: '.pdf', bytes: new Uint8Array(readFileSync('data/samples/2023_huaian-hongze-district-government.pdf')) }];
const blank = new Uint8Array(readFileSync('test/fixtures/docx/blank-form-v2021.docx'));
const huaian = specOf(REAL_REPORTS.find((r) => r.name === '2024_huaian-city-government.pdf')!.expected);
// DOCX copies differ in their agency name (a zip cannot take a trailing comment)
const docx = (i: number) => fillBlankForm(blank, { ...huaian, agency: `淮安市人民政府（副本${i}）` });

const cores = availableParallelism();
let runsPeak = 0;
const results: Awaited<ReturnType<typeof run>>[] = [];
for (const workers of [0, cores]) {
  results.push(await run('text/HTML (6 real and quirk reports)', text, Number(values.reports), workers));
  results.push(await run('PDF (洪泽区 2023, 5 pages)', pdf, Number(values.pdfs), workers));
  results.push(await run('DOCX (blank form filled)', [{ ext: '.docx', bytes: blank }], Number(values.docx), workers, docx));
}
// a batch read in rounds held its rounds' processes too
const rss = Math.max(process.resourceUsage().maxRSS * 1024, runsPeak) / 1048576;
console.log(`ingest benchmark — ${cpus()[0]?.model ?? 'cpu'}, ${cores} cores, node ${process.version}`);
console.log('| input | reports | threads | cells | seconds (read, parse, write Parquet) | reports/s |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const r of results) console.log(`| ${r.label} | ${r.n} | ${r.workers ? `${r.workers} workers` : 'main'} | ${r.cells} | ${r.totalS.toFixed(2)} | ${(r.n / r.totalS).toFixed(0)} |`);
console.log(`peak RSS (all threads, and any reading rounds' processes): ${rss.toFixed(0)} MB`);
const rate = (label: string, workers: number) => {
  const r = results.find((x) => x.label.startsWith(label) && x.workers === workers)!;
  return r.n / r.totalS;
};
for (const [label, target] of [['text/HTML', 200], ['PDF', 20]] as const) {
  const one = rate(label, 0);
  const all = rate(label, cores);
  console.log(`${label}: ${one.toFixed(0)}/s on one thread, ${all.toFixed(0)}/s on ${cores} workers (×${(all / one).toFixed(2)}); target ${target}/s: ${Math.max(one, all) >= target ? 'met' : 'NOT met'} (${(Math.max(one, all) / target).toFixed(1)}×)`);
}
