/**
 * What an interrupted write leaves beside a dataset `<out>`: `<out>.tmp-<pid>-<ms>` (a dataset
 * being written; complete once its manifest is there, which is written last), `<out>.old-…`
 * (the previous dataset, set aside during the swap) and `<out>.trash-…` (a folder being
 * deleted). When `<out>` is missing, the newest complete one is put back, chosen by what its
 * manifest says (it is there, and the files it lists are there with their sizes), never by its
 * name; the rest is removed, under the run's lock (out-lock.ts).
 */
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export interface Leftover { path: string; kind: 'tmp' | 'old' | 'trash' }

/** The leftovers beside `out` (only names of the form the ingest makes). */
export function leftoversOf(outDir: string): Leftover[] {
  const out = resolve(outDir);
  const parent = dirname(out);
  if (!existsSync(parent)) return [];
  const base = basename(out).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^${base}\\.(tmp|old|trash)-\\d+-\\d+$`);
  return readdirSync(parent).flatMap((n) => {
    const m = re.exec(n);
    return m ? [{ path: join(parent, n), kind: m[1] as Leftover['kind'] }] : [];
  });
}

/** The manifest of a complete dataset in `dir`: every file it lists there with the size it gives; else null. */
export function completeManifest(dir: string): { built_at: string } | null {
  try {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { built_at?: unknown; files?: Record<string, { bytes: number }>; site?: boolean };
    if (typeof m.built_at !== 'string' || !m.files || !Object.keys(m.files).length) return null;
    for (const [f, { bytes }] of Object.entries(m.files)) if (statSync(join(dir, f)).size !== bytes) return null;
    if (m.site && !['site.json', 'summary.json'].every((f) => existsSync(join(dir, f)))) return null;
    return { built_at: m.built_at };
  } catch {
    return null;
  }
}

/** Of these candidates, the one to put back: the newest complete one, by its manifest's time (pure). */
export function chooseRecovery(candidates: { path: string; manifest: { built_at: string } | null }[]): string | null {
  const complete = candidates.filter((c) => c.manifest !== null && !Number.isNaN(Date.parse(c.manifest.built_at)));
  complete.sort((a, b) => Date.parse(b.manifest!.built_at) - Date.parse(a.manifest!.built_at));
  return complete[0]?.path ?? null;
}

/** Puts back a dataset left aside (or finished but not yet swapped in) by a run that died in between. */
export function recoverInterrupted(outDir: string): string | null {
  const out = resolve(outDir);
  if (existsSync(out)) return null;
  const chosen = chooseRecovery(leftoversOf(out).filter((l) => l.kind !== 'trash').map((l) => ({ path: l.path, manifest: completeManifest(l.path) })));
  if (chosen) renameSync(chosen, out);
  return chosen;
}

/** Deletes a folder so that no part of it is ever taken for a dataset: first renamed to a `.trash-` name, then removed. */
export function retire(dir: string, out: string): void {
  if (!existsSync(dir)) return;
  const trash = `${resolve(out)}.trash-${process.pid}-${Date.now()}`;
  renameSync(dir, trash);
  rmSync(trash, { recursive: true, force: true });
}

/** Removes every leftover beside `out` (after recoverInterrupted; only under the output's lock). */
export function cleanLeftovers(outDir: string): string[] {
  const gone: string[] = [];
  for (const l of leftoversOf(outDir)) {
    rmSync(l.path, { recursive: true, force: true });
    gone.push(l.path);
  }
  return gone;
}
