/**
 * The local server (`npm start`, the browser tests) answers malformed and escaping URLs with
 * 400/404 and keeps running; copies of reports carry a sandboxing policy.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, serveStatic } from '../../scripts/lib/static-server.ts';
import { requestPath, within } from '../../scripts/lib/url-path.ts';

let server: Server;
let port: number;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'xxgk-serve-'));
  mkdirSync(join(root, 'dist', 'data', 'sources'), { recursive: true });
  mkdirSync(join(root, 'dist-private'));
  writeFileSync(join(root, 'dist', 'index.html'), '<p>site</p>');
  writeFileSync(join(root, 'dist', 'data', 'sources', 'abc.html.txt'), '<script>x()</script>');
  writeFileSync(join(root, 'dist-private', 'secret.txt'), 'secret');
  writeFileSync(join(root, 'secret.txt'), 'secret');
  server = serveStatic(join(root, 'dist'), '/');
  port = await listen(server);
});
afterAll(() => server?.close());

/** A raw request: the path exactly as written, not normalised by a URL parser. */
function get(path: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => ok({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('static server', () => {
  it.each(['/%E0%A4%A', '/%', '/a%00b', '/%C0%AF'])('%s: 400, and the server goes on', async (path) => {
    expect((await get(path)).status).toBe(400);
    expect((await get('/')).body).toBe('<p>site</p>');
  });

  it.each(['/..%2Fdist-private/secret.txt', '/../dist-private/secret.txt', '/%2e%2e/secret.txt', '/..%2F..%2Fsecret.txt', '/data/..%2F..%2Fdist-private%2Fsecret.txt'])('%s: not served', async (path) => {
    const r = await get(path);
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('secret');
  });

  it('a copy of a report is sandboxed: nothing in it may run or load', async () => {
    const r = await get('/data/sources/abc.html.txt');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain/);
    expect(r.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
  });
});

describe('request paths', () => {
  it('decodes or refuses', () => {
    expect(requestPath('/a%20b?x=1')).toBe('/a b');
    expect(requestPath('/%E0%A4%A')).toBeNull();
    expect(requestPath('/a%00')).toBeNull();
    expect(requestPath('http://evil/')).toBeNull();
  });
  it('inside a folder, never beside it', () => {
    expect(within('/srv/dist', '/srv/dist')).toBe(true);
    expect(within('/srv/dist', '/srv/dist/a/b')).toBe(true);
    expect(within('/srv/dist', '/srv/dist/..foo')).toBe(true);
    expect(within('/srv/dist', '/srv/dist-private/secret.txt')).toBe(false);
    expect(within('/srv/dist', '/srv/secret.txt')).toBe(false);
  });
});
