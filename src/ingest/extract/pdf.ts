/**
 * PDF (text layer) → Doc. Ruled tables are read as grids from the rules the page draws
 * (pdf-lattice.ts); other text is rebuilt into lines from character positions, split into cells
 * at wide gaps. Page numbers in the margins are dropped, the spaces PDF layout puts between CJK
 * characters removed, radicals folded to ideographs. The PDF engine is passed in, so the same
 * code runs in Node and in browsers; nothing here touches the file system.
 */
import type { Doc, DocBlock, DocCell } from '../doc.ts';
import { isValueLike } from '../parse/cell-value.ts';
import { foldRadicals } from './radicals.ts';
import { markChars } from './pdf-marks.ts';
import { findRegions, rowCells, segmentsFromRects, type Region } from './pdf-lattice.ts';
import type { PdfChar, PdfOpen } from './pdfium.ts';

/** Opens a PDF: PDFium in Node and in browsers (see pdfium.ts); passed in by the caller. */
export type PdfEngine = (bytes: Uint8Array) => PdfOpen | Promise<PdfOpen>;

export type PdfResult =
  | { ok: true; doc: Doc; pages: number }
  | { ok: false; code: 'no_text_layer' | 'encrypted' | 'damaged'; reason: string };

/** A positioned piece of text, top-down coordinates over all pages. */
export interface PdfItem { page: number; text: string; x0: number; x1: number; yc: number; fs: number; numeric: boolean; margin: boolean }

const CJK = '\\u2e80-\\u9fff\\u3000-\\u303f\\uff00-\\uffef\\u201c\\u201d';
const CJK_SPACE = new RegExp(`(?<=[${CJK}])[ \\u00a0]+(?=[${CJK}])|(?<=[${CJK}])[ \\u00a0]+(?=[\\d])|(?<=[\\d])[ \\u00a0]+(?=[${CJK}])`, 'g');
const PAGE_MARK = /^[-—–－_\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／共]\s*\d{1,4}\s*页?)?[-—–－_\s]*$/;
const PAGE_GAP = 100_000;

export function tidyPdfText(s: string): string {
  return foldRadicals(s).replace(CJK_SPACE, '');
}

/**
 * Characters → runs of text: consecutive characters on one baseline with no visible gap.
 * A space ends a run; the cell splitter decides later what gaps mean.
 */
export function charsToItems(chars: PdfChar[], page: number, offset: number, height: number): PdfItem[] {
  const items: PdfItem[] = [];
  let run: PdfChar[] = [];
  const flush = () => {
    if (!run.length) return;
    const text = tidyPdfText(run.map((c) => c.ch).join('')).trim();
    if (text) {
      const x0 = Math.min(...run.map((c) => c.x0));
      const x1 = Math.max(...run.map((c) => c.x1));
      const yc = (Math.min(...run.map((c) => c.top)) + Math.max(...run.map((c) => c.bottom))) / 2;
      const fs = Math.max(...run.map((c) => c.fs), 1);
      items.push({ page, text, x0, x1, yc: offset + yc, fs, numeric: /^[\d.,+\-/%]+$/.test(text), margin: yc < height * 0.1 || yc > height * 0.9 });
    }
    run = [];
  };
  for (const c of chars) {
    if (/^[\s\u00a0\u3000]$/.test(c.ch)) {
      flush();
      continue;
    }
    const last = run[run.length - 1];
    const fs = Math.max(c.fs, 1);
    const sameLine = last && Math.abs((last.top + last.bottom) / 2 - (c.top + c.bottom) / 2) < 0.3 * fs;
    if (last && (!sameLine || c.x0 - last.x1 > 0.15 * fs || c.x0 < last.x0)) flush();
    run.push(c);
  }
  flush();
  return items;
}

export async function extractPdf(bytes: Uint8Array, engine: PdfEngine): Promise<PdfResult> {
  let opened: PdfOpen;
  try {
    opened = await engine(bytes);
  } catch (e) {
    return { ok: false, code: 'damaged', reason: `PDF 无法读取（${(e as Error).message}）/ unreadable PDF` };
  }
  if (!opened.ok) return opened;
  const blocks: DocBlock[] = [];
  let textItems = 0;
  opened.pages.forEach((pg, i) => {
    const offset = i * PAGE_GAP;
    const items = charsToItems(markChars(pg.chars, pg.boxes), i + 1, offset, pg.height);
    textItems += items.length;
    const { h, v } = segmentsFromRects(pg.boxes, { width: pg.width, height: pg.height });
    const regions = findRegions(h, v).map((r) => ({
      ...r, y0: r.y0 + offset, y1: r.y1 + offset, rows: r.rows.map((y) => y + offset),
      verticals: r.verticals.map((s) => ({ ...s, y0: s.y0 + offset, y1: s.y1 + offset })),
    }));
    blocks.push(...pageBlocks(items, regions));
  });
  if (textItems === 0) {
    return { ok: false, code: 'no_text_layer', reason: 'PDF 没有文字层（可能是扫描件），无法读取 / no text layer (scanned PDF?)' };
  }
  return { ok: true, doc: { blocks, messages: [] }, pages: opened.pages.length };
}

/** One page: ruled tables as grids, the rest as text lines, in reading order. */
function pageBlocks(items: PdfItem[], regions: Region[]): DocBlock[] {
  const placed: { y: number; block: DocBlock }[] = [];
  const used = new Set<PdfItem>();
  for (const region of regions) {
    for (let k = 0; k + 1 < region.rows.length; k++) {
      const top = region.rows[k];
      const bottom = region.rows[k + 1];
      const bounds = rowCells(region, top, bottom);
      if (bounds.length < 2) continue;
      // a row with nothing printed in it is kept: it is a row of blank cells (table 四 all blank)
      const inRow = items.filter((it) => !used.has(it) && it.yc > top && it.yc < bottom && (it.x0 + it.x1) / 2 > bounds[0] && (it.x0 + it.x1) / 2 < bounds[bounds.length - 1]);
      if (!inRow.length && bounds.length < 3) continue;
      const row: DocCell[] = [];
      for (let c = 0; c + 1 < bounds.length; c++) {
        const inCell = inRow.filter((it) => {
          const mid = (it.x0 + it.x1) / 2;
          return mid > bounds[c] && mid <= bounds[c + 1];
        });
        inCell.forEach((it) => used.add(it));
        const text = buildLines(inCell).map((line) => joinLine(line)).join('\n');
        row.push({ text, loc: `p${inRow[0]?.page ?? pageOf(top)}.t${Math.round(region.x0)},${Math.round(region.y0 % PAGE_GAP)}.r${k + 1}.c${c + 1}`, box: { x0: bounds[c], x1: bounds[c + 1], yc: (top + bottom) / 2, fs: inCell[0]?.fs ?? 10 } });
      }
      // each row is placed at its own height, so text outside the rules stays in reading order
      placed.push({ y: top, block: { kind: 'table', rows: [row], loc: row[0].loc } });
    }
  }
  // a page number is a line of its own in the top or bottom margin; a table row there is kept
  const lines = buildLines(items.filter((it) => !used.has(it))).filter((l) => !(l.length === 1 && l[0].margin && PAGE_MARK.test(l[0].text)));
  for (const block of linesToBlocks(lines)) {
    const y = block.kind === 'para' ? yOfLoc(block.loc) : yOfLoc(block.rows[0][0].loc, block.rows[0][0].box?.yc);
    placed.push({ y, block });
  }
  return placed.sort((a, b) => a.y - b.y).map((p) => p.block);
}

function pageOf(y: number): number {
  return Math.floor(y / PAGE_GAP) + 1;
}

function yOfLoc(loc: string, fallback?: number): number {
  const m = /^p(\d+)\.y(\d+)/.exec(loc);
  return m ? (Number(m[1]) - 1) * PAGE_GAP + Number(m[2]) : (fallback ?? 0);
}

/** The text of items on one line of a cell. */
function joinLine(line: PdfItem[]): string {
  let text = '';
  let last: PdfItem | null = null;
  for (const it of line) {
    const gap = last ? it.x0 - last.x1 : 0;
    const space = last && gap > 0.2 * it.fs && /\d$/.test(text) && /^\d/.test(it.text) ? ' ' : '';
    text = tidyPdfText(text + space + it.text);
    last = it;
  }
  return text;
}

/** Items on one baseline band become a line; a line is split into cells at wide gaps. */
export function buildLines(items: PdfItem[]): PdfItem[][] {
  const sorted = [...items].sort((p, q) => p.yc - q.yc || p.x0 - q.x0);
  const lines: PdfItem[][] = [];
  let current: PdfItem[] = [];
  let center = 0;
  let size = 0;
  for (const it of sorted) {
    if (current.length && Math.abs(it.yc - center) <= 0.45 * Math.min(it.fs, size)) {
      current.push(it);
      center = current.reduce((s, x) => s + x.yc, 0) / current.length;
      size = Math.min(size, it.fs);
    } else {
      if (current.length) lines.push(current);
      current = [it];
      center = it.yc;
      size = it.fs;
    }
  }
  if (current.length) lines.push(current);
  return lines.map((l) => l.sort((p, q) => p.x0 - q.x0));
}

function cellsOf(line: PdfItem[]): DocCell[] {
  const cells: { text: string; x0: number; x1: number; fs: number; page: number; yc: number }[] = [];
  for (const it of line) {
    const last = cells[cells.length - 1];
    const gap = last ? it.x0 - last.x1 : Infinity;
    // glyphs of one cell touch (or nearly: spacing in justified lines); table columns are a
    // cell padding apart, which is more than a third of a character even in tight tables
    if (last && gap <= 0.35 * Math.min(it.fs, last.fs)) {
      // digits a visible space apart are kept apart, so "2 0" stays unreadable rather than 20
      const space = gap > 0.2 * it.fs && /\d$/.test(last.text) && /^\d/.test(it.text) ? ' ' : '';
      last.text = tidyPdfText(last.text + space + it.text);
      last.x1 = Math.max(last.x1, it.x1);
    } else {
      cells.push({ text: it.text, x0: it.x0, x1: it.x1, fs: it.fs, page: it.page, yc: it.yc });
    }
  }
  return cells.map((c) => ({
    text: c.text,
    loc: `p${c.page}.y${Math.round(c.yc % PAGE_GAP)}.x${Math.round(c.x0)}`,
    box: { x0: c.x0, x1: c.x1, yc: c.yc, fs: c.fs },
  }));
}

/**
 * A line of values printed beside a row label that sits a little higher or lower (labels
 * wrapped over two lines, values centred) is joined with the nearest label-only line next to it.
 */
function attachLabels(lines: DocCell[][]): DocCell[][] {
  const kind = (l: DocCell[]) => (l.every((c) => isValueLike(c.text)) ? 'values' : l.some((c) => isValueLike(c.text)) ? 'mixed' : 'labels');
  const out: (DocCell[] | null)[] = lines.map((l) => l);
  lines.forEach((line, i) => {
    if (kind(line) !== 'values') return;
    const y = line[0].box!.yc;
    const firstX = Math.min(...line.map((c) => c.box!.x0));
    const near = (j: number) => {
      const l = out[j];
      if (!l || kind(l) !== 'labels') return Infinity;
      if (Math.max(...l.map((c) => c.box!.x1)) > firstX) return Infinity;
      const d = Math.abs(l[0].box!.yc - y);
      return d <= 1.5 * line[0].box!.fs ? d : Infinity;
    };
    const above = i > 0 ? near(i - 1) : Infinity;
    const below = i < lines.length - 1 ? near(i + 1) : Infinity;
    if (above === Infinity && below === Infinity) return;
    const j = above <= below ? i - 1 : i + 1;
    out[i] = [...out[j]!, ...line];
    out[j] = null;
  });
  return out.filter((l): l is DocCell[] => l !== null);
}

function linesToBlocks(lines: PdfItem[][]): DocBlock[] {
  const rows = attachLabels(lines.map(cellsOf));
  const blocks: DocBlock[] = [];
  let table: DocCell[][] = [];
  const flush = () => {
    if (table.length) blocks.push({ kind: 'table', rows: table, loc: table[0][0].loc });
    table = [];
  };
  for (const row of rows) {
    if (row.length === 1) {
      flush();
      blocks.push({ kind: 'para', text: row[0].text, loc: row[0].loc });
    } else {
      table.push(row);
    }
  }
  flush();
  return blocks;
}
