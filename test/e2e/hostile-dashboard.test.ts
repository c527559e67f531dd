/**
 * Nothing injected: a dataset made from hostile reports (markup and script in the agency name,
 * the title and table cells; `javascript:` and `data:` source addresses) shown by the built
 * dashboard in Chromium. No payload runs, no element of a payload exists, no payload address
 * becomes a link; the payloads are shown as the text they are.
 */
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { VIEWS } from '../../src/state/url-state.ts';
import { buildDataset, openDataset, run } from '../helpers/dataset.ts';
import { hostileMarkdown, hostilePage } from '../helpers/hostile.ts';
import { serveBuiltSite } from '../helpers/site.ts';

let server: Server;
let browser: Browser;
let base: string;
let agency: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-hostile-'));
  const input = join(dir, 'in');
  mkdirSync(input);
  writeFileSync(join(input, 'hostile.html'), hostilePage());
  writeFileSync(join(input, 'hostile.md'), hostileMarkdown());
  cpSync('data/samples/2023_huaian-hongze-district-government.pdf', join(input, 'hongze-2023.pdf'));
  writeFileSync(join(input, 'SOURCES.tsv'), 'path\turl\nhostile.html\tjavascript:window.__pwned=7\nhostile.md\tdata:text/html,<script>window.__pwned=8</script>\n');
  const dataset = await buildDataset([input], { sourcesFile: join(input, 'SOURCES.tsv'), exclude: [join(input, 'SOURCES.tsv')], copySources: true });
  const conn = await openDataset(dataset);
  agency = String((await run(conn, { sql: `SELECT agency_id FROM agency_index WHERE contains(canonical_name, '<svg')`, params: [] }))[0].agency_id);
  ({ server, base } = await serveBuiltSite(dataset));
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

const PAGES = [...VIEWS.map((v) => `?v=${v}`), '?v=agency&a=AGENCY', '?v=compare&e=AGENCY', '?v=sql&q=SELECT+agency_name,+title+FROM+reports'];

describe('hostile reports in the dashboard', () => {
  it.each(PAGES)('%s: no payload runs or becomes an element or a link', async (query) => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${base}${query.replace('AGENCY', agency)}`);
    await page.waitForFunction(() => document.documentElement.dataset.db === 'ready' && document.documentElement.dataset.status === 'ready', null, { timeout: 60_000 });
    if (query.includes('q=')) {
      // a link runs nothing in the console until asked: run it
      const seq = await page.evaluate(() => Number(document.documentElement.dataset.seq));
      await page.getByRole('button', { name: /运行/ }).click();
      await page.waitForFunction((n) => Number(document.documentElement.dataset.seq) > n && document.documentElement.dataset.status === 'ready', seq, { timeout: 60_000 });
    }
    // let anything that would run, run
    await page.waitForTimeout(300);
    const found = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned ?? null,
      elements: document.querySelectorAll('[onload], [onerror], img[src="x"], script:not([src])').length,
      links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!).filter((h) => /^\s*(javascript|data|vbscript):/i.test(h)),
      text: document.body.innerText,
    }));
    expect(found.pwned).toBeNull();
    expect(dialogs).toEqual([]);
    expect(found.elements).toBe(0);
    expect(found.links).toEqual([]);
    if (query.includes('a=') || query.includes('q=')) expect(found.text).toContain('<svgonload=');
    await page.close();
  }, 90_000);
});
