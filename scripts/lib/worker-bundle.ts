/**
 * The parsing worker, and the process that reads a round of files, each as one JavaScript file
 * bundled by esbuild when first needed. Loading the TypeScript sources through tsx in every
 * worker, module by module through tsx's loader thread, took 1–3 s before a worker could take its
 * first file: more than parsing a thousand reports on two cores. A bundle is named by its
 * content, so runs at the same time share it and a changed source makes a new one. It is written
 * under node_modules, where the packages left outside it (PDFium, which finds its .wasm beside
 * itself; DuckDB's native module; esbuild) resolve.
 */
import { buildSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = new Map<string, URL>();

/** The bundle of `./<name>.ts` (beside this file). */
export function bundleOf(name: 'ingest-worker' | 'ingest-round-child'): URL {
  const known = built.get(name);
  if (known) return known;
  const entry = fileURLToPath(new URL(`./${name}.ts`, import.meta.url));
  const out = buildSync({
    entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20',
    external: ['@embedpdf/pdfium', '@duckdb/node-api', 'esbuild'], write: false, logLevel: 'silent',
  });
  const code = out.outputFiles[0].contents;
  const dir = resolve(dirname(entry), '../../node_modules/.cache/xxgk-dashboard');
  const file = join(dir, `${name}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, file);
  }
  built.set(name, pathToFileURL(file));
  return built.get(name)!;
}

/** The worker's bundle. A round's process is told it (a bundle cannot find the sources beside itself). */
export function workerBundle(): URL {
  return process.env.XXGK_WORKER_BUNDLE ? new URL(process.env.XXGK_WORKER_BUNDLE) : bundleOf('ingest-worker');
}
