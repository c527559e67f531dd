/**
 * Build and serve the static site: the dataset folder served at ./data/ (dev and preview) and
 * copied into dist/data/ (build); precompressed .gz and .br copies beside every large asset; the
 * DuckDB .wasm (34 MB, over what some static hosts accept) shipped compressed only; a
 * Content-Security-Policy that allows no inline script and no other origin.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { cpSync, createReadStream, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { Connect, Plugin } from 'vite';
import { inertCopyName, isInertExtension, sourceExtension } from '../../src/model/source-copy.ts';
import { requestPath, SOURCE_COPY_HEADERS, within } from './url-path.ts';

export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob:",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const MAX_FILE = 25 * 1024 * 1024;
const COMPRESS_MIN = 32 * 1024;
const TYPES: Record<string, string> = { '.json': 'application/json', '.parquet': 'application/octet-stream', '.wasm': 'application/wasm', '.pdf': 'application/pdf', '.html': 'text/html; charset=utf-8', '.txt': 'text/plain; charset=utf-8' };

function serveDir(urlPrefix: string, dir: string): Connect.NextHandleFunction {
  return (req, res, next) => {
    const url = requestPath(req.url);
    if (url === null) {
      res.statusCode = 400;
      res.end('bad request');
      return;
    }
    const at = url.indexOf(urlPrefix);
    if (at < 0) return next();
    const file = resolve(dir, url.slice(at + urlPrefix.length));
    if (!within(resolve(dir), file) || !existsSync(file) || !statSync(file).isFile()) return next();
    const copy = within(resolve(dir, 'sources'), file);
    // an older dataset's copy of a web page is still never served as a page
    const type = copy && !isInertExtension(sourceExtension(file)) ? 'text/plain; charset=utf-8' : TYPES[extname(file)];
    res.setHeader('Content-Type', type ?? 'application/octet-stream');
    res.setHeader('Cache-Control', 'no-cache');
    if (copy) for (const [k, v] of Object.entries(SOURCE_COPY_HEADERS)) res.setHeader(k, v);
    createReadStream(file).pipe(res);
  };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

export function sitePlugin(options: { dataset?: string } = {}): Plugin {
  const dataset = resolve(options.dataset ?? process.env.XXGK_DATASET ?? 'data/dataset');
  let outDir = 'dist';
  return {
    name: 'xxgk-site',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    transformIndexHtml() {
      return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }];
    },
    configureServer(server) {
      server.middlewares.use(serveDir('/data/', dataset));
    },
    configurePreviewServer(server) {
      server.middlewares.use(serveDir('/data/', join(outDir, 'data')));
    },
    closeBundle() {
      if (!existsSync(outDir)) return;
      if (existsSync(dataset)) {
        // the dashboard reads site/; the long tables are copied too while they fit a static host
        const left: string[] = [];
        cpSync(dataset, join(outDir, 'data'), {
          recursive: true,
          filter: (f) => {
            const big = f.endsWith('.parquet') && resolve(f, '..') === dataset && statSync(f).size > MAX_FILE;
            if (big) left.push(f);
            return !big;
          },
        });
        if (left.length) this.warn(`not copied into the site (over 25 MB; the dashboard does not need them): ${left.join(', ')}`);
        inertSourceCopies(join(outDir, 'data', 'sources'));
      } else this.warn(`no dataset at ${dataset}: run npm run ingest first (npm start does)`);
      for (const file of walk(outDir)) {
        if (/\.(gz|br)$/.test(file)) continue;
        const size = statSync(file).size;
        if (size < COMPRESS_MIN || /\.(parquet|png|jpg|pdf|docx)$/.test(file)) continue;
        const bytes = readFileSync(file);
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: size } }));
        // the app fetches <file>.gz itself when the raw file is too large to host
        if (size > MAX_FILE) rmSync(file);
      }
      const tooLarge = walk(outDir).filter((f) => statSync(f).size > MAX_FILE);
      if (tooLarge.length) throw new Error(`files over 25 MB in the build: ${tooLarge.join(', ')}`);
    },
  };
}

/**
 * A dataset written before copies were named inert (model/source-copy.ts) may hold `<id>.html`:
 * renamed here, so that no file of the built site is a page from another site.
 */
function inertSourceCopies(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const inert = inertCopyName(name);
    if (inert !== name) renameSync(join(dir, name), join(dir, inert));
  }
}
