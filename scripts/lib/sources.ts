/**
 * A sources table (CSV or TSV, header row): which file came from where. Columns: `path` or
 * `file` (relative to the table's folder or as given on the command line), optional `region`
 * (GB/T 2260 code, settles ambiguous names) and `url` or `source`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';

export interface SourceInfo { region: string | null; url: string | null }

export function readSources(file: string): Map<string, SourceInfo> {
  const text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  const delimiter = text.split('\n')[0].includes('\t') ? '\t' : ',';
  const records = parse(text, { columns: true, delimiter, skip_empty_lines: true, relax_column_count: true, trim: true }) as Record<string, string>[];
  const base = dirname(resolve(file));
  const out = new Map<string, SourceInfo>();
  for (const r of records) {
    const p = r.path ?? r.file;
    if (!p) continue;
    const url = r.url || (/^https?:\/\//.test(r.source ?? '') ? r.source : '') || null;
    const info = { region: r.region || null, url };
    out.set(resolve(base, p), info);
    out.set(resolve(p), info);
  }
  return out;
}

export function sourceFor(sources: Map<string, SourceInfo> | null, abs: string): SourceInfo | undefined {
  return sources?.get(abs) ?? sources?.get(join(abs));
}
