/**
 * The files of a run: files and folders as given, folders walked recursively in a fixed order.
 * Symlinked folders are followed once (a loop cannot trap the walk); what cannot be listed is
 * reported, not skipped silently. The walk is lazy, so a run over a million files holds one
 * folder's listing at a time, not the list of every file.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { shownName, utf8Name } from './file-names.ts';

export interface InputFile {
  /** As shown in the file's row; `abs` is its absolute form (the key of the sources table). */
  path: string; abs: string; /** bytes, when the walk met it */ size: number;
  /** The path's bytes when a name on it is not UTF-8 (file-names.ts): the file is opened by them, not by `abs`. */
  raw?: Buffer;
  /** Where the walk met it: the index of the path given, then the names under it (see `after`). */
  key: string[];
}
export interface WalkProblem { path: string; reason: string }

/**
 * Only Windows separates with backslashes, which are shown as slashes there. On Linux a
 * backslash is a character of a name like any other: a file named `..\secret\x.txt` inside
 * the input folder is that file, not a way out of the folder.
 */
const shownSeparators = (p: string) => (sep === '\\' ? p.replace(/\\/g, '/') : p);

/** Whether `abs` is the folder `root` or lies inside it (by its path, as the walk joined it). */
export function isInside(root: string, abs: string): boolean {
  return abs === root || abs.startsWith(root.endsWith(sep) ? root : root + sep);
}

interface Entry { key: string; shown: string; fs: string | Buffer }

/**
 * A folder's entries, sorted: names that are UTF-8 as they are; others by their bytes, shown
 * decoded (a shown name that another entry already has is shown escaped instead, so that two
 * files never share a row's path), keyed after their shown name by their bytes.
 */
function entriesOf(dir: string | Buffer): Entry[] {
  const names = readdirSync(dir, { encoding: 'buffer' });
  const plain = new Set<string>();
  const odd: Buffer[] = [];
  const out: Entry[] = [];
  const base = typeof dir === 'string' ? Buffer.from(dir) : dir;
  for (const n of names) {
    const s = utf8Name(n);
    if (s === null) odd.push(n);
    else {
      plain.add(s);
      out.push({ key: s, shown: s, fs: typeof dir === 'string' ? join(dir, s) : Buffer.concat([base, Buffer.from(`/${s}`)]) });
    }
  }
  for (const n of odd) {
    let shown = shownName(n);
    if (plain.has(shown)) shown = shownName(n, true);
    plain.add(shown);
    out.push({ key: `${shown}\u0000${n.toString('hex')}`, shown, fs: Buffer.concat([base, Buffer.from('/'), n]) });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** A folder's real path as a key of `seen`: the text when it is UTF-8, else its bytes in hex. */
function realKey(p: string | Buffer): string {
  const real = realpathSync(p, { encoding: 'buffer' });
  return utf8Name(real) ?? `hex:${real.toString('hex')}`;
}

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
  // `spine`: the folder holds `after` (its names so far equal after's), so its entries up to after's are passed over.
  // `fs`: the path the file system is given (bytes when a name on it is not UTF-8); `root`: the folder given, which nothing leaves
  function* visit(shown: string, fs: string | Buffer, root: string, key: string[], spine: boolean): Generator<InputFile> {
    const abs = typeof fs === 'string' ? resolve(fs) : resolve(shown);
    if (excluded.has(abs)) return;
    if (!isInside(root, abs)) {
      problems.push({ path: shown, reason: '路径越出输入文件夹，未读取 / path leaves the input folder, not read' });
      return;
    }
    let st;
    try {
      st = lstatSync(fs);
      if (st.isSymbolicLink()) {
        // a link is followed only to what lies inside a folder given (by real paths): never out of them
        const target = realpathSync(fs);
        if (!realRoots.some((r) => isInside(r, target))) {
          problems.push({ path: shown, reason: `符号链接指向输入文件夹之外（${target}），未读取 / symlink to outside the input folders, not read` });
          return;
        }
        st = statSync(fs);
      }
    } catch (e) {
      problems.push({ path: shown, reason: `无法读取：${(e as NodeJS.ErrnoException).code ?? String(e)} / cannot stat` });
      return;
    }
    if (st.isDirectory()) {
      const real = realKey(fs);
      // (a folder on the way to `after` was seen by the walk that stopped there)
      if (!spine && seenDirs.has(real)) {
        // a link back into what is being read: said, not followed
        if (lstatSync(fs).isSymbolicLink()) problems.push({ path: shown, reason: `符号链接指向已读取的目录（${real}），未再读取 / symlink to a folder already read, not followed again` });
        return;
      }
      seenDirs.add(real);
      if (spine && key.length >= after!.length) return; // after names a folder: nothing in it comes after it
      let entries: Entry[];
      try {
        entries = entriesOf(typeof fs === 'string' ? abs : fs);
      } catch (e) {
        problems.push({ path: shown, reason: `无法列出目录：${(e as NodeJS.ErrnoException).code ?? String(e)} / cannot list folder` });
        return;
      }
      for (const { key: name, shown: named, fs: inner } of entries) {
        const on = spine && name === after![key.length];
        if (spine && !on && name < after![key.length]) continue;
        yield* visit(shownSeparators(join(shown, named)), inner, root, [...key, name], on);
      }
    } else if (st.isFile()) {
      // the file `after` names was read before
      if (!spine) yield { path: shownSeparators(shown), abs, size: st.size, key, ...(typeof fs === 'string' ? {} : { raw: fs }) };
    } else {
      problems.push({ path: shown, reason: '不是普通文件 / not a regular file' });
    }
  }
  const realRoots = paths.flatMap((p) => {
    try {
      return [realpathSync(p)];
    } catch {
      return [];
    }
  });
  const from = after ? Number(after[0]) : 0;
  for (const [i, p] of paths.entries()) if (i >= from) yield* visit(p, p, resolve(p), [String(i)], after !== null && i === from);
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
