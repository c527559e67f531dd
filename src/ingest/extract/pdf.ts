/**
 * PDF (text layer) → Doc. Lines are rebuilt from text positions across pages (a table that runs
 * over a page break continues), cells split where the gap between items is wider than a
 * character, page numbers in the margins dropped, and the spaces PDF layout puts between CJK
 * characters removed. pdf.js is passed in, so the same code runs in Node (legacy build) and in
 * browsers; nothing here touches the file system.
 */
import type { Doc, DocBlock, DocCell } from '../doc.ts';
import { isValueLike } from '../parse/cell-value.ts';

/** The part of pdf.js this module uses. */
export interface PdfJsLike {
  getDocument(params: Record<string, unknown>): { promise: Promise<PdfDocument>; destroy?: () => Promise<void> };
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<PdfPage>;
  destroy(): Promise<void>;
}
interface PdfPage {
  getViewport(o: { scale: number }): { width: number; height: number };
  getTextContent(): Promise<{ items: unknown[] }>;
  getOperatorList?(): Promise<{ fnArray: number[] }>;
  cleanup?(): void;
}
interface TextItem { str: string; transform: number[]; width: number; height: number }

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
  return s.replace(CJK_SPACE, '');
}

export async function extractPdf(bytes: Uint8Array, pdfjs: PdfJsLike, options: Record<string, unknown> = {}): Promise<PdfResult> {
  let doc: PdfDocument;
  try {
    // pdf.js takes ownership of the buffer it is given; keep the caller's bytes intact
    doc = await pdfjs.getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, ...options }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name ?? '';
    if (name === 'PasswordException') return { ok: false, code: 'encrypted', reason: 'PDF 已加密，需要密码才能打开 / encrypted PDF' };
    return { ok: false, code: 'damaged', reason: `PDF 文件损坏，无法打开（${(e as Error).message}）/ damaged PDF` };
  }
  try {
    const items: PdfItem[] = [];
    let offset = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const { height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      for (const raw of content.items) {
        const it = raw as TextItem;
        if (typeof it.str !== 'string' || !it.transform) continue;
        const text = tidyPdfText(it.str).trim();
        if (!text) continue;
        const [a, b, c, d, e, f] = it.transform;
        const fs = Math.max(Math.hypot(c, d), Math.hypot(a, b), 1);
        const vertical = it.height > fs * 1.8 && it.width <= fs * 1.3;
        const ycUp = vertical ? f + it.height / 2 : f + fs * 0.38;
        const yc = height - ycUp;
        const margin = yc < height * 0.1 || yc > height * 0.9;
        items.push({ page: p, text, x0: e, x1: e + Math.max(it.width, 0), yc: offset + yc, fs, numeric: /^[\d.,+\-/%]+$/.test(text), margin });
      }
      offset += PAGE_GAP;
      page.cleanup?.();
    }
    if (items.length === 0) {
      return { ok: false, code: 'no_text_layer', reason: 'PDF 没有文字层（可能是扫描件），无法读取 / no text layer (scanned PDF?)' };
    }
    // a page number is a line of its own in the top or bottom margin; a table row there is kept
    const lines = buildLines(items).filter((l) => !(l.length === 1 && l[0].margin && PAGE_MARK.test(l[0].text)));
    return { ok: true, doc: { blocks: linesToBlocks(lines), messages: [] }, pages: doc.numPages };
  } finally {
    await doc.destroy();
  }
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
    if (last && gap <= Math.max(0.9 * Math.min(it.fs, last.fs), 3)) {
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
