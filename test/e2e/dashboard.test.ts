/**
 * The dashboard end to end in headless Chromium: the built site, served from a sub-path by a
 * plain static server, over the dataset the real ingest makes of the sample reports, with every
 * request to another origin blocked and recorded (there must be none).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { reviewsByYear } from '../../src/queries/reviews.ts';
import { NO_FILTERS } from '../../src/queries/filters.ts';
import { VIEWS } from '../../src/state/url-state.ts';
import { buildSampleDataset, openDataset, run } from '../helpers/dataset.ts';
import { REAL_REPORTS } from '../helpers/real-reports.ts';
import { serveBuiltSite } from '../helpers/site.ts';

const SHOTS = 'test-results/screenshots';
const PREFIX = '/intranet/xxgk/';
let server: Server;
let browser: Browser;
let base: string;
let datasetDir: string;
const outside: string[] = [];

beforeAll(async () => {
  datasetDir = await buildSampleDataset();
  ({ server, base } = await serveBuiltSite(datasetDir, PREFIX));
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function open(query: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 }, acceptDownloads: true });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // the network is closed: anything not from the site itself is refused and remembered
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base.replace(PREFIX, '/')) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  await page.goto(`${base}${query}`);
  await page.waitForFunction(() => document.documentElement.dataset.db === 'ready' && document.documentElement.dataset.status === 'ready', null, { timeout: 60_000 });
  return { page, errors };
}

describe('dashboard in Chromium', () => {
  for (const view of VIEWS) {
    it(`${view}: loads with data, no console error, no outside request; screenshot saved`, async () => {
      const extra = view === 'agency' ? `&a=${await agencyId('洪泽区')}` : view === 'compare' ? `&e=${await agencyId('洪泽区')},${await agencyId('巨鹿县')}` : '';
      const { page, errors } = await open(`?v=${view}${extra}`);
      await page.screenshot({ path: `${SHOTS}/${view}.png`, fullPage: true });
      expect(errors).toEqual([]);
      expect(outside).toEqual([]);
      expect(await page.locator('main').innerText()).not.toMatch(/查询出错|could not be loaded/);
      await page.close();
    });
  }

  it('a filter change updates the URL, and that URL restores the view', async () => {
    const { page } = await open('?v=overview');
    await page.getByRole('combobox', { name: '省', exact: true }).selectOption({ label: '江苏省' });
    await page.waitForFunction(() => location.search.includes('r=320000'));
    await page.waitForFunction(() => document.documentElement.dataset.status === 'ready' && document.body.innerText.includes('3,235'));
    const url = page.url();
    const tiles = await page.locator('.tiles').innerText();
    await page.close();
    const again = await open(url.slice(base.length));
    expect(await again.page.getByRole('combobox', { name: '省', exact: true }).inputValue()).toBe('320000');
    expect(await again.page.locator('.tiles').innerText()).toBe(tiles);
    expect(tiles).toContain('3,235');
    await again.page.close();
  });

  it('the naive layout (the benchmark\'s baseline) stays chosen through filter changes and shows the same numbers', async () => {
    const site = await open('?v=overview&r=320000');
    const naive = await open('?v=overview&r=320000&layout=naive');
    expect(await naive.page.evaluate(() => document.documentElement.dataset.layout)).toBe('naive');
    expect(await site.page.evaluate(() => document.documentElement.dataset.layout)).toBe('site');
    expect(await naive.page.locator('.tiles').innerText()).toBe(await site.page.locator('.tiles').innerText());
    await naive.page.getByRole('combobox', { name: '省', exact: true }).selectOption({ label: '全国' });
    await naive.page.waitForFunction(() => !location.search.includes('r=320000'));
    expect(naive.page.url()).toContain('layout=naive');
    await site.page.close();
    await naive.page.close();
  });

  it('unknown codes in a link are ignored with a visible notice; the data folder can be chosen, same site only', async () => {
    const { page } = await open('?v=overview&k=nonsense&r=12ab&from=1800&data=https://example.com/evil/');
    const text = await page.locator('.notices').innerText();
    expect(text).toContain('example.com');
    const own = await open('?v=overview&data=./data/');
    expect(await own.page.locator('.tiles').innerText()).toContain('4,179');
    await own.page.close();
    expect(text).toContain('k=nonsense');
    expect(text).toContain('r=12ab');
    expect(text).toContain('from=1800');
    await page.close();
  });

  it('the CSV download equals the rows of its query', async () => {
    const { page } = await open('?v=reviews');
    const table = page.locator('.table-wrap', { hasText: '按年度' }).first();
    const [download] = await Promise.all([page.waitForEvent('download'), table.getByRole('button', { name: '下载 CSV' }).click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    const [head, ...lines] = csv.slice(1).trim().split('\r\n');
    const cols = head.split(',');
    const rows = await run(await openDataset(datasetDir), reviewsByYear(NO_FILTERS));
    expect(lines).toHaveLength(rows.length);
    lines.forEach((line, i) => {
      const cells = line.split(',');
      cols.forEach((c, k) => {
        const want = rows[i][c];
        expect(cells[k] === '' ? null : Number(cells[k])).toBe(want === null || want === undefined ? null : Number(want));
      });
    });
    await page.close();
  });

  it('the numbers shown for one agency are its report\'s cells', async () => {
    const { page } = await open(`?v=agency&a=${await agencyId('洪泽区')}`);
    const expected = REAL_REPORTS.find((r) => r.name === '2024_huaian-hongze-district-government.pdf')!.expected.cells;
    const report = page.locator('article.report', { hasText: '2024 年' });
    const t3 = report.locator('table.printed', { hasText: '自然人' });
    const row = (label: string) => t3.locator('tr', { has: page.locator('th', { hasText: label }) }).first().locator('td');
    expect(await row('一、本年新收').allInnerTexts()).toEqual(['natural', 'org_business', 'org_research', 'org_nonprofit', 'org_legal', 'org_other', 'total'].map((a) => String(expected['app.new'][a])));
    expect(await row('（一）予以公开').first().innerText()).toBe(String(expected['app.res.granted'].natural));
    const t4 = await report.locator('table.printed', { hasText: '行政复议' }).locator('tbody td').allInnerTexts();
    expect(t4.map(Number)).toEqual(['rev', 'lit_direct', 'lit_after_rev'].flatMap((b) => ['upheld', 'corrected', 'other', 'pending', 'total'].map((r) => expected[`${b}.${r}`]._)));
    // the 2023 report's failing table 四 cells are highlighted
    expect(await page.locator('article.report', { hasText: '2023 年' }).locator('td.fails').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('is usable at 360 px and by keyboard', async () => {
    const { page } = await open('?v=overview', 360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(362);
    await page.screenshot({ path: `${SHOTS}/overview-360px.png`, fullPage: true });
    await page.locator('nav a').first().focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.search.includes('v=outcomes') && document.documentElement.dataset.status === 'ready');
    await page.close();
  });

  it('the SQL console reads but cannot write, load or reach out', async () => {
    const { page } = await open('?v=sql');
    const runQuery = async (sql: string) => {
      await page.locator('textarea').fill(sql);
      const seq = await page.evaluate(() => Number(document.documentElement.dataset.seq));
      await page.getByRole('button', { name: /运行/ }).click();
      // the console answers from its own DuckDB: wait for the answer, not a fixed time
      await page.waitForFunction((n) => Number(document.documentElement.dataset.seq) > n && document.documentElement.dataset.status === 'ready', seq);
      return page.locator('main').innerText();
    };
    expect(await runQuery('select count(*) as n from reports')).toContain('6');
    for (const sql of ['drop table reports', "copy reports to 'x.csv'", "select * from read_csv('http://example.com/x.csv')", 'install httpfs', "attach 'x.db'", 'set enable_external_access = true']) {
      expect(await runQuery(sql)).toMatch(/Error|error|错误|only one|一条/i);
    }
    expect(await runQuery('select count(*) as n from reports')).toContain('6');
    expect(outside).toEqual([]);
    await page.close();
  });
});

const ids = new Map<string, string>();
async function agencyId(name: string): Promise<string> {
  if (!ids.size) {
    const conn = await openDataset(datasetDir);
    for (const r of await run(conn, { sql: 'SELECT agency_id, canonical_name FROM agencies', params: [] })) ids.set(r.canonical_name as string, r.agency_id as string);
  }
  return [...ids].find(([n]) => n.includes(name))![1];
}
