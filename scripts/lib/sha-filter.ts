import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * Which contents (SHA-256) the work database may already hold, as the first 52 bits of each
 * hash (exact in a double): a window's files are looked up in the database only when one of
 * them may be there (a repeat, a re-run), not in every window. That lookup scanned the whole
 * reports table each time, about 70 ms a window at a million reports (docs/scale.md), so
 * reading slowed as the corpus grew. The database still gives the exact answer: two contents
 * sharing a prefix only cost a lookup. 8 bytes a report; the database's own prefixes are kept
 * sorted, those committed since in a set.
 */
export class ShaFilter {
  private readonly sorted: Float64Array;
  private readonly since = new Set<number>();

  constructor(prefixes: ArrayLike<number>) {
    this.sorted = Float64Array.from(prefixes).sort();
  }

  /** The hash's first 13 hex digits as a number; NaN for a text that is not hex. */
  static prefix(sha: string): number {
    return /^[0-9a-f]{13}/.test(sha) ? parseInt(sha.slice(0, 13), 16) : NaN;
  }

  add(sha: string): void {
    this.since.add(ShaFilter.prefix(sha));
  }

  /** False only when the database cannot hold `sha`; a text that is not a hash may be anywhere. */
  mayHave(sha: string): boolean {
    const p = ShaFilter.prefix(sha);
    if (Number.isNaN(p) || this.since.has(p)) return true;
    let [lo, hi] = [0, this.sorted.length - 1];
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid] === p) return true;
      if (this.sorted[mid] < p) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

/** SQL for the prefixes of a table's `column` of hashes, as doubles (NULL for one that is not hex). */
export const prefixSql = (column: string) => `TRY_CAST(('0x' || substr(${column}, 1, 13)) AS BIGINT)::DOUBLE`;

/** The filter of the hashes a work database's reports table holds, read through `conn`. */
export async function readShaFilter(conn: DuckDBConnection): Promise<ShaFilter> {
  const [prefixes = []] = (await conn.runAndReadAll(`SELECT ${prefixSql('source_sha256')} FROM reports WHERE ${prefixSql('source_sha256')} IS NOT NULL`)).getColumns();
  return new ShaFilter(prefixes as number[]);
}

/** The query for the paths under which the reports table holds each of these contents (what a filter's maybe leads to). */
export const knownFilesSql = (shas: readonly string[]) =>
  `SELECT source_sha256, source_path FROM reports WHERE source_sha256 IN (${shas.map((s) => `'${s.replace(/[^0-9a-f]/g, '')}'`).join(', ')}) ORDER BY source_path`;
