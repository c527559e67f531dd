import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { ingestFile, type IngestOutput } from '../../src/ingest/ingest-file.ts';
import { nodeExtractors } from '../../scripts/lib/extractors.ts';

export function ingestPath(path: string, regionHint?: string): Promise<IngestOutput> {
  const bytes = new Uint8Array(readFileSync(path));
  return ingestFile({ bytes, path, sha256: createHash('sha256').update(bytes).digest('hex'), regionHint }, nodeExtractors);
}

export function ingestString(text: string, name = 'report.txt', regionHint?: string): Promise<IngestOutput> {
  const bytes = new TextEncoder().encode(text);
  return ingestFile({ bytes, path: name, sha256: createHash('sha256').update(bytes).digest('hex'), regionHint }, nodeExtractors);
}

/** cells as `metric|applicant` → cell, for lookups in tests */
export function cellMap(out: IngestOutput) {
  return new Map(out.cells.map((c) => [`${c.metric}|${c.applicant}`, c]));
}
