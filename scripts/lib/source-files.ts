import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { ReportRow } from '../../src/model/contract.ts';

/** sources/<report_id><ext> → the input file, for every report read from a file that exists. */
export function sourceFiles(reports: ReportRow[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of reports) {
    if (r.status === 'failed') continue;
    const abs = resolve(r.source_path);
    if (existsSync(abs)) out.set(`${r.report_id}${extname(r.source_path).toLowerCase()}`, abs);
  }
  return out;
}
