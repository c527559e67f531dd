/** The pure pieces of keeping an output safe: which dataset recovery puts back, the lock, names as bytes, one-line output errors. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseRecovery, cleanLeftovers, completeManifest, leftoversOf, recoverInterrupted } from '../../scripts/lib/dataset-recovery.ts';
import { lockFileOf, lockOutput, processStart } from '../../scripts/lib/out-lock.ts';
import { escapedName, shownName } from '../../scripts/lib/file-names.ts';
import { outputProblem, UserError } from '../../scripts/lib/user-error.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'xxgk-safety-'));

/** A dataset folder: the files the manifest lists, with those sizes, and the manifest. */
function dataset(dir: string, builtAt: string, opts: { drop?: string; shrink?: string } = {}) {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, { rows: number; bytes: number }> = {};
  for (const t of ['reports', 'cells']) {
    const body = `${t} of ${builtAt}`;
    files[`${t}.parquet`] = { rows: 1, bytes: body.length };
    if (opts.drop !== t) writeFileSync(join(dir, `${t}.parquet`), opts.shrink === t ? body.slice(1) : body);
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ schema_version: 1, built_at: builtAt, files, site: false }));
}

describe('recovery', () => {
  it('chooses the newest complete dataset by its manifest, whatever the names', () => {
    const a = { path: 'ds.old-9-1', manifest: null };
    const b = { path: 'ds.old-10-1', manifest: { built_at: '2026-12-01T00:00:00Z' } };
    const c = { path: 'ds.tmp-1-1', manifest: { built_at: '2026-12-02T00:00:00Z' } };
    expect(chooseRecovery([a, b])).toBe('ds.old-10-1');
    expect(chooseRecovery([b, c, a])).toBe('ds.tmp-1-1');
    expect(chooseRecovery([a])).toBeNull();
    expect(chooseRecovery([])).toBeNull();
  });

  it('takes a dataset for complete only when its manifest is there and its files have the sizes it gives', () => {
    const d = tmp();
    dataset(join(d, 'whole'), '2026-12-01T00:00:00Z');
    dataset(join(d, 'missing'), '2026-12-01T00:00:00Z', { drop: 'cells' });
    dataset(join(d, 'cut'), '2026-12-01T00:00:00Z', { shrink: 'reports' });
    mkdirSync(join(d, 'no-manifest'));
    expect(completeManifest(join(d, 'whole'))).toEqual({ built_at: '2026-12-01T00:00:00Z' });
    expect(completeManifest(join(d, 'missing'))).toBeNull();
    expect(completeManifest(join(d, 'cut'))).toBeNull();
    expect(completeManifest(join(d, 'no-manifest'))).toBeNull();
  });

  it('puts back the complete one of a partial and a complete dataset set aside, though the partial sorts last and is newer; then cleans', () => {
    const d = tmp();
    const out = join(d, 'ds');
    // as text, "ds.old-9-…" sorts after "ds.old-10-…": the old rule restored the partial one
    dataset(`${out}.old-10-1`, '2026-12-01T00:00:00Z');
    dataset(`${out}.old-9-1`, '2026-12-03T00:00:00Z', { drop: 'cells' });
    mkdirSync(`${out}.tmp-5-5`);
    mkdirSync(`${out}.trash-5-6`);
    mkdirSync(join(d, 'ds.old-by-hand'));
    expect(recoverInterrupted(out)).toBe(`${out}.old-10-1`);
    expect(readFileSync(join(out, 'reports.parquet'), 'utf8')).toBe('reports of 2026-12-01T00:00:00Z');
    expect(leftoversOf(out).map((l) => l.kind).sort()).toEqual(['old', 'tmp', 'trash']);
    cleanLeftovers(out);
    expect(leftoversOf(out)).toEqual([]);
    // only the names the ingest makes are removed
    expect(existsSync(join(d, 'ds.old-by-hand'))).toBe(true);
    // a dataset in place is never replaced
    dataset(`${out}.old-11-1`, '2026-12-05T00:00:00Z');
    expect(recoverInterrupted(out)).toBeNull();
  });
});

describe('the output lock', () => {
  it('refuses a second holder, with the owner in one line, and is free again once released', () => {
    const out = join(tmp(), 'ds');
    const release = lockOutput(out);
    const owner = JSON.parse(readFileSync(lockFileOf(out), 'utf8'));
    expect(owner).toMatchObject({ pid: process.pid, host: hostname() });
    let err: unknown;
    try {
      lockOutput(out);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toContain(`pid ${process.pid}`);
    expect((err as UserError).message).not.toContain('\n');
    release();
    expect(existsSync(lockFileOf(out))).toBe(false);
    lockOutput(out)();
  });

  it('takes over a lock whose owner died (kill -9 leaves it), or whose pid now belongs to another process', () => {
    const out = join(tmp(), 'ds');
    // a process that has exited: its pid is no one's now
    const dead = spawnSync('sh', ['-c', 'echo $$']).stdout.toString().trim();
    writeFileSync(lockFileOf(out), JSON.stringify({ pid: Number(dead), host: hostname(), started: '2026-12-01T00:00:00Z', since: '1' }));
    lockOutput(out)();
    // a live pid, but a process that started at another time than the lock's owner
    writeFileSync(lockFileOf(out), JSON.stringify({ pid: process.pid, host: hostname(), started: '2026-12-01T00:00:00Z', since: `${processStart(process.pid)}0` }));
    lockOutput(out)();
    // the owner alive: refused
    writeFileSync(lockFileOf(out), JSON.stringify({ pid: process.pid, host: hostname(), started: '2026-12-01T00:00:00Z', since: processStart(process.pid) }));
    expect(() => lockOutput(out)).toThrow(/another ingest is writing/);
    // another host's lock may be alive: refused
    writeFileSync(lockFileOf(out), JSON.stringify({ pid: 1, host: `${hostname()}-other`, started: '2026-12-01T00:00:00Z', since: null }));
    expect(() => lockOutput(out)).toThrow(/another ingest is writing/);
  });
});

describe('file names as bytes', () => {
  it('shows GBK names decoded, other bytes escaped, UTF-8 kept', () => {
    // 报告 in GBK
    expect(shownName(Buffer.from([0xb1, 0xa8, 0xb8, 0xe6, 0x2e, 0x74, 0x78, 0x74]))).toBe('报告.txt');
    // 0xff is neither UTF-8 nor GB18030
    expect(shownName(Buffer.from([0xff, 0x41, 0x2e, 0x68]))).toBe('\\xffA.h');
    expect(escapedName(Buffer.concat([Buffer.from('年报'), Buffer.from([0xb1]), Buffer.from('.txt')]))).toBe('年报\\xb1.txt');
    expect(shownName(Buffer.from([0xb1, 0xa8]), true)).toBe('\\xb1\\xa8');
  });
});

describe('output errors', () => {
  it('name the folder and the cause in one line', () => {
    const e = Object.assign(new Error("EACCES: permission denied, mkdir '/srv/ro/ds.work'"), { code: 'EACCES', path: '/srv/ro/ds.work' });
    expect(outputProblem(e, '/srv/ro/ds')).toBe('无法写入输出文件夹 /srv/ro：没有写入权限 / cannot write to the output folder /srv/ro: permission denied');
    expect(outputProblem(new Error('IO Error: Could not write file "/mnt/full/ds.work/work.duckdb": No space left on device'), '/mnt/full/ds')).toMatch(/^无法写入输出文件夹 \/mnt\/full：磁盘已满 \/ cannot write to the output folder \/mnt\/full: no space left on device$/);
    expect(outputProblem(Object.assign(new Error('EROFS'), { code: 'EROFS' }), '/ro/ds')).toContain('read-only file system');
    expect(outputProblem(new Error('Constraint Error'), '/x/ds')).toBeNull();
  });
});
