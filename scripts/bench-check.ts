/**
 * npm run bench:check — 年报体检 in headless Chromium: from choosing a file to its result drawn,
 * for the 5-page PDF of 洪泽区 2023 (and the other sample formats), 5 times each, the engine
 * loaded beforehand as the page does. Target: ≤ 2 s for the PDF. Builds the site when dist/ is missing.
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { cpus } from 'node:os';
import { build } from 'vite';
import { launchChromium } from './lib/chromium.ts';
import { listen, serveStatic } from './lib/static-server.ts';

const dist = process.argv.find((a) => a.startsWith('--dist='))?.slice(7) ?? 'dist';
if (!existsSync(`${dist}/index.html`)) await build({ logLevel: 'warn', build: { outDir: dist } });
const server = serveStatic(dist, '/');
const base = `http://127.0.0.1:${await listen(server)}/`;
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`${base}?v=check`);
await page.waitForFunction(() => document.documentElement.dataset.status === 'ready', null, { timeout: 60_000 });
await page.waitForSelector('input[type=file]:not([disabled])', { timeout: 60_000 });

const FILES = ['data/samples/2023_huaian-hongze-district-government.pdf', 'data/samples/2024_huaian-city-government.pdf', 'data/samples/2022_pingtan-comprehensive-zone.html', 'data/samples/julu-county-office-2024.txt'];
const rows: string[] = [];
let pdfWorst = 0;
for (const file of FILES) {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const before = Number(await page.evaluate(() => document.documentElement.dataset.seq ?? 0));
    const start = await page.evaluate(() => performance.now());
    await page.locator('input[type=file]').setInputFiles(file);
    await page.waitForFunction((b) => document.documentElement.dataset.status === 'ready' && Number(document.documentElement.dataset.seq) > b, before, { timeout: 60_000, polling: 'raf' });
    times.push((await page.evaluate(() => performance.now())) - start);
  }
  times.sort((a, b) => a - b);
  if (file.includes('2023_huaian-hongze')) pdfWorst = times[times.length - 1];
  rows.push(`| ${basename(file)} | ${times[2].toFixed(0)} ms | ${times[times.length - 1].toFixed(0)} ms |`);
}
await browser.close();
server.close();
console.log(`年报体检 benchmark — headless Chromium, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}: from choosing the file to its result drawn (5 runs)`);
console.log('| file | median | slowest |');
console.log('|---|---:|---:|');
for (const r of rows) console.log(r);
console.log(`5-page PDF (洪泽区 2023), slowest of 5: ${pdfWorst.toFixed(0)} ms — target ≤ 2000 ms: ${pdfWorst <= 2000 ? 'met' : 'NOT met'}`);
