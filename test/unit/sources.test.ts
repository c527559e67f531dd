import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { countInputs, listInputs, walkInputs } from '../../scripts/lib/inputs.ts';
import { SourceTable } from '../../scripts/lib/sources.ts';

async function table(text: string, only?: (dir: string) => string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-src-'));
  const file = join(dir, 'sources.csv');
  writeFileSync(file, text);
  const conn = await (await DuckDBInstance.create(':memory:')).connect();
  return { dir, conn, t: await SourceTable.load(conn, file, only && new Set(only(dir))) };
}

describe('sources table', () => {
  it('reads CSV with BOM and quotes, paths relative to the table, url or source column; the last row of a path wins', async () => {
    const { dir, t } = await table('\ufeffpath,region,source\n"a, b.html",110105,https://x.gov.cn/a\nit\'s.pdf,,not a url\nc.txt,320829,http://old\nc.txt,320830,http://new\n');
    const got = await t.lookup([join(dir, 'a, b.html'), join(dir, "it's.pdf"), join(dir, 'c.txt'), join(dir, 'missing.txt')]);
    expect(got.get(join(dir, 'a, b.html'))).toEqual({ region: '110105', url: 'https://x.gov.cn/a' });
    expect(got.get(join(dir, "it's.pdf"))).toEqual({ region: null, url: null });
    expect(got.get(join(dir, 'c.txt'))).toEqual({ region: '320830', url: 'http://new' });
    expect(got.has(join(dir, 'missing.txt'))).toBe(false);
  });

  it('reads TSV with a file column; a path is also taken as given on the command line', async () => {
    const { t } = await table('file\turl\nsub/r.html\thttps://y.gov.cn/r\n');
    expect((await t.lookup([resolve('sub/r.html')])).get(resolve('sub/r.html'))).toEqual({ region: null, url: 'https://y.gov.cn/r' });
  });

  it('loads only the rows of the files asked for, each looked up as with the whole table', async () => {
    const text = 'path,url\na.txt,http://a1\nb.txt,http://b\nc.txt,http://c\na.txt,http://a2\n';
    const { dir, conn, t } = await table(text, (d) => [join(d, 'a.txt'), join(d, 'c.txt'), join(d, 'missing.txt')]);
    const rows = await conn.runAndReadAll('SELECT count(*)::INTEGER FROM sources');
    expect(rows.getRows()[0][0]).toBe(3);
    const got = await t.lookup(['a.txt', 'b.txt', 'c.txt'].map((f) => join(dir, f)));
    expect(Object.fromEntries([...got].map(([k, v]) => [k.slice(dir.length + 1), v.url]))).toEqual({ 'a.txt': 'http://a2', 'c.txt': 'http://c' });
  });
});

describe('input walk', () => {
  it('is lazy and in a fixed order; the count for progress matches', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-walk-'));
    for (const f of ['b.txt', 'a.txt', 'c.html']) writeFileSync(join(dir, f), 'x');
    const problems: never[] = [];
    const walk = walkInputs([dir], problems);
    expect(walk.next().value?.path).toBe(`${dir}/a.txt`);
    expect(listInputs([dir]).files.map((f) => f.path)).toEqual(['a.txt', 'b.txt', 'c.html'].map((f) => `${dir}/${f}`));
    expect(countInputs([dir])).toBe(3);
    expect(countInputs([dir], [join(dir, 'b.txt')])).toBe(2);
  });

  it('resumes just past any file it yielded, without visiting what came before', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-walk-'));
    for (const f of ['b/y.txt', 'b/x/2.txt', 'b/x/1.txt', 'a.txt', 'c/z.html', 'b/w.txt']) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), 'x');
    }
    const single = join(dir, 'a.txt');
    const paths = [join(dir, 'b'), single, dir];
    const all = listInputs(paths).files;
    // b's files, the file given alone, then the whole folder (b's folder again under it)
    expect(all.map((f) => f.path.slice(dir.length + 1))).toEqual(['b/w.txt', 'b/x/1.txt', 'b/x/2.txt', 'b/y.txt', 'a.txt', 'a.txt', 'c/z.html']);
    for (const [i, f] of all.entries()) {
      // the place a walk stopped at: the file's key and the folders seen by then
      const seen = new Set<string>();
      const walk = walkInputs(paths, [], [], { after: null, seen });
      for (let k = 0; k <= i; k++) walk.next();
      const rest = [...walkInputs(paths, [], [], { after: f.key, seen })].map((g) => g.path);
      expect(rest, f.path).toEqual(all.slice(i + 1).map((g) => g.path));
    }
  });
});
