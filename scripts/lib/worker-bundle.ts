/**
 * The parsing worker as one JavaScript file, bundled by esbuild when a pool first starts.
 * Loading the TypeScript sources through tsx in every worker, module by module through tsx's
 * loader thread, took 1–3 s before a worker could take its first file: more than parsing a
 * thousand reports on two cores. The bundle is named by its content, so runs at the same time
 * share it and a changed source makes a new one. It is written under node_modules, where the
 * one package left outside it (PDFium, which finds its .wasm beside itself) resolves.
 */
import { buildSync } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

let bundle: URL | null = null;

export function workerBundle(): URL {
  if (bundle) return bundle;
  const entry = fileURLToPath(new URL('./ingest-worker.ts', import.meta.url));
  const built = buildSync({
    entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20',
    external: ['@embedpdf/pdfium'], write: false, logLevel: 'silent',
  });
  const code = built.outputFiles[0].contents;
  const dir = resolve(dirname(entry), '../../node_modules/.cache/xxgk-dashboard');
  const file = join(dir, `ingest-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, file);
  }
  bundle = pathToFileURL(file);
  return bundle;
}
