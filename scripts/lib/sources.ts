/**
 * A sources table (CSV or TSV, header row): which file came from where. Columns: `path` or
 * `file` (relative to the table's folder or as given on the command line), optional `region`
 * (GB/T 2260 code, settles ambiguous names) and `url` or `source`.
 *
 * A national run's table has a row per file, a million of them: it is streamed into a
 * temporary table of the work database, only the rows of the files a round of reading will read
 * kept, and looked up a window of files at a time, so it never sits in memory whole.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'csv-parse';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlString } from './sql-literal.ts';
import { UserError } from './user-error.ts';

export interface SourceInfo { region: string | null; url: string | null }

/**
 * The rows of the table: the absolute paths a row may name (relative to the table, or to the
 * working folder) and its source. A TSV has no quoting (a quote is a character of its field);
 * a CSV may quote fields, and a quote inside an unquoted field is kept as it is. A table that
 * cannot be read or parsed stops the run with one line saying where (UserError, exit 64).
 */
export async function* readSourceRows(file: string): AsyncGenerator<{ keys: string[]; info: SourceInfo }> {
  const bad = (why: string) => new UserError(`来源表 ${file} 无法读取：${why} / the sources table ${file} cannot be read: ${why}`, 64);
  const head = Buffer.alloc(65536);
  let n: number;
  try {
    const fd = openSync(file, 'r');
    try {
      n = readSync(fd, head);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw bad((e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
  const tsv = head.subarray(0, n).toString('utf8').split('\n')[0].includes('\t');
  const base = dirname(resolve(file));
  const parser = createReadStream(file).pipe(parse({
    bom: true, columns: true, delimiter: tsv ? '\t' : ',', skip_empty_lines: true, relax_column_count: true, trim: true,
    ...(tsv ? { quote: false } : { relax_quotes: true }),
  }));
  const rows = async function* () {
    try {
      yield* parser as AsyncIterable<Record<string, string>>;
    } catch (e) {
      throw bad((e as Error).message.split('\n')[0]);
    }
  };
  for await (const r of rows()) {
    const p = r.path ?? r.file;
    if (!p) continue;
    const url = r.url || (/^https?:\/\//.test(r.source ?? '') ? r.source : '') || null;
    yield { keys: [...new Set([resolve(base, p), resolve(p)])], info: { region: r.region || null, url } };
  }
}

/** Sources looked up in the work database; a path listed twice takes its last row, as a map would. */
export class SourceTable {
  private constructor(private conn: DuckDBConnection) {}

  /**
   * With `only`, the rows of those files (absolute paths) alone are kept: a round of reading
   * loads the sources of its own files, not a national table of a million rows each time.
   */
  static async load(conn: DuckDBConnection, file: string, only?: Set<string>): Promise<SourceTable> {
    await conn.run('CREATE OR REPLACE TEMP TABLE sources (abs VARCHAR, region VARCHAR, url VARCHAR, n BIGINT)');
    const appender = await conn.createAppender('sources', 'main', 'temp');
    let n = 0;
    for await (const row of readSourceRows(file)) {
      n++;
      for (const key of row.keys) {
        if (only && !only.has(key)) continue;
        appender.appendVarchar(key);
        if (row.info.region === null) appender.appendNull();
        else appender.appendVarchar(row.info.region);
        if (row.info.url === null) appender.appendNull();
        else appender.appendVarchar(row.info.url);
        appender.appendBigInt(BigInt(n));
        appender.endRow();
      }
    }
    appender.closeSync();
    return new SourceTable(conn);
  }

  /** Drops the table: its rows (a million at national scale) would otherwise hold memory or spill space while the dataset is written. */
  async drop(): Promise<void> {
    await this.conn.run('DROP TABLE IF EXISTS temp.sources');
  }

  /** The source of each of these files that the table lists. */
  async lookup(abs: string[]): Promise<Map<string, SourceInfo>> {
    const out = new Map<string, SourceInfo>();
    if (!abs.length) return out;
    const list = [...new Set(abs)].map(sqlString).join(', ');
    const reader = await this.conn.runAndReadAll(`SELECT abs, region, url FROM sources WHERE abs IN (${list}) QUALIFY row_number() OVER (PARTITION BY abs ORDER BY n DESC) = 1`);
    for (const [a, region, url] of reader.getRows()) out.set(String(a), { region: region === null ? null : String(region), url: url === null ? null : String(url) });
    return out;
  }
}
