/**
 * npm run bench:dashboard -- [--datasets DIR,DIR…] [--layouts site,naive] [--changes 20]
 *
 * The built site in headless Chromium, a fresh profile and no cache for every run: time to
 * the first chart, to DuckDB ready, from a filter change to the updated view (median and p95),
 * bytes transferred for the overview, and the memory of all Chromium processes (PSS). Each
 * dataset is measured in the site layout and in the naive one (the long tables loaded whole,
 * every query computed from them), side by side as a ratio. Without --datasets: the site's
 * own bundled data. Builds the site first when dist/ is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import type { Browser } from 'playwright-core';
import { launchChromium } from './lib/chromium.ts';
import { listen, serveStatic } from './lib/static-server.ts';
import { processTree, pssOf } from './lib/tree-memory.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    datasets: { type: 'string', default: '' },
    layouts: { type: 'string', default: 'site,naive' },
    changes: { type: 'string', default: '20' },
    timeout: { type: 'string', default: '180' },
  },
});
const dist = values.dist;
if (!existsSync(`${dist}/index.html`)) await build({ logLevel: 'warn', build: { outDir: dist } });
const datasets = values.datasets ? values.datasets.split(',').map((d) => resolve(d)) : [resolve(dist, 'data')];
const mounts = Object.fromEntries(datasets.map((d, i) => [`/datasets/${i}/`, d]));
const server = serveStatic(dist, '/', mounts);
const base = `http://127.0.0.1:${await listen(server)}/`;
const timeout = Number(values.timeout) * 1000;

interface Run { firstChart: number; ready: number; p50: number; p95: number; changes: number; mb: number; memory: number; error?: string }

/** PSS of the benchmark browser's processes, in MB (shared pages counted once), not of other Chromiums running. */
const chromiumPss = (marker: string): number => pssOf(processTree({ marker })) / 1048576;

async function measure(browser: Browser, marker: string, dataIndex: number, layout: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength;
  });
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, chromiumPss(marker));
  }, 250);
  const run: Run = { firstChart: NaN, ready: NaN, p50: NaN, p95: NaN, changes: 0, mb: NaN, memory: NaN };
  try {
    const t0 = Date.now();
    await page.goto(`${base}?data=/datasets/${dataIndex}/${layout === 'naive' ? '&layout=naive' : ''}`);
    await page.waitForSelector('.chart svg', { timeout });
    run.firstChart = Date.now() - t0;
    const summarySeq = Number(await page.evaluate(() => document.documentElement.dataset.seq ?? 0));
    await page.waitForFunction(() => document.documentElement.dataset.db === 'ready' || document.documentElement.dataset.db === 'error', null, { timeout, polling: 100 });
    if ((await page.evaluate(() => document.documentElement.dataset.db)) === 'error') throw new Error(await page.locator('.status.error, [role=alert]').first().innerText().catch(() => 'error'));
    const used = await page.evaluate(() => document.documentElement.dataset.layout);
    if (used !== layout) throw new Error(`the page used the ${used} layout, not ${layout}`);
    // the overview as DuckDB computes it, drawn (a newer ready mark than the summary's)
    await page.waitForFunction((b) => document.documentElement.dataset.status === 'ready' && Number(document.documentElement.dataset.seq) > b, summarySeq, { timeout });
    run.ready = Date.now() - t0;
    run.mb = bytes / 1048576;
    const changes: number[] = [];
    const province = page.getByRole('combobox', { name: '省', exact: true });
    const from = page.getByRole('combobox', { name: '起始年度', exact: true });
    const provinces = (await province.locator('option').allInnerTexts()).slice(1);
    const years = (await from.locator('option').allInnerTexts()).slice(1);
    for (let i = 0; changes.length < Number(values.changes) && i < 200; i++) {
      // alternate a province and a start year on and off, a different province each time
      const select = i % 2 === 0 ? province : from;
      const options = i % 2 === 0 ? provinces : years;
      const value = i % 4 < 2 ? options[(i >> 2) % options.length] : '全部';
      const label = value === '全部' ? (i % 2 === 0 ? '全国' : '全部') : value;
      if ((await select.locator('option:checked').innerText()) === label) continue;
      const before = Number(await page.evaluate(() => document.documentElement.dataset.seq ?? 0));
      const start = await page.evaluate(() => performance.now());
      await select.selectOption({ label });
      await page.waitForFunction((b) => document.documentElement.dataset.status === 'ready' && Number(document.documentElement.dataset.seq) > b, before, { timeout, polling: 'raf' });
      changes.push((await page.evaluate(() => performance.now())) - start);
    }
    const sorted = [...changes].sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    Object.assign(run, { p50: q(0.5), p95: q(0.95), changes: changes.length });
  } catch (e) {
    run.error = (e as Error).message.split('\n')[0].slice(0, 120);
  } finally {
    clearInterval(sampler);
    run.memory = Math.max(peak, chromiumPss(marker));
    await context.close().catch(() => undefined);
  }
  return run;
}

const fmt = (v: number, unit: string, digits = 0) => (Number.isFinite(v) ? `${v.toFixed(digits)} ${unit}` : '—');
const ratio = (naive: number, site: number) => (Number.isFinite(naive) && Number.isFinite(site) && site > 0 ? `${(naive / site).toFixed(1)}×` : '—');
const lines: string[] = [];
for (const [i, dir] of datasets.entries()) {
  const manifest = JSON.parse(readFileSync(resolve(dir, 'manifest.json'), 'utf8')) as { row_counts: Record<string, number> };
  const reports = manifest.row_counts.reports;
  const runs: Record<string, Run> = {};
  for (const layout of values.layouts.split(',')) {
    // a fresh browser per run: nothing cached, memory measured from the start
    const marker = `--xxgk-bench=${process.pid}-${i}-${layout}`;
    const browser = await launchChromium([marker]);
    // a page that stops answering (the naive layout at scale) is given up on, its browser killed
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<Run>((done) => {
      timer = setTimeout(() => done({ firstChart: NaN, ready: NaN, p50: NaN, p95: NaN, changes: 0, mb: NaN, memory: chromiumPss(marker), error: `no answer within ${(2 * timeout) / 1000} s` }), 2 * timeout);
    });
    runs[layout] = await Promise.race([measure(browser, marker, i, layout), deadline]);
    clearTimeout(timer);
    await Promise.race([browser.close().catch(() => undefined), new Promise((done) => setTimeout(done, 10_000))]);
    for (const pid of processTree({ marker })) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
    const r = runs[layout];
    console.error(`${basename(dir)} ${layout}: ${r.error ?? `first chart ${r.firstChart} ms, ready ${r.ready} ms, p95 ${r.p95?.toFixed(0)} ms, ${r.mb.toFixed(1)} MB, ${r.memory.toFixed(0)} MB PSS`}`);
  }
  const s = runs.site;
  const n = runs.naive;
  const cell = (r: Run | undefined, v: (r: Run) => string) => (!r ? 'not run' : r.error && !Number.isFinite(r.firstChart) ? `failed: ${r.error}` : v(r));
  lines.push(`| ${reports.toLocaleString('en-US')} | ${manifest.row_counts.cells.toLocaleString('en-US')} | site | ${cell(s, (r) => fmt(r.firstChart, 'ms'))} | ${cell(s, (r) => fmt(r.ready, 'ms'))} | ${cell(s, (r) => `${fmt(r.p50, 'ms')} / ${fmt(r.p95, 'ms')}`)} | ${cell(s, (r) => fmt(r.mb, 'MB', 1))} | ${cell(s, (r) => fmt(r.memory, 'MB'))} |`);
  if (n) {
    const why = n.error ? ` (${n.error})` : '';
    lines.push(`| | | naive${why} | ${cell(n, (r) => `${fmt(r.firstChart, 'ms')} (${ratio(r.firstChart, s?.firstChart ?? NaN)})`)} | ${cell(n, (r) => `${fmt(r.ready, 'ms')} (${ratio(r.ready, s?.ready ?? NaN)})`)} | ${cell(n, (r) => `${fmt(r.p50, 'ms')} / ${fmt(r.p95, 'ms')} (${ratio(r.p95, s?.p95 ?? NaN)})`)} | ${cell(n, (r) => `${fmt(r.mb, 'MB', 1)} (${ratio(r.mb, s?.mb ?? NaN)})`)} | ${cell(n, (r) => `${fmt(r.memory, 'MB')} (${ratio(r.memory, s?.memory ?? NaN)})`)} |`);
  }
}
server.close();
console.log(`dashboard benchmark — headless Chromium (fresh profile, cache disabled), ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`);
console.log('targets (issue 5, 1,000,000 reports): first chart ≤ 2 s cold, filter p95 ≤ 300 ms, browser memory ≤ 1 GB, overview download ≤ 10 MB');
console.log('| reports | cells | layout | first chart | overview ready (DuckDB) | filter change p50 / p95 | overview download | browser memory (PSS, peak) |');
console.log('|---:|---:|---|---:|---:|---:|---:|---:|');
for (const l of lines) console.log(l);
