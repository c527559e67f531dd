import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { ingestBytes, type IngestOutput } from '../../src/ingest/ingest-file.ts';

export function ingestPath(path: string, regionHint?: string): IngestOutput {
  const bytes = new Uint8Array(readFileSync(path));
  return ingestBytes({ bytes, path, sha256: createHash('sha256').update(bytes).digest('hex'), regionHint });
}

export function ingestString(text: string, name = 'report.txt', regionHint?: string): IngestOutput {
  const bytes = new TextEncoder().encode(text);
  return ingestBytes({ bytes, path: name, sha256: createHash('sha256').update(bytes).digest('hex'), regionHint });
}

/** cells as `metric|applicant` → cell, for lookups in tests */
export function cellMap(out: IngestOutput) {
  return new Map(out.cells.map((c) => [`${c.metric}|${c.applicant}`, c]));
}
