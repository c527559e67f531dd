/** The dashboard built over a dataset (as `npm run build` would) and served locally, for browser tests. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listen, serveStatic } from '../../scripts/lib/static-server.ts';

export async function serveBuiltSite(dataset: string, prefix = '/'): Promise<{ server: Server; base: string; dist: string }> {
  const dist = join(mkdtempSync(join(tmpdir(), 'xxgk-dist-')), 'dist');
  // a separate process: the build's plugins read the dataset from the environment
  const built = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], { encoding: 'utf8', env: { ...process.env, XXGK_DATASET: dataset } });
  if (built.status !== 0) throw new Error(built.stderr);
  const server = serveStatic(dist, prefix);
  return { server, base: `http://127.0.0.1:${await listen(server)}${prefix}`, dist };
}
