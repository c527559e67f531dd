/**
 * XXGK_MEM_TRACE=1: the ingest prints its memory after every window and every step of writing
 * (how docs/scale.md traced what grows with the corpus), and nothing without it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDataset } from '../helpers/dataset.ts';

const FILES = ['data/samples/2019_shanghai-municipal-government-office.html', 'data/samples/2022_pingtan-comprehensive-zone.html'];

async function traced(env: string | undefined, workers = 0): Promise<string[]> {
  const lines: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (String(chunk).startsWith('[mem ')) lines.push(String(chunk));
    return write(chunk as string, ...(rest as []));
  }) as typeof process.stderr.write);
  if (env) process.env.XXGK_MEM_TRACE = env;
  try {
    await buildDataset(FILES, { workers, window: 1 });
  } finally {
    delete process.env.XXGK_MEM_TRACE;
  }
  return lines;
}

const LINE = /^\[mem ([^\]]+)\] rss=\d+ peak=\d+ heap=\d+\/\d+( workers=[\d,]*)? ext=\d+ ab=\d+ duckdb=\d+( [A-Z_]+=\d+(\+\d+t)?)*\n$/;

afterEach(() => vi.restoreAllMocks());

describe('memory trace', () => {
  it('a line per window and per step of writing, with the process and DuckDB by kind', async () => {
    const lines = await traced('1');
    for (const l of lines) expect(l).toMatch(LINE);
    const labels = lines.map((l) => LINE.exec(l)![1]);
    expect(labels.slice(0, 3)).toEqual(['1 files', '2 files', 'read']);
    for (const step of ['checks', 'parquet', 'site', 'digest']) expect(labels).toContain(`after ${step}`);
  }, 60_000);

  it("with worker threads, each worker's heap on the windows' lines", async () => {
    const lines = await traced('1', 2);
    for (const l of lines) expect(l).toMatch(LINE);
    const windows = lines.filter((l) => / files\]/.test(l));
    expect(windows).toHaveLength(2);
    // the heap each worker sent with its last file, in MB: at least the parser's code and tables
    for (const w of windows) for (const mb of /workers=([\d,]+)/.exec(w)![1].split(',')) expect(Number(mb)).toBeGreaterThan(1);
  }, 60_000);

  it('nothing without XXGK_MEM_TRACE', async () => {
    expect(await traced(undefined)).toEqual([]);
  }, 60_000);
});
