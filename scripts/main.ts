/**
 * npm start — the main job on the bundled sample reports: ingest data/samples into data/dataset
 * (when the samples are newer than the dataset), build the site, serve it on localhost and
 * print the address.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { listen, serveStatic } from './lib/static-server.ts';
import { datasetCurrent } from './lib/dataset-current.ts';

const DATASET = 'data/dataset';
const SAMPLES = 'data/samples';
const newest = (dir: string) => Math.max(...readdirSync(dir).map((f) => statSync(join(dir, f)).mtimeMs));
const current = datasetCurrent(DATASET);
const stale = !current || newest(SAMPLES) > statSync(join(DATASET, 'manifest.json')).mtimeMs;

if (stale || process.argv.includes('--ingest')) {
  // a dataset of another version or layout is rebuilt from the samples (the ingest refuses to add to one)
  const ingest = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--out', DATASET, '--sources', `${SAMPLES}/SOURCES.tsv`, '--copy-sources', ...(current ? [] : ['--fresh']), SAMPLES], { stdio: 'inherit' });
  if (ingest.status !== 0) process.exit(ingest.status ?? 1);
} else {
  console.log(`数据集已是最新 / dataset up to date: ${DATASET}`);
}

await build({ logLevel: 'warn' });
const port = await listen(serveStatic('dist'), Number(process.env.PORT ?? 4173));
console.log(`\n看板已启动 / dashboard running: http://127.0.0.1:${port}/\n(Ctrl+C 停止 / to stop)`);
