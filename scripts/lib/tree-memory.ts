/**
 * The memory of a process and all its descendants, for the benchmarks: the sum of their PSS,
 * read from /proc (Linux). PSS shares each page among the processes that map it, so the code
 * that a run and its reading rounds both map (node, DuckDB's library) counts once, and a helper
 * process such as tsx's esbuild counts too; the largest single process's peak RSS (what
 * `/usr/bin/time` gives) sees neither.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** `root` and its descendants, given each process's parent. */
export function subtree(root: number, parentOf: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parentOf) {
    const siblings = children.get(ppid);
    if (siblings) siblings.push(pid);
    else children.set(ppid, [pid]);
  }
  const found = new Set([root]);
  for (const pid of found) for (const c of children.get(pid) ?? []) found.add(c);
  return [...found];
}

/** Each running process's parent, and the first process whose command line holds `marker`, if asked. */
function processes(marker?: string): { parentOf: Map<number, number>; marked: number | null } {
  const parentOf = new Map<number, number>();
  let marked: number | null = null;
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      // the command name, in parentheses, may hold spaces and parentheses itself
      parentOf.set(Number(p), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (marker && marked === null && readFileSync(`/proc/${p}/cmdline`, 'utf8').includes(marker)) marked = Number(p);
    } catch {
      // the process ended meanwhile
    }
  }
  return { parentOf, marked };
}

/** The process `root` (or the first whose command line holds a marker) and its descendants, now. */
export function processTree(root: number | { marker: string }): number[] {
  const { parentOf, marked } = processes(typeof root === 'number' ? undefined : root.marker);
  const top = typeof root === 'number' ? root : marked;
  return top === null ? [] : subtree(top, parentOf);
}

/** The summed PSS of `pids` in bytes; a process that ended meanwhile counts 0. */
export function pssOf(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      kb += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch {
      // the process ended meanwhile
    }
  }
  return kb * 1024;
}

/**
 * Samples the tree's summed PSS every `ms` until stopped, and gives its peak in bytes. A peak
 * shorter than the interval can be missed: a lower bound, beside the largest process's exact peak.
 */
export function sampleTreePeak(root: number | { marker: string }, ms = 250): { stop: () => number } {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, pssOf(processTree(root)));
  };
  const timer = setInterval(sample, ms);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
