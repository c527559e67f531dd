/**
 * Fuzzing the parsing core: mutated real reports through ingestFile, and what must hold of
 * every answer, whatever the input: a row with a status (a reason when not ok), cells whose
 * numbers are finite and whose other states carry no value, unreadable cells with a reason,
 * and a cell count that matches.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestFile } from '../../src/ingest/ingest-file.ts';
import type { CellRow, FindingRow, ReportRow } from '../../src/model/contract.ts';
import { Random } from '../synth/random.ts';
import { nodeExtractors } from './extractors.ts';
import { mutate } from './mutate.ts';

export const FUZZ_SEEDS_DIRS = ['data/samples', 'test/fixtures/quirks', 'test/fixtures/docx'];

export function fuzzSeeds(): { name: string; bytes: Uint8Array }[] {
  return FUZZ_SEEDS_DIRS.flatMap((d) => readdirSync(d).filter((f) => /\.(txt|md|html|pdf|docx)$/i.test(f)).sort()
    .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(d, f))) })));
}

/** What is wrong with one answer (empty when nothing is). */
export function violations(out: { report: ReportRow; cells: CellRow[]; findings: FindingRow[] }): string[] {
  const bad: string[] = [];
  const r = out.report;
  if (!['ok', 'partial', 'failed'].includes(r.status)) bad.push(`status ${r.status}`);
  if (r.status !== 'ok' && !r.status_reason) bad.push('no reason');
  if (r.cell_count !== out.cells.length) bad.push(`cell_count ${r.cell_count} ≠ ${out.cells.length}`);
  for (const c of out.cells) {
    if (c.state === 'number' && !(typeof c.value === 'number' && Number.isFinite(c.value))) bad.push(`${c.metric}/${c.applicant}: number ${c.value}`);
    if (c.state !== 'number' && c.value !== null) bad.push(`${c.metric}/${c.applicant}: ${c.state} with value ${c.value}`);
    if (c.state === 'unreadable' && !c.reason) bad.push(`${c.metric}/${c.applicant}: unreadable without reason`);
  }
  for (const f of out.findings) if (!f.message) bad.push(`${f.rule}: finding without message`);
  return bad;
}

export interface FuzzResult { inputs: number; crashes: { name: string; error: string }[]; broken: { name: string; problems: string[] }[]; slowest: { name: string; ms: number } }

/** `n` mutated inputs from the seed files (1–3 mutations each), through ingestFile in this thread. */
export async function fuzz(n: number, seed: number, onInput?: (i: number) => void): Promise<FuzzResult> {
  const seeds = fuzzSeeds();
  const r = new Random(seed);
  const result: FuzzResult = { inputs: 0, crashes: [], broken: [], slowest: { name: '', ms: 0 } };
  for (let i = 0; i < n; i++) {
    const s = r.pick(seeds);
    let bytes = s.bytes;
    for (let k = r.int(1, 3); k > 0; k--) bytes = mutate(bytes, s.name, r);
    const name = `fuzz-${i}-${s.name}`;
    const t = performance.now();
    try {
      const out = await ingestFile({ bytes, path: name, sha256: String(i).padStart(64, '0'), regionHint: null, sourceUrl: null }, nodeExtractors);
      const problems = violations(out);
      if (problems.length) result.broken.push({ name, problems: problems.slice(0, 5) });
    } catch (e) {
      result.crashes.push({ name, error: (e as Error).stack?.split('\n').slice(0, 3).join(' | ') ?? String(e) });
    }
    const ms = performance.now() - t;
    if (ms > result.slowest.ms) result.slowest = { name, ms };
    result.inputs++;
    onInput?.(i);
  }
  return result;
}
