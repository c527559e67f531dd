/** A Doc read as one sequence of rows: a paragraph is a row of one cell. */
import type { Doc, DocCell } from '../doc.ts';
import { squash } from '../normalize.ts';
import { isValueLike } from './cell-value.ts';

export interface Row {
  cells: DocCell[];
  /** Cells printed in this row (span continuations from elsewhere left out). */
  own: DocCell[];
  para: boolean;
  /** From a table whose rows print every column (see DocBlock.grid). */
  grid: boolean;
  /** Squashed text of the whole row, for keyword search. */
  key: string;
}

export function docRows(doc: Doc): Row[] {
  const rows: Row[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'para') {
      const cell = { text: b.text, loc: b.loc };
      rows.push({ cells: [cell], own: [cell], para: true, grid: false, key: squash(b.text) });
    } else {
      for (const cells of b.rows) {
        const own = cells.filter((c) => !c.spanned);
        rows.push({ cells, own, para: false, grid: b.grid ?? false, key: squash(cells.map((c) => c.text).join('')) });
      }
    }
  }
  return rows;
}

/**
 * Splits a row into its labels and its values: values are the printed cells after the last
 * label cell. Value-like cells before a label are merged-cell holes when blank; when they hold
 * something, the row's layout cannot be trusted (`strayValues`).
 */
export function splitRow(row: Row): { label: string; values: DocCell[]; strayValues: boolean } {
  const valueLike = row.own.map((c) => isValueLike(c.text));
  const last = valueLike.lastIndexOf(false);
  const labels = row.own.slice(0, last + 1);
  const label = labels.filter((_, i) => !valueLike[i]).map((c) => squash(c.text)).join('');
  const strayValues = labels.some((c, i) => valueLike[i] && squash(c.text) !== '');
  return { label, values: row.own.slice(last + 1), strayValues };
}

/** Squashed text of every label cell of the row, spanned ones included (merged group labels). */
export function rowContext(row: Row): string {
  const seen = new Set<string>();
  let out = '';
  for (const c of row.cells) {
    if (isValueLike(c.text) || seen.has(c.loc)) continue;
    seen.add(c.loc);
    out += squash(c.text);
  }
  return out;
}

/**
 * The `n` value cells of a row whose printed values number more than `n`: blank cells between
 * the label and the values are merged-cell padding (markdown writes them) and are dropped, but
 * only when the extra cells on the other end hold something, so padding at either end cannot
 * shift a number into the wrong column. Null when that cannot be decided.
 */
export function takeValues<T extends { text: string }>(values: T[], n: number, grid = false): T[] | null {
  if (values.length === n) return values;
  if (values.length < n) return null;
  const extra = values.length - n;
  const blank = (c: T) => c.text.trim() === '';
  const leadingBlank = values.slice(0, extra).every(blank);
  const trailingBlank = values.slice(-extra).every(blank);
  // in a grid the value columns are the last ones, whatever is blank
  return leadingBlank && (grid || !trailingBlank) ? values.slice(extra) : null;
}
