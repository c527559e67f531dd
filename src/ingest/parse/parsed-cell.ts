import type { CellReading } from './cell-value.ts';

/** One extracted cell, before it becomes a row of cells.parquet. */
export interface ParsedCell {
  metric: string;
  /** Applicant code in table 三, '' elsewhere. */
  applicant: string;
  raw: string;
  loc: string;
  reading: CellReading;
}

export function unreadable(metric: string, applicant: string, reason: string, raw = '', loc = ''): ParsedCell {
  return { metric, applicant, raw, loc, reading: { state: 'unreadable', reason } };
}
