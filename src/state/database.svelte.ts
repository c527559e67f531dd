/** The dataset being shown: the precomputed summary first, then DuckDB once it has loaded. */
import type { Db } from '../db/duckdb.ts';
import type { LoadedSite } from '../db/dataset.ts';
import { datasetUrl, fetchJson, type Manifest } from '../db/dataset-url.ts';
import { app, notices, useDatasetFacts } from './app.svelte.ts';
import { consoleRun } from './console.svelte.ts';

export interface Summary {
  overview: { totals: Record<string, number | null>; byYear: Record<string, number | null>[] };
  years: { min_year: number | null; max_year: number | null };
  regions: { region_code: string; province: string | null; city: string | null; county: string | null }[];
}

export const database = $state({
  url: '',
  manifest: null as Manifest | null,
  summary: null as Summary | null,
  db: null as Db | null,
  /** The site layout's partitions, loaded as queries need them. */
  site: null as LoadedSite | null,
  phase: 'loading' as 'loading' | 'summary' | 'ready' | 'error',
  error: null as string | null,
  progress: '',
  /** Loading paused: a file was chosen in 年报体检 before the dataset had loaded (see holdDataset). */
  held: false,
  timings: {} as Record<string, number>,
});

export async function openDataset(): Promise<void> {
  const t0 = performance.now();
  const { url, notice } = datasetUrl(location.search, document.baseURI);
  if (notice) notices.list.push(notice);
  database.url = url;
  try {
    const [manifest, summary] = await Promise.all([fetchJson<Manifest>(`${url}manifest.json`), fetchJson<Summary>(`${url}summary.json`)]);
    database.manifest = manifest;
    database.summary = summary;
    useDatasetFacts({ minYear: summary.years.min_year, maxYear: summary.years.max_year, regionCodes: summary.regions.map((r) => r.region_code) });
    database.phase = 'summary';
    database.timings.summary = performance.now() - t0;
    database.progress = '正在启动查询引擎 / starting DuckDB…';
    // DuckDB, Arrow and the Parquet reader load after the first view has drawn
    await firstDraw(800);
    await consoleFirst();
    await gate();
    const [{ startDb }, { openSite, openNaive }] = await Promise.all([import('../db/duckdb.ts'), import('../db/dataset.ts')]);
    const db = await startDb();
    database.timings.duckdb = performance.now() - t0;
    if (!manifest.site) throw new Error('数据集缺少看板数据（site.json），请用本版本重新导入 / dataset has no site layout: rebuild it');
    // ?layout=naive: the benchmark's baseline, the long tables loaded whole
    const naive = new URLSearchParams(location.search).get('layout') === 'naive';
    await gate();
    database.progress = '正在载入数据 / loading data…';
    database.site = naive ? await openNaive(db, url) : await openSite(db, url, gate);
    document.documentElement.dataset.layout = naive ? 'naive' : 'site';
    await db.lock();
    database.timings.ready = performance.now() - t0;
    database.db = db;
    database.phase = 'ready';
    database.progress = '';
  } catch (e) {
    // the precomputed overview stays on screen; the other views say what went wrong
    database.phase = 'error';
    database.error = (e as Error).message;
  }
}

/**
 * Opened on the SQL console, which starts a DuckDB of its own: the dashboard's starts after it
 * (both compile the same 34 MB .wasm; on two cores at once each takes longer), or as soon as
 * another view is chosen.
 */
async function consoleFirst(): Promise<void> {
  const until = performance.now() + 30_000;
  while (app.view === 'sql' && (consoleRun.phase === 'idle' || consoleRun.phase === 'starting') && performance.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
  }
}

let release: (() => void) | null = null;
let released: Promise<void> = Promise.resolve();

/**
 * 年报体检 promises that nothing is requested once a file is chosen. Held, the dataset's loading
 * stops before its next request (requests already sent finish) until releaseDataset: a person's
 * explicit choice to load it, or leaving the page.
 */
export function holdDataset(): void {
  if (database.held) return;
  database.held = true;
  released = new Promise((resolve) => (release = resolve));
}

export function releaseDataset(): void {
  if (!database.held) return;
  database.held = false;
  release?.();
  release = null;
}

/** Resolves at once unless loading is held. */
const gate = (): Promise<void> => (database.held ? released : Promise.resolve());

/** Resolves when the current view has drawn (html[data-status=ready]) or after `ms`. */
function firstDraw(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const el = document.documentElement;
    if (el.dataset.status === 'ready') return resolve();
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      // let the browser paint before the heavy modules are parsed
      requestAnimationFrame(() => setTimeout(resolve, 0));
    };
    const observer = new MutationObserver(() => {
      if (el.dataset.status === 'ready') done();
    });
    const timer = setTimeout(done, ms);
    observer.observe(el, { attributes: true, attributeFilter: ['data-status'] });
  });
}

/** Hex digits of the agency detail buckets of the open dataset. */
export const bucketDigits = (): number => database.site?.index.bucket_digits ?? 0;

/** Every partition of the agency search index (search covers the whole country). */
export const agencyIndexParts = (): string[] => Object.keys(database.site?.index.parts.agency_index ?? {});
