/**
 * The ingest held to its promises by a careless user and an attacker (issue 26): paths that try
 * to leave the input folder, names that are not UTF-8, files corrected in place, datasets of an
 * older contract, interrupted swaps, two runs on one output, malformed sources tables and
 * outputs that cannot be written. Through the CLI, as a person runs it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { query } from '../helpers/duckdb.ts';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
const SCRIPT = join(process.cwd(), 'scripts', 'ingest.ts');
const ingest = (...args: string[]) => spawnSync(TSX, [SCRIPT, ...args], { encoding: 'utf8' });
const root = mkdtempSync(join(tmpdir(), 'xxgk-trust-'));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const JULU = readFileSync('data/samples/julu-county-office-2024.txt');
const PINGTAN = readFileSync('data/samples/2022_pingtan-comprehensive-zone.html');
const SHANGHAI = readFileSync('data/samples/2019_shanghai-municipal-government-office.html');
const reportsOf = (ds: string) => query(`SELECT * FROM '${join(ds, 'reports.parquet')}' ORDER BY source_path`);
const digestOf = (ds: string) => JSON.parse(readFileSync(join(ds, 'manifest.json'), 'utf8')).rows_digest as string;
/** One line on stderr, and no stack. */
function oneLine(stderr: string) {
  const lines = stderr.trim().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe('input paths never leave the folders given', () => {
  it('a file named ..\\secret\\private-2024.txt inside the input is that file, read and copied; the file outside is not', async () => {
    const d = join(root, 'traversal');
    mkdirSync(join(d, 'in'), { recursive: true });
    mkdirSync(join(d, 'secret'));
    // outside the input: the julu report; inside, under the name with backslashes: the pingtan report
    writeFileSync(join(d, 'secret', 'private-2024.txt'), JULU);
    writeFileSync(join(d, 'in', '..\\secret\\private-2024.txt'), PINGTAN);
    // links out of the input: to the file and to its folder; a link inside it is followed
    symlinkSync(join(d, 'secret', 'private-2024.txt'), join(d, 'in', 'link.txt'));
    symlinkSync(join(d, 'secret'), join(d, 'in', 'linked-folder'));
    mkdirSync(join(d, 'in', 'sub'));
    symlinkSync(join(d, 'in', '..\\secret\\private-2024.txt'), join(d, 'in', 'sub', 'inside.html'));
    const r = ingest('--quiet', '--copy-sources', '--out', join(d, 'ds'), join(d, 'in'));
    expect(r.status, r.stderr).toBe(0);
    const rows = await reportsOf(join(d, 'ds'));
    expect(rows.map((x) => [String(x.source_path).slice(join(d, 'in').length + 1), x.status, x.agency_name])).toEqual([
      ['..\\secret\\private-2024.txt', 'ok', '平潭综合实验区'], ['link.txt', 'failed', null], ['linked-folder', 'failed', null], ['sub/inside.html', 'failed', null],
    ]);
    expect(rows[0].source_sha256).toBe(sha(PINGTAN));
    expect(rows[1].status_reason).toMatch(/symlink to outside the input folders, not read$/);
    expect(rows[2].status_reason).toMatch(/symlink to outside the input folders, not read$/);
    // followed: the same bytes as the first file, recorded as such
    expect(rows[3].status_reason).toMatch(/byte-identical to .*private-2024\.txt$/);
    expect(rows.some((x) => x.source_sha256 === sha(JULU))).toBe(false);
    const copies = readdirSync(join(d, 'ds', 'sources')).map((f) => readFileSync(join(d, 'ds', 'sources', f)));
    expect(copies.map(sha)).toEqual([sha(PINGTAN)]);
  }, 60_000);
});

describe('names that are not UTF-8', () => {
  it('are read by their bytes; the row shows GBK names decoded and other bytes escaped; the copies are made', async () => {
    const d = join(root, 'names');
    mkdirSync(join(d, 'in'), { recursive: true });
    const at = (name: Buffer) => Buffer.concat([Buffer.from(join(d, 'in') + '/'), name]);
    // 报告-2024.txt in GBK; a name with 0xff 0xfe, which no encoding reads
    writeFileSync(at(Buffer.concat([Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]), Buffer.from('-2024.txt')])), JULU);
    writeFileSync(at(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('A.html')])), PINGTAN);
    // a UTF-8 sibling whose name the GBK one decodes to: each keeps a path of its own
    writeFileSync(at(Buffer.from('报告.txt')), SHANGHAI);
    writeFileSync(at(Buffer.from([0xb1, 0xa8, 0xb8, 0xe6, 0x2e, 0x74, 0x78, 0x74])), Buffer.concat([JULU, Buffer.from('\n（副本）\n')]));
    const r = ingest('--quiet', '--copy-sources', '--out', join(d, 'ds'), join(d, 'in'));
    expect(r.status, r.stderr).toBe(0);
    const rows = await reportsOf(join(d, 'ds'));
    const byPath = Object.fromEntries(rows.map((x) => [String(x.source_path).slice(join(d, 'in').length + 1), x]));
    expect(Object.keys(byPath).sort()).toEqual(['\\xb1\\xa8\\xb8\\xe6.txt', '\\xff\\xfeA.html', '报告-2024.txt', '报告.txt'].sort());
    expect(byPath['报告-2024.txt']).toMatchObject({ status: 'ok', agency_name: '巨鹿县人民政府办公室', source_sha256: sha(JULU) });
    expect(byPath['\\xff\\xfeA.html']).toMatchObject({ status: 'ok', agency_name: '平潭综合实验区' });
    expect(byPath['报告.txt']).toMatchObject({ source_sha256: sha(SHANGHAI) });
    expect(byPath['\\xb1\\xa8\\xb8\\xe6.txt']).toMatchObject({ status: 'ok', agency_name: '巨鹿县人民政府办公室' });
    const copies = readdirSync(join(d, 'ds', 'sources')).map((f) => sha(readFileSync(join(d, 'ds', 'sources', f))));
    expect(copies.sort()).toEqual(rows.filter((x) => x.status !== 'failed').map((x) => x.source_sha256).sort());
    expect(copies).toHaveLength(4);
  }, 60_000);
});

describe('updating a report', () => {
  /** app.new for natural persons (申请人为自然人的本年新收申请) as printed in a copy of the julu report. */
  const juluWith = (n: number) => Buffer.from(JULU.toString('utf8').replace('一、本年新收政府信息公开申请数量\n\t11\n', `一、本年新收政府信息公开申请数量\n\t${n}\n`));

  it('a cell corrected in place is read again and replaces the old row, its cells and findings; a copy of the old content becomes its report', async () => {
    expect(juluWith(12).equals(JULU)).toBe(false);
    const d = join(root, 'edit');
    mkdirSync(join(d, 'in'), { recursive: true });
    writeFileSync(join(d, 'in', 'a.txt'), JULU);
    writeFileSync(join(d, 'in', 'b.txt'), JULU);
    writeFileSync(join(d, 'in', 'c.html'), PINGTAN);
    const ds = join(d, 'ds');
    expect(ingest('--quiet', '--out', ds, join(d, 'in')).status).toBe(0);
    const before = await reportsOf(ds);
    expect(before.map((x) => x.status)).toEqual(['ok', 'failed', 'ok']);
    // the natural persons' new requests corrected from 11 to 12 in a.txt
    writeFileSync(join(d, 'in', 'a.txt'), juluWith(12));
    const r = ingest('--quiet', '--out', ds, join(d, 'in'));
    expect(r.status, r.stderr).toBe(0);
    const rows = await reportsOf(ds);
    expect(rows.map((x) => [String(x.source_path).split('/').pop(), x.status, x.source_sha256])).toEqual([
      ['a.txt', 'ok', sha(juluWith(12))], ['b.txt', 'ok', sha(JULU)], ['c.html', 'ok', sha(PINGTAN)],
    ]);
    const cell = (path: string) => query(`SELECT c.value FROM '${join(ds, 'cells.parquet')}' c JOIN '${join(ds, 'reports.parquet')}' r USING (report_id)
      WHERE r.source_path LIKE '%/${path}' AND c.metric = 'app.new' AND c.applicant = 'natural'`);
    expect(await cell('a.txt')).toEqual([{ value: 12 }]);
    expect(await cell('b.txt')).toEqual([{ value: 11 }]);
    // no cell or finding of a report that is no longer in the dataset
    const orphans = await query(`SELECT (SELECT count(*) FROM '${join(ds, 'cells.parquet')}' WHERE report_id NOT IN (SELECT report_id FROM '${join(ds, 'reports.parquet')}'))::INTEGER AS cells,
      (SELECT count(*) FROM '${join(ds, 'findings.parquet')}' WHERE report_id NOT IN (SELECT report_id FROM '${join(ds, 'reports.parquet')}'))::INTEGER AS findings`);
    expect(orphans).toEqual([{ cells: 0, findings: 0 }]);
    // the same dataset as one fresh run over the folder as it is now (the checks across reports included)
    expect(ingest('--quiet', '--out', join(d, 'fresh'), join(d, 'in')).status).toBe(0);
    expect(digestOf(ds)).toBe(digestOf(join(d, 'fresh')));
  }, 90_000);

  it('a file changed between a killed run and the run that continues it replaces the rows the killed run committed', async () => {
    const d = join(root, 'edit-resume');
    mkdirSync(join(d, 'in'), { recursive: true });
    const copy = (text: Buffer, i: number) => Buffer.concat([text, Buffer.from(`\n（副本 ${i}）\n`)]);
    for (let i = 0; i < 2600; i++) writeFileSync(join(d, 'in', `r${String(i).padStart(4, '0')}.txt`), copy(JULU, i));
    const ds = join(d, 'ds');
    // killed once two windows' cells are on disk (windows of 1,024 files: the first has committed)
    const run = spawn(process.execPath, ['--import', 'tsx', SCRIPT, '--quiet', '--out', ds, join(d, 'in')], { stdio: 'ignore' });
    const exited = new Promise((r) => run.once('exit', r));
    const windows = () => (existsSync(join(`${ds}.work`, 'cells')) ? readdirSync(join(`${ds}.work`, 'cells')).length : 0);
    for (let t = 0; t < 2400 && windows() < 2; t++) await new Promise((r) => setTimeout(r, 25));
    run.kill('SIGKILL');
    await exited;
    expect(existsSync(ds), 'killed before the dataset was written').toBe(false);
    // the first file, read and committed by the killed run, corrected before the next run, and its
    // earlier text kept under a new name read before it: that report's cells, which the killed run
    // left in its window's file, must not be counted twice
    writeFileSync(join(d, 'in', 'a-before.txt'), copy(JULU, 0));
    writeFileSync(join(d, 'in', 'r0000.txt'), copy(juluWith(12), 0));
    const r = ingest('--quiet', '--out', ds, join(d, 'in'));
    expect(r.status, r.stderr).toBe(0);
    const kept = await query(`SELECT r.status, count(*)::INTEGER AS cells FROM '${join(ds, 'reports.parquet')}' r JOIN '${join(ds, 'cells.parquet')}' c USING (report_id)
      WHERE r.source_path LIKE '%/a-before.txt' GROUP BY ALL`);
    expect(kept).toEqual([{ status: 'ok', cells: 200 }]);
    const rows = await query(`SELECT r.source_sha256, c.value FROM '${join(ds, 'reports.parquet')}' r JOIN '${join(ds, 'cells.parquet')}' c USING (report_id)
      WHERE r.source_path LIKE '%/r0000.txt' AND c.metric = 'app.new' AND c.applicant = 'natural'`);
    expect(rows).toEqual([{ source_sha256: sha(copy(juluWith(12), 0)), value: 12 }]);
    expect(ingest('--quiet', '--out', join(d, 'fresh'), join(d, 'in')).status).toBe(0);
    expect(digestOf(ds)).toBe(digestOf(join(d, 'fresh')));
  }, 240_000);

  it('a path that now holds another report replaces the old one', async () => {
    const d = join(root, 'swap-content');
    mkdirSync(join(d, 'in'), { recursive: true });
    writeFileSync(join(d, 'in', 'a.txt'), JULU);
    writeFileSync(join(d, 'in', 'c.html'), PINGTAN);
    const ds = join(d, 'ds');
    expect(ingest('--quiet', '--out', ds, join(d, 'in')).status).toBe(0);
    writeFileSync(join(d, 'in', 'c.html'), SHANGHAI);
    const r = ingest('--quiet', '--out', ds, join(d, 'in'));
    expect(r.status, r.stderr).toBe(0);
    const rows = await reportsOf(ds);
    expect(rows.map((x) => [String(x.source_path).split('/').pop(), x.agency_name])).toEqual([['a.txt', '巨鹿县人民政府办公室'], ['c.html', '上海市人民政府办公厅']]);
    expect(await query(`SELECT count(*)::INTEGER AS n FROM '${join(ds, 'agencies.parquet')}' WHERE canonical_name = '平潭综合实验区'`)).toEqual([{ n: 0 }]);
    expect(ingest('--quiet', '--out', join(d, 'fresh'), join(d, 'in')).status).toBe(0);
    expect(digestOf(ds)).toBe(digestOf(join(d, 'fresh')));
  }, 90_000);

  it('a dataset of another contract version is refused with one line naming --fresh, and left as it was; --fresh rebuilds it', async () => {
    const d = join(root, 'contract');
    mkdirSync(join(d, 'in'), { recursive: true });
    writeFileSync(join(d, 'in', 'a.txt'), JULU);
    const ds = join(d, 'ds');
    expect(ingest('--quiet', '--out', ds, join(d, 'in')).status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(ds, 'manifest.json'), 'utf8'));
    writeFileSync(join(ds, 'manifest.json'), JSON.stringify({ ...manifest, schema_version: 0 }));
    const kept = readFileSync(join(ds, 'manifest.json'), 'utf8');
    writeFileSync(join(d, 'in', 'c.html'), PINGTAN);
    const r = ingest('--quiet', '--out', ds, join(d, 'in'));
    expect(r.status).toBe(64);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/schema_version 0.*--fresh/);
    expect(readFileSync(join(ds, 'manifest.json'), 'utf8')).toBe(kept);
    const fresh = ingest('--quiet', '--fresh', '--out', ds, join(d, 'in'));
    expect(fresh.status, fresh.stderr).toBe(0);
    expect((await reportsOf(ds)).map((x) => String(x.source_path).split('/').pop())).toEqual(['a.txt', 'c.html']);
    // a folder that is no dataset is never replaced by one
    mkdirSync(join(d, 'mine'));
    writeFileSync(join(d, 'mine', 'notes.txt'), 'mine');
    const mine = ingest('--quiet', '--out', join(d, 'mine'), join(d, 'in'));
    expect(mine.status).toBe(64);
    oneLine(mine.stderr);
    expect(readdirSync(join(d, 'mine'))).toEqual(['notes.txt']);
  }, 90_000);
});

describe('interrupted writes and two runs', () => {
  it('recovery puts back the complete dataset set aside, not a partial one that sorts after it; leftovers are removed', async () => {
    const d = join(root, 'recover');
    mkdirSync(join(d, 'in'), { recursive: true });
    writeFileSync(join(d, 'in', 'a.txt'), JULU);
    const ds = join(d, 'ds');
    expect(ingest('--quiet', '--out', ds, join(d, 'in')).status).toBe(0);
    // as if killed while swapping and while deleting: the previous dataset aside, a partial copy of it that sorts after it (and says it is newer)
    renameSync(ds, `${ds}.old-10-1`);
    cpSync(`${ds}.old-10-1`, `${ds}.old-9-1`, { recursive: true });
    rmSync(join(`${ds}.old-9-1`, 'cells.parquet'));
    const m = JSON.parse(readFileSync(join(`${ds}.old-9-1`, 'manifest.json'), 'utf8'));
    writeFileSync(join(`${ds}.old-9-1`, 'manifest.json'), JSON.stringify({ ...m, built_at: new Date(Date.now() + 60_000).toISOString() }));
    mkdirSync(`${ds}.tmp-7-7`);
    writeFileSync(join(`${ds}.tmp-7-7`, 'reports.parquet'), 'half');
    writeFileSync(join(d, 'in', 'c.html'), PINGTAN);
    const r = ingest('--quiet', '--out', ds, join(d, 'in'));
    expect(r.status, r.stderr).toBe(0);
    // the previous report kept, the new one added
    expect((await reportsOf(ds)).map((x) => String(x.source_path).split('/').pop())).toEqual(['a.txt', 'c.html']);
    expect(readdirSync(d).sort()).toEqual(['ds', 'in']);
  }, 60_000);

  it('a second run on one --out, --fresh included, is refused in one line and leaves the first run to finish; a lock left by a killed run is taken over', async () => {
    const d = join(root, 'lock');
    mkdirSync(join(d, 'in'), { recursive: true });
    for (let i = 0; i < 400; i++) writeFileSync(join(d, 'in', `r${String(i).padStart(3, '0')}.txt`), Buffer.concat([JULU, Buffer.from(`\n（副本 ${i}）\n`)]));
    const ds = join(d, 'ds');
    const first = spawn(TSX, [SCRIPT, '--quiet', '--out', ds, join(d, 'in')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let firstErr = '';
    first.stderr.on('data', (b) => (firstErr += b));
    const firstDone = new Promise<number | null>((r) => first.once('exit', r));
    for (let t = 0; t < 400 && !existsSync(`${ds}.work`); t++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(`${ds}.work`), 'the first run started').toBe(true);
    const second = ingest('--quiet', '--fresh', '--out', ds, join(d, 'in'));
    expect(second.status).toBe(1);
    oneLine(second.stderr);
    expect(second.stderr).toMatch(/another ingest is writing/);
    // the first run's work folder was not touched: it finishes, every file in
    expect(await firstDone, firstErr).toBe(0);
    expect(firstErr).toBe('');
    expect((await reportsOf(ds))).toHaveLength(400);
    // killed with -9 while it holds the lock: the next run takes the lock over and completes
    writeFileSync(join(d, 'in', 'z.html'), PINGTAN);
    const killed = spawn(process.execPath, ['--import', 'tsx', SCRIPT, '--quiet', '--out', ds, join(d, 'in')], { stdio: 'ignore' });
    const gone = new Promise((r) => killed.once('exit', r));
    for (let t = 0; t < 400 && !existsSync(`${ds}.lock`); t++) await new Promise((r) => setTimeout(r, 25));
    killed.kill('SIGKILL');
    await gone;
    const next = ingest('--quiet', '--out', ds, join(d, 'in'));
    expect(next.status, next.stderr).toBe(0);
    expect((await reportsOf(ds))).toHaveLength(401);
    expect(existsSync(`${ds}.lock`)).toBe(false);
  }, 180_000);
});

describe('one clear line', () => {
  it('a quote inside a sources field is read as written; a malformed sources table stops the run with one line, exit 64', async () => {
    const d = join(root, 'sources');
    mkdirSync(join(d, 'in'), { recursive: true });
    writeFileSync(join(d, 'in', 'a.txt'), JULU);
    writeFileSync(join(d, 'quoted.tsv'), 'path\turl\tnote\nin/a.txt\thttps://example.gov.cn/a?x="1"\t他说"好"\n');
    const ok = ingest('--quiet', '--sources', join(d, 'quoted.tsv'), '--out', join(d, 'ds'), join(d, 'in'));
    expect(ok.status, ok.stderr).toBe(0);
    expect((await reportsOf(join(d, 'ds')))[0].source_url).toBe('https://example.gov.cn/a?x="1"');
    writeFileSync(join(d, 'quoted.csv'), 'path,url\nin/a.txt,https://example.gov.cn/b"c\n');
    const csv = ingest('--quiet', '--sources', join(d, 'quoted.csv'), '--out', join(d, 'ds-csv'), join(d, 'in'));
    expect(csv.status, csv.stderr).toBe(0);
    expect((await reportsOf(join(d, 'ds-csv')))[0].source_url).toBe('https://example.gov.cn/b"c');
    writeFileSync(join(d, 'bad.csv'), 'path,url\n"in/a.txt,https://example.gov.cn/a\n');
    const bad = ingest('--quiet', '--sources', join(d, 'bad.csv'), '--out', join(d, 'ds-bad'), join(d, 'in'));
    expect(bad.status).toBe(64);
    oneLine(bad.stderr);
    expect(bad.stderr).toContain(join(d, 'bad.csv'));
    const missing = ingest('--quiet', '--sources', join(d, 'none.csv'), '--out', join(d, 'ds-bad'), join(d, 'in'));
    expect(missing.status).toBe(64);
    oneLine(missing.stderr);
  }, 60_000);

  it('an output folder that cannot be written: one line naming the folder and the cause, exit 1', (ctx) => {
    const d = join(root, 'readonly');
    mkdirSync(join(d, 'in'), { recursive: true });
    writeFileSync(join(d, 'in', 'a.txt'), JULU);
    mkdirSync(join(d, 'ro'));
    // root writes past permissions: a read-only file system then (mounting needs a container that allows it);
    // another user gets a folder without write permission
    const asRoot = process.getuid?.() === 0;
    if (asRoot && spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', join(d, 'ro')]).status !== 0) return ctx.skip();
    if (!asRoot) chmodSync(join(d, 'ro'), 0o555);
    try {
      const r = ingest('--quiet', '--out', join(d, 'ro', 'ds'), join(d, 'in'));
      expect(r.status, r.stderr).toBe(1);
      oneLine(r.stderr);
      expect(r.stderr).toContain(`cannot write to the output folder ${join(d, 'ro')}: ${asRoot ? 'read-only file system' : 'permission denied'}`);
    } finally {
      if (asRoot) spawnSync('umount', [join(d, 'ro')]);
    }
  }, 60_000);

  it('a full disk: one line naming the folder and the cause, exit 1, the dataset there intact', async (ctx) => {
    const d = join(root, 'full');
    mkdirSync(join(d, 'in'), { recursive: true });
    writeFileSync(join(d, 'in', 'a.txt'), JULU);
    mkdirSync(join(d, 'disk'));
    // a file system of 8 MB filled but for 64 KB (needs the right to mount: root in a container that allows it)
    if (process.getuid?.() !== 0 || spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', join(d, 'disk')]).status !== 0) return ctx.skip();
    try {
      writeFileSync(join(d, 'disk', 'filler'), Buffer.alloc(8 * 1024 * 1024 - 64 * 1024));
      const r = ingest('--quiet', '--out', join(d, 'disk', 'ds'), join(d, 'in'));
      expect(r.status, r.stderr).toBe(1);
      oneLine(r.stderr);
      expect(r.stderr).toMatch(/cannot write to the output folder .*disk.*: no space left on device/);
      expect(existsSync(join(d, 'disk', 'ds'))).toBe(false);
    } finally {
      spawnSync('umount', [join(d, 'disk')]);
    }
  }, 60_000);
});
