/**
 * The files of a run: files and folders as given, folders walked recursively in a fixed order.
 * Symlinked folders are followed once (a loop cannot trap the walk); what cannot be listed is
 * reported, not skipped silently. The walk is lazy, so a run over a million files holds one
 * folder's listing at a time, not the list of every file.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface InputFile { path: string; abs: string; /** bytes, when the walk met it */ size: number }
export interface WalkProblem { path: string; reason: string }

/** Yields the files in order; what cannot be read is pushed onto `problems`. */
export function* walkInputs(paths: string[], problems: WalkProblem[], exclude: string[] = []): Generator<InputFile> {
  const seenDirs = new Set<string>();
  const excluded = new Set(exclude.map((p) => resolve(p)));
  function* visit(shown: string): Generator<InputFile> {
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
      if (seenDirs.has(real)) {
        // a link back into what is being read: said, not followed
        if (lstatSync(abs).isSymbolicLink()) problems.push({ path: shown, reason: `符号链接指向已读取的目录（${real}），未再读取 / symlink to a folder already read, not followed again` });
        return;
      }
      seenDirs.add(real);
      let entries: string[];
      try {
        entries = readdirSync(abs).sort();
      } catch (e) {
        problems.push({ path: shown, reason: `无法列出目录：${(e as NodeJS.ErrnoException).code ?? String(e)} / cannot list folder` });
        return;
      }
      for (const name of entries) yield* visit(join(shown, name).replace(/\\/g, '/'));
    } else if (st.isFile()) {
      yield { path: shown.replace(/\\/g, '/'), abs, size: st.size };
    } else {
      problems.push({ path: shown, reason: '不是普通文件 / not a regular file' });
    }
  }
  for (const p of paths) yield* visit(p);
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
