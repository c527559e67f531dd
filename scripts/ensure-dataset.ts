/** Before a build: the sample dataset exists in this version's layout (made from data/samples by the real ingest). */
import { spawnSync } from 'node:child_process';
import { datasetCurrent } from './lib/dataset-current.ts';

const dataset = process.env.XXGK_DATASET ?? 'data/dataset';
if (!datasetCurrent(dataset)) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ingest.ts', '--quiet', '--out', dataset, '--sources', 'data/samples/SOURCES.tsv', '--copy-sources', '--fresh', 'data/samples'], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}
