/**
 * The files of a run: files and folders as given, folders walked recursively in a fixed order.
 * Symlinked folders are followed once (a loop cannot trap the walk); what cannot be listed is
 * reported, not skipped silently.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface InputFile { path: string; abs: string }
export interface WalkProblem { path: string; reason: string }

export function listInputs(paths: string[], exclude: string[] = []): { files: InputFile[]; problems: WalkProblem[] } {
  const files: InputFile[] = [];
  const problems: WalkProblem[] = [];
  const seenDirs = new Set<string>();
  const excluded = new Set(exclude.map((p) => resolve(p)));
  const visit = (shown: string) => {
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
      for (const name of entries) visit(join(shown, name).replace(/\\/g, '/'));
    } else if (st.isFile()) {
      files.push({ path: shown.replace(/\\/g, '/'), abs });
    } else {
      problems.push({ path: shown, reason: '不是普通文件 / not a regular file' });
    }
  };
  for (const p of paths) visit(p);
  return { files, problems };
}
