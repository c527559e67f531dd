/**
 * HTML → Doc with a streaming parser (no DOM, no recursion: pages nested thousands of levels deep
 * cost nothing extra). Tables are expanded into grids with rowspan/colspan continuation cells
 * marked; a table that holds another table is page layout, so its cells are read as blocks.
 * Text is collapsed as a browser renders it: whitespace runs become one space, block elements
 * and <br> break lines. Text a reader does not see (display:none, visibility:hidden, `hidden`) is
 * left out; superscript and subscript digits and struck-through text are kept in the forms
 * readCell knows are not part of a number (marks.ts), so `82<sup>1</sup>` is not read as 821.
 */
import { Parser } from 'htmlparser2';
import type { Doc, DocBlock, DocCell, DocRow } from '../doc.ts';
import { runOn, strike, toScript } from '../marks.ts';
import { addClassStyles, styleOf, type ClassStyles } from './css-classes.ts';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'select', 'textarea', 'button', 'iframe', 'object']);
const BLOCK = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'article', 'header', 'footer',
  'nav', 'blockquote', 'pre', 'center', 'dl', 'dt', 'dd', 'form', 'main', 'aside', 'figure', 'figcaption',
  'hr', 'address', 'fieldset', 'caption', 'body', 'html',
]);
const MAX_COLSPAN = 100;
const MAX_ROWSPAN = 1000;

interface Container { blocks: DocBlock[]; buffer: string; size?: string }
interface RawCell extends Container { colspan: number; rowspan: number; marksAt: number }
type Mark = 'sup' | 'sub' | 'struck';
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const FONT_SIZE = /font-size\s*:\s*([^;]+)/i;
/** Not shown: the last display is none or the last visibility hidden (the inline style comes last). */
function hiddenBy(style: string | undefined): boolean {
  if (!style || !/none|hidden/i.test(style)) return false;
  let display = '';
  let visibility = '';
  for (const [, prop, value] of style.matchAll(/(?:^|;)\s*(display|visibility)\s*:\s*([\w-]+)/gi)) {
    if (prop.toLowerCase() === 'display') display = value.toLowerCase(); else visibility = value.toLowerCase();
  }
  return display === 'none' || visibility === 'hidden' || visibility === 'collapse';
}

/** What an element does to the digits inside it; null for most elements. */
function markOf(name: string, style: string | undefined): Mark | null {
  if (name === 'sup') return 'sup';
  if (name === 'sub') return 'sub';
  if (name === 'del' || name === 's' || name === 'strike') return 'struck';
  if (!style) return null;
  if (/text-decoration(?:-line)?\s*:[^;]*line-through/i.test(style)) return 'struck';
  const v = /vertical-align\s*:\s*(super|sub)\b/i.exec(style);
  return v ? (v[1].toLowerCase() === 'super' ? 'sup' : 'sub') : null;
}
interface TableCtx { parent: Container; rows: RawCell[][]; inRow: boolean; open: RawCell | null }

export function extractHtml(html: string): Doc {
  const root: Container = { blocks: [], buffer: '' };
  const containers: Container[] = [root];
  const tables: TableCtx[] = [];
  let skipDepth = 0;
  let css = '';
  const classes: ClassStyles = new Map();
  let skipTag = '';
  let inTitle = false;
  let title = '';
  let paraCount = 0;
  let tableCount = 0;
  // elements that mark their text or set its size, innermost last
  const marks: { name: string; mark: Mark | null; size: string | null }[] = [];

  const top = (): Container => containers[containers.length - 1];
  const flush = (c: Container) => {
    // most flushes meet only the whitespace between tags
    if (!/[^ \t\f\r\n]/.test(c.buffer)) { c.buffer = ''; return; }
    // one line without runs of spaces: the same text as the general case, without its arrays
    const text = /[\t\f\r\n]| {2}/.test(c.buffer) ? c.buffer.replace(/[ \t\f\r]+/g, ' ').split('\n').map((l) => l.trim()).filter(Boolean).join('\n') : c.buffer.trim();
    c.buffer = '';
    if (text) c.blocks.push({ kind: 'para', text, loc: `p${++paraCount}` });
  };
  const currentTable = (): TableCtx | undefined => tables[tables.length - 1];

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skipDepth) {
          if (name === skipTag) skipDepth++;
          return;
        }
        if (name === 'title') { inTitle = true; return; }
        if (SKIP.has(name)) { skipDepth = 1; skipTag = name; return; }
        const style = styleOf(classes, attrs.class, attrs.style);
        if (!VOID.has(name) && ('hidden' in attrs || hiddenBy(style))) { skipDepth = 1; skipTag = name; return; }
        const mark = markOf(name, style);
        const size = FONT_SIZE.exec(style ?? '')?.[1].trim() ?? (name === 'font' ? attrs.size ?? null : null);
        if (mark || size) marks.push({ name, mark, size });
        if (name === 'br') { top().buffer += '\n'; return; }
        if (BLOCK.has(name)) { flush(top()); top().buffer = ''; return; }
        if (name === 'table') {
          flush(top());
          tables.push({ parent: top(), rows: [], inRow: false, open: null });
          return;
        }
        const t = currentTable();
        if (!t) return;
        if (name === 'tr') {
          closeCell(t);
          t.rows.push([]);
          t.inRow = true;
        } else if (name === 'td' || name === 'th') {
          closeCell(t);
          if (!t.inRow) { t.rows.push([]); t.inRow = true; }
          const cell: RawCell = { blocks: [], buffer: '', colspan: span(attrs.colspan, MAX_COLSPAN), rowspan: span(attrs.rowspan, MAX_ROWSPAN), marksAt: marks.length };
          t.rows[t.rows.length - 1].push(cell);
          t.open = cell;
          containers.push(cell);
        }
      },
      ontext(text) {
        if (skipDepth) {
          if (skipTag === 'style' && skipDepth === 1) css += text;
          return;
        }
        if (inTitle) { title += text; return; }
        const collapsed = text.replace(/[ \t\n\r\f]+/g, ' ');
        const c = top();
        if (!marks.length && !c.size) { c.buffer += collapsed; return; }
        const size = marks.findLast((x) => x.size)?.size ?? '';
        c.buffer += runOn(c.buffer, marked(collapsed), (c.size ?? '') !== size);
        c.size = size;
      },
      onclosetag(name) {
        if (skipDepth) {
          if (name === skipTag) skipDepth--;
          if (!skipDepth && name === 'style') { addClassStyles(css, classes); css = ''; }
          return;
        }
        if (name === 'title') { inTitle = false; return; }
        const m = marks.findLastIndex((x) => x.name === name);
        if (m >= 0) marks.length = m;
        if (BLOCK.has(name)) { flush(top()); return; }
        const t = currentTable();
        if (!t) return;
        if (name === 'td' || name === 'th') closeCell(t);
        else if (name === 'tr') { closeCell(t); t.inRow = false; }
        else if (name === 'table') {
          closeCell(t);
          tables.pop();
          t.parent.blocks.push(...finishTable(t, () => ++tableCount));
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );

  /** The innermost of <sup>/<sub> decides; struck-through anywhere above strikes. */
  function marked(text: string): string {
    const script = marks.findLast((x) => x.mark === 'sup' || x.mark === 'sub')?.mark as 'sup' | 'sub' | undefined;
    const out = script ? toScript(text, script) : text;
    return marks.some((x) => x.mark === 'struck') ? strike(out) : out;
  }

  function closeCell(t: TableCtx) {
    if (!t.open) return;
    // a mark left open in a cell ends with it, as the browser ends it
    if (marks.length > t.open.marksAt) marks.length = t.open.marksAt;
    // content left open inside the cell (unclosed nested elements) belongs to it
    while (containers.length > 1 && top() !== t.open) containers.pop();
    flush(t.open);
    containers.pop();
    t.open = null;
  }

  parser.write(html);
  parser.end();
  while (tables.length) {
    const t = tables.pop()!;
    closeCell(t);
    t.parent.blocks.push(...finishTable(t, () => ++tableCount));
  }
  while (containers.length > 1) { flush(top()); containers.pop(); }
  flush(root);
  const metaTitle = title.replace(/\s+/g, ' ').trim() || undefined;
  return { blocks: root.blocks, metaTitle, messages: [] };
}

function span(v: string | undefined, max: number): number {
  const n = Number.parseInt(v ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

/** A data table becomes a grid; a layout table (one that holds a table) gives up its cells' blocks. */
function finishTable(t: TableCtx, nextIndex: () => number): DocBlock[] {
  // (no Array.prototype.flat on every table: it cost more than the test itself)
  if (t.rows.some((row) => row.some((c) => c.blocks.some((b) => b.kind === 'table')))) return t.rows.flat().flatMap((c) => c.blocks);
  const index = nextIndex();
  const grid: DocRow[] = [];
  t.rows.forEach((row, r) => {
    grid[r] ??= [];
    let col = 0;
    for (const cell of row) {
      while (grid[r][col]) col++;
      const text = cell.blocks.map((b) => (b.kind === 'para' ? b.text : '')).join('\n');
      const loc = `t${index}.r${r + 1}.c${col + 1}`;
      const rowspan = Math.min(cell.rowspan, t.rows.length - r);
      for (let dr = 0; dr < rowspan; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cell.colspan; dc++) {
          const placed: DocCell = dr === 0 && dc === 0 ? { text, loc } : { text, loc, spanned: true };
          grid[r + dr][col + dc] ??= placed;
        }
      }
      col += cell.colspan;
    }
  });
  const rows = grid.map((row) => row.filter((c): c is DocCell => c !== undefined));
  return [{ kind: 'table', rows, loc: `t${index}` }];
}
