/** Whether a dataset folder was written by this version's layout (else it is rebuilt from its sources). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_VERSION } from '../../src/model/contract.ts';

export function datasetCurrent(dir: string): boolean {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) return false;
  const m = JSON.parse(readFileSync(file, 'utf8')) as { schema_version?: number; site?: boolean };
  return m.schema_version === SCHEMA_VERSION && m.site === true && existsSync(join(dir, 'site.json'));
}
