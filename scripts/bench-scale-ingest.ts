/**
 * npm run bench:scale -- [--sizes 1000,10000,100000] [--repeat N] [--dir bench-data]
 *
 * Ingest at scale over synthetic corpora (text and HTML, made once by npm run synth and kept in
 * --dir): reports per second of the whole run and of its reading phase (files read, parsed and
 * appended to the work database, before the dataset is written), peak memory of the whole
 * ingest at each size (its processes together, reading rounds and tsx's esbuild included, and
 * its largest process), dataset size on disk, and the accuracy against the corpus's truth (cells
 * right, wrong numbers). With --repeat, each size is ingested N times in a row: the times are
 * printed as the median and the range, since one run on this VM is not a margin (docs/scale.md).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkAccuracy } from './lib/accuracy.ts';
import { formatSpread, spread } from './lib/spread.ts';
import { sampleTreePeak } from './lib/tree-memory.ts';

/** Runs a command to its end, sampling the memory of its processes together meanwhile. */
function runSampled(cmd: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string; peakPss: number }> {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const sampler = sampleTreePeak(child.pid!);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr, peakPss: sampler.stop() }));
  });
}

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000,100000' }, dir: { type: 'string', default: 'bench-data' }, jobs: { type: 'string' }, repeat: { type: 'string', default: '1' } } });
const sizes = values.sizes.split(',').map(Number);
const repeat = Math.max(1, Number(values.repeat));
const du = (p: string): number => (statSync(p).isDirectory() ? readdirSync(p).reduce((n, f) => n + du(join(p, f)), 0) : statSync(p).size);

interface Run { seconds: number; read: number; together: number; largest: number; digest: string }

/** One fresh ingest of `corpus` into `out`, timed and sampled. */
async function ingestOnce(n: number, corpus: string, out: string, i: number): Promise<Run> {
  const run = await runSampled('/usr/bin/time', ['-f', '%e %M', process.execPath, '--import', 'tsx', 'scripts/ingest.ts', '--fresh', ...(values.jobs ? ['--jobs', values.jobs] : []), '--sources', join(corpus, 'SOURCES.tsv'), '--out', out, corpus]);
  if (run.status !== 0) throw new Error(run.stderr);
  // time gives the largest process's exact peak; the sampled sum, all the processes together
  const [seconds, maxKb] = run.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  // the summary's phase times: files read, parsed and appended, then the dataset written
  const phases = run.stdout.match(/用时 time: (.*)/)?.[1] ?? '';
  const r: Run = { seconds, read: Number(phases.match(/read ([\d.]+) s/)?.[1]), together: run.peakPss / 1048576, largest: maxKb / 1024, digest: JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).rows_digest };
  console.error(`ingest of ${n} reports${repeat > 1 ? ` (run ${i + 1} of ${repeat})` : ''}: ${seconds.toFixed(1)} s, ${(n / seconds).toFixed(0)} reports/s, peak ${r.together.toFixed(0)} MB together, largest process ${r.largest.toFixed(0)} MB; ${phases}`);
  return r;
}

const rows: string[] = [];
for (const n of sizes) {
  const corpus = join(values.dir, `synth-${n}`);
  if (!existsSync(join(corpus, 'synthetic.json'))) {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/synth.ts', '--reports', String(n), '--seed', '2026', '--pdf', '0', '--docx', '0', '--out', corpus], { stdio: 'inherit' });
  }
  const out = join(values.dir, `dataset-${n}`);
  const runs: Run[] = [];
  for (let i = 0; i < repeat; i++) runs.push(await ingestOnce(n, corpus, out, i));
  // every run must write the same rows; the last one's are checked against the truth
  if (new Set(runs.map((r) => r.digest)).size > 1) throw new Error(`runs of ${n} reports wrote different rows: ${runs.map((r) => r.digest).join(', ')}`);
  const acc = await checkAccuracy(corpus, out);
  const of = (f: (r: Run) => number, digits: number) => formatSpread(spread(runs.map(f)), digits);
  // a peak is a bound: the highest of the runs, not their median
  const line = `| ${n.toLocaleString('en-US')} | ${runs.length} | ${of((r) => r.seconds, 1)} | ${of((r) => n / r.seconds, 0)} | ${of((r) => r.read, 1)} | ${of((r) => n / r.read, 0)} | ${Math.max(...runs.map((r) => r.together)).toFixed(0)} | ${Math.max(...runs.map((r) => r.largest)).toFixed(0)} | ${(du(out) / 1048576).toFixed(1)} | ${acc.right.toLocaleString('en-US')} / ${acc.truth_cells.toLocaleString('en-US')} | ${acc.wrong_numbers} | ${acc.unreadable} | ${acc.error_reports_flagged}/${acc.error_reports} · ${acc.clean_reports_flagged} |`;
  rows.push(line);
  console.error(line);
}
console.log(`ingest at scale — synthetic text/HTML corpora, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, node ${process.version}, ${values.jobs ? `--jobs ${values.jobs}` : 'default threads'}; times: median (fastest–slowest) of the runs, peaks: the highest`);
console.log('| reports | runs | seconds (whole run) | reports/s (whole run) | seconds reading (read, parse, append) | reports/s reading | peak memory MB, processes together (PSS, sampled 4/s) | peak RSS MB, largest process | dataset MB | cells right / truth | wrong numbers | unreadable | injected errors flagged · clean flagged |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const r of rows) console.log(r);
