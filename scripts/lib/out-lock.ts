/**
 * One run at a time on an output: `<out>.lock`, created with O_EXCL, holding its owner's pid,
 * host and start. A second run (a `--fresh` one included) is refused with a line naming the
 * owner, before it touches the dataset or the work database. A lock whose owner has died
 * (`kill -9`, a crash, a reboot) is stale: the next run takes it over. Its owner is dead when
 * on this host no process has its pid, or the process with that pid started at another time
 * (its pid was reused). A lock of another host is never taken over: it may be alive.
 */
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, resolve } from 'node:path';
import { UserError, outputProblem } from './user-error.ts';

export interface LockOwner { pid: number; host: string; started: string; /** the process's start in clock ticks since boot (Linux), against pid reuse */ since: string | null }

/** The start of process `pid` (field 22 of /proc/pid/stat), or null where there is no /proc. */
export function processStart(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** Whether the owner of a lock may still be running. */
export function ownerAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const since = processStart(owner.pid);
  return !(owner.since && since && since !== owner.since);
}

function readOwner(file: string): LockOwner | null {
  try {
    const o = JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
    return Number.isInteger(o.pid) && typeof o.host === 'string' ? o : null;
  } catch {
    return null;
  }
}

export const lockFileOf = (out: string) => `${resolve(out)}.lock`;

/** Takes the lock on `out` or throws a UserError saying who holds it; returns the release. */
export function lockOutput(out: string): () => void {
  const file = lockFileOf(out);
  const me: LockOwner = { pid: process.pid, host: hostname(), started: new Date().toISOString(), since: processStart(process.pid) };
  const text = `${JSON.stringify(me)}\n`;
  // a file where a folder on the way should be: said as such (mkdir would say EEXIST)
  for (let up = dirname(file); ; up = dirname(up)) {
    let st;
    try {
      st = statSync(up);
    } catch {
      if (dirname(up) === up) break;
      continue;
    }
    if (!st.isDirectory()) throw new UserError(`${up} 不是文件夹，无法在其中写入数据集（ENOTDIR）/ ${up} is not a folder: the dataset cannot be written in it (ENOTDIR)`);
    break;
  }
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (e) {
    throw new UserError(outputProblem(e, file) ?? `无法创建输出文件夹 ${dirname(file)}：${(e as NodeJS.ErrnoException).code} / cannot create the output folder ${dirname(file)}: ${(e as Error).message}`);
  }
  for (let attempt = 0; attempt < 5; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new UserError(outputProblem(e, file) ?? `无法写入 ${file} / cannot write ${file}: ${(e as Error).message}`);
      const owner = readOwner(file);
      if (owner === null) {
        // an owner between creating the file and writing into it, or one that died right then
        let age = 0;
        try {
          age = Date.now() - statSync(file).mtimeMs;
        } catch { /* gone meanwhile: try again */ }
        if (age < 5000) {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
          continue;
        }
      } else if (ownerAlive(owner)) {
        throw new UserError(`另一个导入正在写入 ${resolve(out)}（进程 ${owner.pid}，${owner.host}，开始于 ${owner.started}），请等它结束后再运行 / another ingest is writing ${resolve(out)} (pid ${owner.pid} on ${owner.host}, since ${owner.started}); run again when it has finished (lock: ${file})`);
      }
      breakStale(file, owner);
      continue;
    }
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.off('exit', release);
      // only our own lock: never one a later run took over
      if (readOwner(file)?.pid === me.pid && readOwner(file)?.started === me.started) unlinkSync(file);
    };
    process.on('exit', release);
    return release;
  }
  throw new UserError(`无法取得 ${file} / could not take the lock ${file}`);
}

/**
 * Removes a stale lock. Moved aside first, and put back if what was moved is not the stale
 * owner's (another run took the lock over in between): a live lock is never removed.
 */
function breakStale(file: string, stale: LockOwner | null): void {
  const aside = `${file}.stale-${process.pid}-${Date.now()}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // gone already
  }
  const moved = readOwner(aside);
  if (moved !== null && (moved.pid !== stale?.pid || moved.started !== stale?.started)) {
    try {
      linkSync(aside, file);
    } catch { /* a third run holds it now */ }
  }
  unlinkSync(aside);
}
