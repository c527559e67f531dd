/**
 * The files of a run: files and folders as given, folders walked recursively in a fixed order.
 * Symlinked folders are followed once (a loop cannot trap the walk); what cannot be listed is
 * reported, not skipped silently. The walk is lazy, so a run over a million files holds one
 * folder's listing at a time, not the list of every file.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface InputFile {
  path: string; abs: string; /** bytes, when the walk met it */ size: number;
  /** Where the walk met it: the index of the path given, then the names under it (see `after`). */
  key: string[];
}
export interface WalkProblem { path: string; reason: string }

/** Where a walk stopped: the key of its last file (null: none yet), and the folders it had seen (by real path). */
export interface WalkPlace { after: string[] | null; seen: Set<string> }

/**
 * Yields the files in order; what cannot be read is pushed onto `problems`. From a `place` where
 * an earlier walk over the same paths stopped, the walk goes on just past that file: what sorts
 * before it is not visited at all, so a later part of a long walk costs no more than its own
 * files. Folders go into `seen` as they are met (a link to one met before is not followed).
 */
export function* walkInputs(paths: string[], problems: WalkProblem[], exclude: string[] = [], place: WalkPlace = { after: null, seen: new Set() }): Generator<InputFile> {
  const { after, seen: seenDirs } = place;
  const excluded = new Set(exclude.map((p) => resolve(p)));
  // `spine`: the folder holds `after` (its names so far equal after's), so its entries up to after's are passed over
  function* visit(shown: string, key: string[], spine: boolean): Generator<InputFile> {
    const abs = resolve(shown);
    if (excluded.has(abs)) return;
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      problems.push({ path: shown, reason: `无法读取：${(e as NodeJS.ErrnoException).code ?? String(e)} / cannot stat` });
      return;
    }
    if (st.isDirectory()) {
      const real = realpathSync(abs);
      // (a folder on the way to `after` was seen by the walk that stopped there)
      if (!spine && seenDirs.has(real)) {
        // a link back into what is being read: said, not followed
        if (lstatSync(abs).isSymbolicLink()) problems.push({ path: shown, reason: `符号链接指向已读取的目录（${real}），未再读取 / symlink to a folder already read, not followed again` });
        return;
      }
      seenDirs.add(real);
      if (spine && key.length >= after!.length) return; // after names a folder: nothing in it comes after it
      let entries: string[];
      try {
        entries = readdirSync(abs).sort();
      } catch (e) {
        problems.push({ path: shown, reason: `无法列出目录：${(e as NodeJS.ErrnoException).code ?? String(e)} / cannot list folder` });
        return;
      }
      for (const name of entries) {
        const on = spine && name === after![key.length];
        if (spine && !on && name < after![key.length]) continue;
        yield* visit(join(shown, name).replace(/\\/g, '/'), [...key, name], on);
      }
    } else if (st.isFile()) {
      // the file `after` names was read before
      if (!spine) yield { path: shown.replace(/\\/g, '/'), abs, size: st.size, key };
    } else {
      problems.push({ path: shown, reason: '不是普通文件 / not a regular file' });
    }
  }
  const from = after ? Number(after[0]) : 0;
  for (const [i, p] of paths.entries()) if (i >= from) yield* visit(p, [String(i)], after !== null && i === from);
}

export function listInputs(paths: string[], exclude: string[] = []): { files: InputFile[]; problems: WalkProblem[] } {
  const problems: WalkProblem[] = [];
  const files = [...walkInputs(paths, problems, exclude)];
  return { files, problems };
}

/** About how many files the walk will yield (for progress only: entry types, no stat, no links followed). */
export function countInputs(paths: string[], exclude: string[] = []): number {
  const excluded = new Set(exclude.map((p) => resolve(p)));
  const count = (abs: string): number => {
    if (excluded.has(abs)) return 0;
    try {
      if (!statSync(abs).isDirectory()) return 1;
      return readdirSync(abs, { withFileTypes: true }).reduce((n, d) => n + (d.isDirectory() ? count(join(abs, d.name)) : excluded.has(join(abs, d.name)) ? 0 : 1), 0);
    } catch {
      return 1;
    }
  };
  return paths.reduce((n, p) => n + count(resolve(p)), 0);
}
