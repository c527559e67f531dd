/**
 * 年报体检 end to end in Chromium: each real sample report (and one DOCX, the national blank form
 * filled with a real report's numbers) is chosen on the page; no request is made from then on;
 * the cells and findings the page reports (its JSON download) are the ingest's for the same file.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { fillBlankForm } from '../../scripts/lib/render/render-docx.ts';
import { buildSampleDataset, ingestRows } from '../helpers/dataset.ts';
import { serveBuiltSite } from '../helpers/site.ts';
import { REAL_REPORTS, specOf } from '../helpers/real-reports.ts';

const SHOTS = 'test-results/screenshots';
let server: Server;
let browser: Browser;
let base: string;
const dir = mkdtempSync(join(tmpdir(), 'xxgk-check-'));
const DOCX = join(dir, '巨鹿县人民政府办公室2024年报（空白表填写）.docx');
writeFileSync(DOCX, fillBlankForm(new Uint8Array(readFileSync('test/fixtures/docx/blank-form-v2021.docx')), specOf(REAL_REPORTS.find((r) => r.name.startsWith('julu'))!.expected)));
// and the marks fixtures: footnote markers and struck-through or hidden text read in the browser as in Node
const MARKS = ['html', 'docx', 'pdf'].map((f) => `test/fixtures/marks/marks.${f}`);
const FILES: string[] = [...readdirSync('data/samples').filter((f) => !f.endsWith('.tsv')).map((f) => join('data/samples', f)), DOCX, ...MARKS];

beforeAll(async () => {
  const dataset = await buildSampleDataset();
  ({ server, base } = await serveBuiltSite(dataset));
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function openCheck(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await page.goto(`${base}?v=check`);
  await page.waitForFunction(() => document.documentElement.dataset.status === 'ready' && document.documentElement.dataset.db === 'ready', null, { timeout: 60_000 });
  await page.waitForSelector('input[type=file]:not([disabled])');
  return page;
}

async function choose(page: Page, file: string): Promise<{ json: Record<string, unknown>; requests: string[] }> {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const before = Number(await page.evaluate(() => document.documentElement.dataset.seq ?? 0));
  await page.locator('input[type=file]').setInputFiles(file);
  await page.waitForFunction((b) => document.documentElement.dataset.status === 'ready' && Number(document.documentElement.dataset.seq) > b, before, { timeout: 60_000 });
  const article = page.locator('article.result').first();
  const [download] = await Promise.all([page.waitForEvent('download'), article.getByRole('button', { name: '下载 JSON' }).click()]);
  const json = JSON.parse(readFileSync(await download.path(), 'utf8')) as Record<string, unknown>;
  // the download itself is a blob: URL made in the page, not a request
  return { json, requests: requests.filter((u) => !u.startsWith('blob:')) };
}

const cellKey = (c: Record<string, unknown>) => [c.metric, c.applicant, c.value, c.state, c.raw, c.locator, c.reason];
const findingKey = (f: Record<string, unknown>) => [f.rule, f.severity, f.result, f.applicant, f.metric, f.metrics, f.expected, f.actual, f.message];

describe('年报体检', () => {
  it.each(FILES)('%s: no request after the file is chosen; cells and findings = the ingest\'s', async (file) => {
    const page = await openCheck();
    const { json, requests } = await choose(page, file);
    expect(requests).toEqual([]);
    const rows = await ingestRows([file]);
    const cells = json.cells as Record<string, unknown>[];
    const findings = json.findings as Record<string, unknown>[];
    expect(cells.map(cellKey)).toEqual(rows.cells.map((c) => cellKey(c as unknown as Record<string, unknown>)));
    expect(findings.map(findingKey)).toEqual(rows.findings.map((f) => findingKey(f as unknown as Record<string, unknown>)));
    const report = json.report as Record<string, unknown>;
    const { agency_id: ingestAgency, ...ingestReport } = rows.reports[0];
    // the page knows a file by its name; the ingest by the path it was given
    expect({ ...report, agency_id: undefined }).toEqual({ ...ingestReport, agency_id: undefined, source_path: basename(file) });
    expect(json.agency_id).toBe(ingestAgency);
    await page.close();
  }, 120_000);

  it('洪泽区 2023: its failing table 四 highlighted and explained; against the dataset, the 2024 carry-over agrees', async () => {
    const page = await openCheck();
    await choose(page, 'data/samples/2023_huaian-hongze-district-government.pdf');
    const article = page.locator('article.result').first();
    await expect(article.locator('td.fails').count()).resolves.toBeGreaterThan(0);
    await expect(article.locator('li[data-rule=T4_SUM_REVIEW]').innerText()).resolves.toMatch(/应为 11，报告为 0，相差 11/);
    await page.screenshot({ path: join(SHOTS, 'check.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('label.drop').isVisible()).resolves.toBe(false);
    await page.screenshot({ path: join(SHOTS, 'check-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    // 2024: the dataset holds its 2023 report
    await choose(page, 'data/samples/2024_huaian-hongze-district-government.pdf');
    const latest = page.locator('article.result').first();
    await expect(latest.getByText('与 2023 年报告').count()).resolves.toBe(1);
    await expect(latest.locator('td', { hasText: '不一致' }).count()).resolves.toBe(0);
    await expect(latest.locator('td', { hasText: '一致' }).count()).resolves.toBeGreaterThan(0);
    await page.close();
  }, 120_000);
});
