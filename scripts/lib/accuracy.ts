/**
 * A synthetic corpus's truth against what the ingest read: cells right / total, and wrong
 * numbers (a number read where the truth has another number, or none) — which must be 0.
 * Cells the ingest marked unreadable are counted apart: not wrong, not right.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { CellRow, FindingRow, ReportRow } from '../../src/model/contract.ts';

export interface Accuracy {
  reports: number; cells: number; right: number; unreadable: number; missing: number; wrongNumbers: number;
  examples: string[]; errorReports: number; errorsFlagged: number; cleanReports: number; cleanFlagged: number;
}

export async function checkAccuracy(corpus: string, reports: ReportRow[], cells: CellRow[], findings: FindingRow[], inputRoot: string): Promise<Accuracy> {
  const byPath = new Map(reports.map((r) => [r.source_path, r]));
  const cellsOf = new Map<string, Map<string, CellRow>>();
  for (const c of cells) {
    if (!cellsOf.has(c.report_id)) cellsOf.set(c.report_id, new Map());
    cellsOf.get(c.report_id)!.set(`${c.metric}|${c.applicant}`, c);
  }
  const failing = new Set(findings.filter((f) => f.severity === 'error' && f.result === 'fail').map((f) => f.report_id));
  const a: Accuracy = { reports: 0, cells: 0, right: 0, unreadable: 0, missing: 0, wrongNumbers: 0, examples: [], errorReports: 0, errorsFlagged: 0, cleanReports: 0, cleanFlagged: 0 };
  const lines = createInterface({ input: createReadStream(join(corpus, 'truth.jsonl')) });
  for await (const line of lines) {
    if (!line) continue;
    const t = JSON.parse(line) as { file: string; cells: Record<string, number | null | 'na'>; errors: string[] };
    const r = byPath.get(join(inputRoot, t.file).replace(/\\/g, '/'));
    a.reports++;
    const got = r ? cellsOf.get(r.report_id) : undefined;
    if (t.errors.length) {
      a.errorReports++;
      if (r && failing.has(r.report_id)) a.errorsFlagged++;
    } else {
      a.cleanReports++;
      if (r && failing.has(r.report_id)) a.cleanFlagged++;
    }
    for (const [key, want] of Object.entries(t.cells)) {
      a.cells++;
      const c = got?.get(key);
      if (!c) {
        a.missing++;
        continue;
      }
      const value = c.state === 'number' ? c.value : c.state === 'blank' ? null : c.state === 'na' ? 'na' : undefined;
      if (value === undefined) a.unreadable++;
      else if (value === want) a.right++;
      else if (c.state === 'number') {
        a.wrongNumbers++;
        if (a.examples.length < 10) a.examples.push(`${t.file} ${key}: read ${c.raw} (${value}), truth ${want}`);
      } else a.missing++;
    }
  }
  return a;
}
