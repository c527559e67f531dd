/**
 * npm run bench:scale -- [--sizes 1000,10000,100000] [--dir bench-data]
 *
 * Ingest at scale over synthetic corpora (text and HTML, made once by npm run synth and kept in
 * --dir): reports per second of the whole run and of its reading phase (files read, parsed and
 * appended to the work database, before the dataset is written), peak memory of the whole
 * ingest at each size (its processes together, reading rounds and tsx's esbuild included, and
 * its largest process), dataset size on disk, and the accuracy against the corpus's truth (cells
 * right, wrong numbers).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { checkAccuracy } from './lib/accuracy.ts';
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

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '1000,10000,100000' }, dir: { type: 'string', default: 'bench-data' }, jobs: { type: 'string' } } });
const sizes = values.sizes.split(',').map(Number);
const du = (p: string): number => (statSync(p).isDirectory() ? readdirSync(p).reduce((n, f) => n + du(join(p, f)), 0) : statSync(p).size);
const rows: string[] = [];
for (const n of sizes) {
  const corpus = join(values.dir, `synth-${n}`);
  if (!existsSync(join(corpus, 'synthetic.json'))) {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/synth.ts', '--reports', String(n), '--seed', '2026', '--pdf', '0', '--docx', '0', '--out', corpus], { stdio: 'inherit' });
  }
  const out = join(values.dir, `dataset-${n}`);
  const run = await runSampled('/usr/bin/time', ['-f', '%e %M', process.execPath, '--import', 'tsx', 'scripts/ingest.ts', '--fresh', ...(values.jobs ? ['--jobs', values.jobs] : []), '--sources', join(corpus, 'SOURCES.tsv'), '--out', out, corpus]);
  if (run.status !== 0) throw new Error(run.stderr);
  // time gives the largest process's exact peak; the sampled sum, all the processes together
  const [seconds, maxKb] = run.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  const together = run.peakPss / 1048576;
  // the summary's phase times: files read, parsed and appended, then the dataset written
  const phases = run.stdout.match(/用时 time: (.*)/)?.[1] ?? '';
  const read = Number(phases.match(/read ([\d.]+) s/)?.[1]);
  // said before the accuracy check, which at a million reports takes a while of its own
  console.error(`ingest of ${n} reports: ${seconds.toFixed(1)} s, ${(n / seconds).toFixed(0)} reports/s, peak ${together.toFixed(0)} MB together, largest process ${(maxKb / 1024).toFixed(0)} MB; ${phases}`);
  const acc = await checkAccuracy(corpus, out);
  const line = `| ${n.toLocaleString('en-US')} | ${seconds.toFixed(1)} | ${(n / seconds).toFixed(0)} | ${read.toFixed(1)} | ${(n / read).toFixed(0)} | ${together.toFixed(0)} | ${(maxKb / 1024).toFixed(0)} | ${(du(out) / 1048576).toFixed(1)} | ${acc.right.toLocaleString('en-US')} / ${acc.truth_cells.toLocaleString('en-US')} | ${acc.wrong_numbers} | ${acc.unreadable} | ${acc.error_reports_flagged}/${acc.error_reports} · ${acc.clean_reports_flagged} |`;
  rows.push(line);
  console.error(line);
}
console.log(`ingest at scale — synthetic text/HTML corpora, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, node ${process.version}, ${values.jobs ? `--jobs ${values.jobs}` : 'default threads'}`);
console.log('| reports | seconds (whole run) | reports/s (whole run) | seconds reading (read, parse, append) | reports/s reading | peak memory MB, processes together (PSS, sampled 4/s) | peak RSS MB, largest process | dataset MB | cells right / truth | wrong numbers | unreadable | injected errors flagged · clean flagged |');
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
for (const r of rows) console.log(r);
