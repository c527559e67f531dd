/**
 * Two promises kept in every order (issue 26, item 8), on the sample dataset in Chromium:
 * - a link's impossible values (a region with no report, years outside the dataset, from after
 *   to) are refused with a visible notice and the URL falls back to valid values;
 * - in 年报体检, a file chosen before the dataset has loaded (its requests slowed) starts no request:
 *   loading is held and said to be; the dataset is read only when the button is pressed, by GET
 *   requests to this site, and the comparison then appears.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { buildSampleDataset } from '../helpers/dataset.ts';
import { serveBuiltSite } from '../helpers/site.ts';

const SHOTS = 'test-results/screenshots';
let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ({ server, base } = await serveBuiltSite(await buildSampleDataset()));
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('link values the dataset cannot have', () => {
  it('r=999999, from=2024&to=2019 and from=2005 are refused with a notice; the URL keeps only valid values', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}?v=outcomes&r=999999&from=2024&to=2019&k=government`);
    await page.waitForFunction(() => document.documentElement.dataset.db === 'ready' && document.documentElement.dataset.status === 'ready', null, { timeout: 60_000 });
    const text = await page.locator('.notices').innerText();
    expect(text).toContain('r=999999 不是本数据集中的地区');
    expect(text).toContain('from=2024 晚于 to=2019');
    expect(new URL(page.url()).search).toBe('?v=outcomes&k=government');
    await page.screenshot({ path: join(SHOTS, 'link-refused.png') });

    await page.goto(`${base}?v=outcomes&from=2005&r=320800`);
    await page.waitForFunction(() => document.documentElement.dataset.db === 'ready' && document.documentElement.dataset.status === 'ready', null, { timeout: 60_000 });
    expect(await page.locator('.notices').innerText()).toContain('from=2005 超出本数据集的年度（2019–2024）');
    // 淮安市 (320800) has reports in the samples: kept
    expect(new URL(page.url()).search).toBe('?v=outcomes&r=320800');
    await page.close();
  }, 120_000);
});

describe('年报体检 before the dataset has loaded', () => {
  it('a file chosen at once: no request after it until 载入数据集并比较 is pressed, then only GETs to this site', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // the dataset's files arrive 3 s late, so the file is chosen while they load
    await page.route('**/data/**', async (route) => {
      await new Promise((r) => setTimeout(r, 3_000));
      await route.continue().catch(() => undefined);
    });
    await page.goto(`${base}?v=check`);
    await page.waitForSelector('input[type=file]:not([disabled])', { timeout: 60_000 });
    expect(await page.evaluate(() => document.documentElement.dataset.db)).not.toBe('ready');
    const requests: { url: string; method: string }[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('blob:')) requests.push({ url: r.url(), method: r.method() });
    });
    const before = Number(await page.evaluate(() => document.documentElement.dataset.seq ?? 0));
    await page.locator('input[type=file]').setInputFiles('data/samples/2024_huaian-hongze-district-government.pdf');
    await page.waitForFunction((b) => document.documentElement.dataset.status === 'ready' && Number(document.documentElement.dataset.seq) > b, before, { timeout: 60_000 });
    // long enough for the slowed files to arrive and the loading to go on, were it not held
    await page.waitForTimeout(8_000);
    expect(requests).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.dataset.db)).not.toBe('ready');
    const held = page.locator('p.status.held');
    expect(await held.innerText()).toContain('本页已暂停载入数据集');
    await page.screenshot({ path: join(SHOTS, 'check-held.png') });

    await held.getByRole('button', { name: '载入数据集并比较' }).click();
    const article = page.locator('article.result').first();
    await article.getByText('与 2023 年报告').waitFor({ timeout: 90_000 });
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((r) => r.method !== 'GET' || !r.url.startsWith(base))).toEqual([]);
    expect(requests.some((r) => r.url.includes('/data/'))).toBe(true);
    await expect(article.locator('td', { hasText: '不一致' }).count()).resolves.toBe(0);
    await page.screenshot({ path: join(SHOTS, 'check-loaded.png') });
    await page.close();
  }, 180_000);
});
