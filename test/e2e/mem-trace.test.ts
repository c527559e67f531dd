/**
 * XXGK_MEM_TRACE=1: the ingest prints its memory after every window and every step of writing
 * (how docs/scale.md traced what grows with the corpus), and nothing without it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDataset } from '../helpers/dataset.ts';

const FILES = ['data/samples/2019_shanghai-municipal-government-office.html', 'data/samples/2022_pingtan-comprehensive-zone.html'];

async function traced(env: string | undefined): Promise<string[]> {
  const lines: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (String(chunk).startsWith('[mem ')) lines.push(String(chunk));
    return write(chunk as string, ...(rest as []));
  }) as typeof process.stderr.write);
  if (env) process.env.XXGK_MEM_TRACE = env;
  try {
    await buildDataset(FILES, { workers: 0, window: 1 });
  } finally {
    delete process.env.XXGK_MEM_TRACE;
  }
  return lines;
}

afterEach(() => vi.restoreAllMocks());

describe('memory trace', () => {
  it('a line per window and per step of writing, with the process and DuckDB by kind', async () => {
    const lines = await traced('1');
    const line = /^\[mem ([^\]]+)\] rss=\d+ peak=\d+ heap=\d+\/\d+ ext=\d+ ab=\d+ duckdb=\d+( [A-Z_]+=\d+(\+\d+t)?)*\n$/;
    for (const l of lines) expect(l).toMatch(line);
    const labels = lines.map((l) => line.exec(l)![1]);
    expect(labels.slice(0, 3)).toEqual(['1 files', '2 files', 'read']);
    for (const step of ['checks', 'parquet', 'site', 'digest']) expect(labels).toContain(`after ${step}`);
  }, 60_000);

  it('nothing without XXGK_MEM_TRACE', async () => {
    expect(await traced(undefined)).toEqual([]);
  }, 60_000);
});
