/**
 * The SQL console in headless Chromium, on the built site over the sample dataset:
 * - a shared link (`?v=sql&q=…`) fills the editor and runs nothing; the write and quoting tricks
 *   it carries are refused when run (button or Ctrl+Enter), and the dashboard's figures are unchanged;
 * - a long query runs in the console's own DuckDB: another view answers while it runs, and it can
 *   be cancelled, after which the console answers again;
 * - every DuckDB type shows as its value (not as the words of an Arrow buffer).
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { buildSampleDataset } from '../helpers/dataset.ts';
import { serveBuiltSite } from '../helpers/site.ts';

const SHOTS = 'test-results/screenshots';
let server: Server;
let browser: Browser;
let base: string;
const outside: string[] = [];

beforeAll(async () => {
  ({ server, base } = await serveBuiltSite(await buildSampleDataset()));
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

const ready = (page: Page) => page.waitForFunction(() => document.documentElement.dataset.db === 'ready' && document.documentElement.dataset.status === 'ready', null, { timeout: 90_000 });

async function open(query: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(new URL(base).origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  await page.goto(`${base}${query}`);
  await ready(page);
  return { page, errors };
}

/** Runs the editor's text with the button (or Ctrl+Enter) and waits until the console has answered. */
async function runEditor(page: Page, how: 'button' | 'keys' = 'button'): Promise<string> {
  const runs = await page.evaluate(() => Number(document.documentElement.dataset.seq));
  if (how === 'button') await page.getByRole('button', { name: /运行/ }).click();
  else {
    await page.locator('textarea').focus();
    await page.keyboard.press('Control+Enter');
  }
  await page.waitForFunction((n) => Number(document.documentElement.dataset.seq) > n && document.documentElement.dataset.status === 'ready', runs, { timeout: 60_000 });
  return page.locator('main').innerText();
}

async function viewShows(page: Page, view: string, text: string): Promise<void> {
  await page.locator(`nav a[href="?v=${view}"]`).click();
  await page.waitForFunction((t) => document.documentElement.dataset.status === 'ready' && document.querySelector('main')!.innerText.includes(t), text, { timeout: 30_000 });
}

const TRICKS = [
  'UPDATE rollup SET applications = applications * 1000',
  "SELECT $$'$$; UPDATE rollup SET applications = applications * 1000; SELECT '$$'",
  "SELECT E'\\''; UPDATE rollup SET applications = applications * 1000; SELECT E'\\''",
  'SELECT 1) q; UPDATE rollup SET applications = applications * 1000; SELECT * FROM (SELECT 1',
];

describe('SQL console in Chromium', () => {
  it.each(TRICKS)('a link with %s runs nothing on open, is refused when run, and no figure changes', async (sql) => {
    const { page, errors } = await open(`?v=sql&q=${encodeURIComponent(sql)}`);
    expect(await page.locator('textarea').inputValue()).toBe(sql);
    await expect(page.locator('[data-console="idle"]').isVisible()).resolves.toBe(true);
    expect(await page.locator('main table').count()).toBe(0);
    expect(await page.locator('main [role="alert"]').count()).toBe(0);
    if (sql === TRICKS[0]) await page.screenshot({ path: `${SHOTS}/console-link.png`, fullPage: true });
    // refused by DuckDB's parser: several statements, not a query, or not even one statement
    const refused = /只能运行一条(只读)?查询|Parser Error/;
    expect(await runEditor(page, 'button')).toMatch(refused);
    expect(await page.locator('main [role="alert"]').count()).toBe(1);
    if (sql === TRICKS[1]) await page.screenshot({ path: `${SHOTS}/console-refused.png`, fullPage: true });
    expect(await runEditor(page, 'keys')).toMatch(refused);
    expect(await page.locator('main table').count()).toBe(0);
    // the console's own copy is unchanged, and so is every view of the dashboard
    await page.locator('textarea').fill('SELECT sum(applications)::INTEGER AS total FROM rollup');
    expect(await runEditor(page)).toContain('11678');
    await viewShows(page, 'overview', '4,179');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('a long query runs apart: another view answers meanwhile, and it can be cancelled', async () => {
    const { page, errors } = await open('?v=sql');
    await page.locator('textarea').fill('SELECT sum(a.range * b.range) AS s FROM range(1000000000) a, range(1000000000) b');
    await page.getByRole('button', { name: /运行/ }).click();
    await page.getByRole('button', { name: /取消/ }).waitFor();
    await page.screenshot({ path: `${SHOTS}/console-running.png`, fullPage: true });
    // the dashboard's own DuckDB answers while the console's is busy
    const t0 = Date.now();
    await viewShows(page, 'reviews', '复议');
    await viewShows(page, 'overview', '4,179');
    const otherView = Date.now() - t0;
    await page.locator('nav a[href="?v=sql"]').click();
    const cancel = page.getByRole('button', { name: /取消/ });
    await cancel.waitFor({ timeout: 5_000 });
    const t1 = Date.now();
    await cancel.click();
    await page.getByText('已取消 / cancelled').waitFor({ timeout: 30_000 });
    const cancelMs = Date.now() - t1;
    console.log(`other views while the console ran: ${otherView} ms; cancel took ${cancelMs} ms`);
    expect(otherView).toBeLessThan(30_000);
    await page.locator('textarea').fill('SELECT 6 * 7 AS answer');
    expect(await runEditor(page)).toContain('42');
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('every type shows as its value', async () => {
    const { page, errors } = await open('?v=sql');
    await page.locator('textarea').fill(`SELECT sum(applications)::HUGEINT AS h, sum(applications) AS s, 12.50::DECIMAL(10,2) AS d,
  123456789012345678901234567.5::DECIMAL(38,1) AS big, DATE '2024-03-01' AS dt, TIMESTAMP '2024-03-01 12:34:56' AS ts,
  INTERVAL 90 MINUTE AS i, [1, 2, 3] AS l, {'a': 1, 'b': 'x'} AS st, '\\x00AB'::BLOB AS b, 9007199254740993::BIGINT AS big_int
FROM rollup`);
    await runEditor(page);
    const cells = await page.locator('main table tbody tr').first().locator('td').allInnerTexts();
    expect(cells).toEqual(['11678', '11678', '12.5', '123456789012345678901234567.5', '2024-03-01', '2024-03-01 12:34:56', '01:30:00', '[1, 2, 3]', "{'a': 1, 'b': x}", '\\x00AB', '9007199254740993']);
    await page.screenshot({ path: `${SHOTS}/console-types.png`, fullPage: true });
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  }, 120_000);
});
