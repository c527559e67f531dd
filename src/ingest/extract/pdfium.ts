/**
 * Reading a PDF's text layer and drawn rules with PDFium (WebAssembly; the same module in Node
 * and browsers). The caller initialises the module once and passes it in; this file only calls
 * it. Everything comes out in page coordinates with y growing downwards.
 */
import type { WrappedPdfiumModule } from '@embedpdf/pdfium';

export interface PdfChar { ch: string; x0: number; x1: number; top: number; bottom: number; fs: number }
export interface PdfBox { x0: number; y0: number; x1: number; y1: number }
export interface PdfPageData { width: number; height: number; chars: PdfChar[]; boxes: PdfBox[] }
export type PdfOpen =
  | { ok: true; pages: PdfPageData[] }
  | { ok: false; code: 'encrypted' | 'damaged'; reason: string };

const PAGEOBJ_PATH = 2;
const PAGEOBJ_FORM = 5;
const SEGMENT_BEZIER = 1;
const SEGMENT_MOVE = 2;
const ERR_PASSWORD = 4;
const ERR_SECURITY = 5;

type M = [number, number, number, number, number, number];
const mul = (m: M, n: M): M => [
  m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1], m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
];

export function readPdf(P: WrappedPdfiumModule, bytes: Uint8Array): PdfOpen {
  const m = P.pdfium;
  const data = m.wasmExports.malloc(bytes.length);
  const scratch = m.wasmExports.malloc(64);
  try {
    (m as unknown as { HEAPU8: Uint8Array }).HEAPU8.set(bytes, data);
    const doc = P.FPDF_LoadMemDocument(data, bytes.length, '');
    if (!doc) {
      const err = P.FPDF_GetLastError();
      if (err === ERR_PASSWORD || err === ERR_SECURITY) return { ok: false, code: 'encrypted', reason: 'PDF 已加密，需要密码才能打开 / encrypted PDF' };
      return { ok: false, code: 'damaged', reason: `PDF 文件损坏，无法打开（PDFium 错误 ${err}）/ damaged PDF` };
    }
    try {
      const pages: PdfPageData[] = [];
      const count = P.FPDF_GetPageCount(doc);
      for (let i = 0; i < count; i++) {
        const page = P.FPDF_LoadPage(doc, i);
        if (!page) continue;
        try {
          const height = P.FPDF_GetPageHeightF(page);
          pages.push({ width: P.FPDF_GetPageWidthF(page), height, chars: readChars(P, page, height, scratch), boxes: readBoxes(P, page, height, scratch) });
        } finally {
          P.FPDF_ClosePage(page);
        }
      }
      return { ok: true, pages };
    } finally {
      P.FPDF_CloseDocument(doc);
    }
  } finally {
    m.wasmExports.free(scratch);
    m.wasmExports.free(data);
  }
}

function readChars(P: WrappedPdfiumModule, page: number, height: number, rect: number): PdfChar[] {
  const heap = (P.pdfium as unknown as { HEAPF32: Float32Array }).HEAPF32;
  const text = P.FPDFText_LoadPage(page);
  if (!text) return [];
  try {
    const n = P.FPDFText_CountChars(text);
    const out: PdfChar[] = [];
    for (let k = 0; k < n; k++) {
      if (P.FPDFText_IsGenerated(text, k) === 1) continue; // spaces and line breaks PDFium made up
      const code = P.FPDFText_GetUnicode(text, k);
      if (code === 0 || code === 0xfffe || code === 0xffff) continue;
      if (!P.FPDFText_GetLooseCharBox(text, k, rect)) continue;
      const [left, top, right, bottom] = heap.subarray(rect >> 2, (rect >> 2) + 4);
      // the loose box spans the font's ascent and descent: its height is the rendered size
      // (FPDFText_GetFontSize gives the size before the text matrix scales it)
      out.push({ ch: String.fromCodePoint(code), x0: left, x1: right, top: height - top, bottom: height - bottom, fs: Math.abs(top - bottom) });
    }
    return out;
  } finally {
    P.FPDFText_ClosePage(text);
  }
}

/** Boxes of straight-line subpaths (rules, cell borders, cell shading); paths with curves left out. */
function readBoxes(P: WrappedPdfiumModule, page: number, height: number, buf: number): PdfBox[] {
  const heap = (P.pdfium as unknown as { HEAPF32: Float32Array }).HEAPF32;
  const boxes: PdfBox[] = [];
  const matrixOf = (obj: number): M => (P.FPDFPageObj_GetMatrix(obj, buf) ? (Array.from(heap.subarray(buf >> 2, (buf >> 2) + 6)) as M) : [1, 0, 0, 1, 0, 0]);
  const visit = (obj: number, outer: M) => {
    const type = P.FPDFPageObj_GetType(obj);
    if (type === PAGEOBJ_FORM) {
      const inner = mul(outer, matrixOf(obj));
      const n = P.FPDFFormObj_CountObjects(obj);
      for (let k = 0; k < n; k++) visit(P.FPDFFormObj_GetObject(obj, k), inner);
      return;
    }
    if (type !== PAGEOBJ_PATH) return;
    const mtx = mul(outer, matrixOf(obj));
    const n = P.FPDFPath_CountSegments(obj);
    const sub: PdfBox[] = [];
    let xs: number[] = [];
    let ys: number[] = [];
    const flush = () => {
      if (xs.length > 1) sub.push({ x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) });
      xs = [];
      ys = [];
    };
    for (let k = 0; k < n; k++) {
      const seg = P.FPDFPath_GetPathSegment(obj, k);
      const kind = P.FPDFPathSegment_GetType(seg);
      if (kind === SEGMENT_BEZIER) return;
      if (kind === SEGMENT_MOVE) flush();
      if (!P.FPDFPathSegment_GetPoint(seg, buf, buf + 4)) continue;
      const [x, y] = heap.subarray(buf >> 2, (buf >> 2) + 2);
      xs.push(mtx[0] * x + mtx[2] * y + mtx[4]);
      ys.push(height - (mtx[1] * x + mtx[3] * y + mtx[5]));
    }
    flush();
    boxes.push(...sub);
  };
  const n = P.FPDFPage_CountObjects(page);
  for (let k = 0; k < n; k++) visit(P.FPDFPage_GetObject(page, k), [1, 0, 0, 1, 0, 0]);
  return boxes;
}
