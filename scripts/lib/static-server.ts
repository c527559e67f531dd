/**
 * A plain static file server, as an intranet host would be: a folder under a URL prefix, MIME
 * types for .wasm and .parquet, precompressed .br/.gz copies sent when the browser accepts
 * them. Used by `npm start` and by the browser tests (which mount the site under a sub-path).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { requestPath, SOURCE_COPY_HEADERS, within } from './url-path.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.wasm': 'application/wasm', '.parquet': 'application/octet-stream',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.pdf': 'application/pdf',
  '.gz': 'application/gzip', '.br': 'application/x-brotli', '.map': 'application/json', '.docx': 'application/octet-stream',
};

/** Serves `root` under `prefix`, and each of `mounts` (URL prefix → folder) under its own prefix. */
export function serveStatic(root: string, prefix = '/', mounts: Record<string, string> = {}): Server {
  const all = Object.entries({ ...mounts, [prefix]: root }).map(([p, d]) => [p, resolve(d)] as const).sort((a, b) => b[0].length - a[0].length);
  return createServer((req, res) => {
    const path = requestPath(req.url);
    if (path === null) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('bad request');
      return;
    }
    const mount = all.find(([p]) => path.startsWith(p));
    if (!mount) {
      res.writeHead(404).end();
      return;
    }
    const [at, dir] = mount;
    let file = normalize(join(dir, path.slice(at.length)));
    if (!within(dir, file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const accept = String(req.headers['accept-encoding'] ?? '');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
    // copies of reports: whatever they hold, nothing in them may run or load (model/source-copy.ts)
    if (file.includes(`${sep}sources${sep}`)) Object.assign(headers, SOURCE_COPY_HEADERS);
    let send = file;
    if (!/\.(gz|br)$/.test(file)) {
      if (/\bbr\b/.test(accept) && existsSync(`${file}.br`)) {
        send = `${file}.br`;
        headers['Content-Encoding'] = 'br';
      } else if (/\bgzip\b/.test(accept) && existsSync(`${file}.gz`)) {
        send = `${file}.gz`;
        headers['Content-Encoding'] = 'gzip';
      }
    }
    if (!existsSync(send) || !statSync(send).isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    headers['Content-Length'] = String(statSync(send).size);
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(send).pipe(res);
  });
}

export function listen(server: Server, port = 0, host = '127.0.0.1'): Promise<number> {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok((server.address() as { port: number }).port));
  });
}
