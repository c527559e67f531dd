/**
 * npm start — the main job on the bundled sample reports: ingest data/samples into
 * data/dataset and print the summary.
 */
import { spawnSync } from 'node:child_process';

const ingest = spawnSync(
  process.execPath,
  ['--import', 'tsx', 'scripts/ingest.ts', '--out', 'data/dataset', '--sources', 'data/samples/SOURCES.tsv', 'data/samples'],
  { stdio: 'inherit' },
);
process.exit(ingest.status ?? 1);
