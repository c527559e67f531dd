/**
 * DOCX → Doc, from the OOXML itself: word/document.xml taken out of the zip (fflate) and read
 * with a streaming XML parser. Paragraphs become paragraphs; tables become grids with
 * gridSpan (merged columns) and vMerge (merged rows) expanded like HTML spans. A table inside a
 * table cell makes the outer one page layout, as in HTML. Text Word does not print (hidden runs,
 * tracked deletions and moves away) is left out; superscript, subscript and struck-through runs
 * are kept in the forms readCell knows are not part of a number (run-marks.ts).
 */
import { unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import type { Doc, DocBlock, DocCell, DocRow } from '../doc.ts';
import { appendRun, RunProps, readStyles, type StyleMap } from './run-marks.ts';

/** Refuse to inflate more than this: a few-KB "zip bomb" must not take the process down. */
export const MAX_DOCUMENT_XML = 64 * 1024 * 1024;

export type DocxResult = { ok: true; doc: Doc } | { ok: false; reason: string };

interface Cell { paras: string[]; text: string; span: number; vmerge: 'restart' | 'continue' | null; nested: DocBlock[] }
interface Table { rows: Cell[][]; hasNested: boolean }

export function extractDocx(bytes: Uint8Array): DocxResult {
  let xml: Uint8Array | undefined;
  let styles: Uint8Array | undefined;
  try {
    let tooLarge = 0;
    const files = unzipSync(bytes, {
      filter: (f) => {
        if (f.name === 'word/styles.xml') return f.originalSize <= MAX_DOCUMENT_XML;
        if (f.name !== 'word/document.xml') return false;
        if (f.originalSize > MAX_DOCUMENT_XML) {
          tooLarge = f.originalSize;
          return false;
        }
        return true;
      },
    });
    if (tooLarge) return { ok: false, reason: `DOCX 正文解压后过大（${Math.round(tooLarge / 1048576)} MB），拒绝读取 / document.xml too large when unpacked` };
    xml = files['word/document.xml'];
    styles = files['word/styles.xml'];
  } catch (e) {
    return { ok: false, reason: `DOCX 文件损坏，无法解压（${(e as Error).message}）/ damaged DOCX` };
  }
  if (!xml) return { ok: false, reason: 'DOCX 中没有 word/document.xml，不是 Word 文档 / not a Word document' };
  if (xml.length > MAX_DOCUMENT_XML) return { ok: false, reason: 'DOCX 正文解压后过大，拒绝读取 / document.xml too large' };
  const decoder = new TextDecoder('utf-8');
  return { ok: true, doc: readDocumentXml(decoder.decode(xml), styles ? readStyles(decoder.decode(styles)) : undefined) };
}

export function readDocumentXml(xml: string, styles: StyleMap = new Map()): Doc {
  const root: DocBlock[] = [];
  const tables: Table[] = [];
  const cells: Cell[] = [];
  let para: string | null = null;
  let inText = false;
  const props = new RunProps(styles);
  // the size of the text the paragraph ends with, for digits of another size run on against it
  let paraSize = '';
  let paraCount = 0;
  let tableCount = 0;
  const target = (): DocBlock[] => (cells.length ? cells[cells.length - 1].nested : root);

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        props.open(name, attrs);
        switch (name) {
          case 'w:p': para = ''; paraSize = ''; break;
          case 'w:t': inText = true; break;
          case 'w:br': case 'w:cr': if (para !== null) para += '\n'; break;
          case 'w:tab': if (para !== null) para += ' '; break;
          case 'w:tbl': tables.push({ rows: [], hasNested: false }); if (tables.length > 1) tables[tables.length - 2].hasNested = true; break;
          case 'w:tr': tables[tables.length - 1]?.rows.push([]); break;
          case 'w:tc': {
            const t = tables[tables.length - 1];
            if (!t) break;
            const cell: Cell = { paras: [], text: '', span: 1, vmerge: null, nested: [] };
            (t.rows[t.rows.length - 1] ?? (t.rows[0] = [])).push(cell);
            cells.push(cell);
            break;
          }
          case 'w:gridSpan': {
            const c = cells[cells.length - 1];
            const n = Number.parseInt(attrs['w:val'] ?? '1', 10);
            if (c && Number.isFinite(n) && n > 1) c.span = Math.min(n, 100);
            break;
          }
          case 'w:vMerge': {
            const c = cells[cells.length - 1];
            if (c) c.vmerge = attrs['w:val'] === 'restart' ? 'restart' : 'continue';
            break;
          }
        }
      },
      ontext(text) {
        if (!inText || para === null) return;
        const m = props.current();
        para = appendRun(para, text, m, paraSize);
        if (!m.hidden) paraSize = m.size ?? '';
      },
      onclosetag(name) {
        props.close(name);
        switch (name) {
          case 'w:t': inText = false; break;
          case 'w:p': {
            const text = (para ?? '').trim();
            para = null;
            const c = cells[cells.length - 1];
            if (c && tables.length) c.paras.push(text);
            else if (text) root.push({ kind: 'para', text, loc: `p${++paraCount}` });
            break;
          }
          case 'w:tc': {
            const c = cells.pop();
            if (c) c.text = c.paras.filter(Boolean).join('\n');
            break;
          }
          case 'w:tbl': {
            const t = tables.pop();
            if (t) target().push(...finishTable(t, () => ++tableCount));
            break;
          }
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return { blocks: root, messages: [] };
}

/** A grid with merged cells expanded; a layout table gives up its cells' content. */
function finishTable(t: Table, nextIndex: () => number): DocBlock[] {
  if (t.hasNested) return t.rows.flat().flatMap((c) => [...c.paras.filter(Boolean).map((p): DocBlock => ({ kind: 'para', text: p, loc: 'nested' })), ...c.nested]);
  const index = nextIndex();
  const grid: DocRow[] = [];
  const above: (DocCell | undefined)[] = [];
  t.rows.forEach((row, r) => {
    const out: DocRow = [];
    let col = 0;
    for (const cell of row) {
      const loc = `t${index}.r${r + 1}.c${col + 1}`;
      const origin = above[col];
      // a vMerge continuation repeats the cell that started the merge, as a span
      const placed: DocCell = cell.vmerge === 'continue' && origin ? { text: origin.text, loc: origin.loc, spanned: true } : { text: cell.text, loc };
      for (let k = 0; k < cell.span; k++) {
        const c = k === 0 ? placed : { ...placed, spanned: true };
        out.push(c);
        above[col + k] = cell.vmerge === 'continue' && origin ? origin : placed;
      }
      col += cell.span;
    }
    grid.push(out);
  });
  return [{ kind: 'table', rows: grid, loc: `t${index}` }];
}
