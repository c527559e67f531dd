/**
 * Plain text and markdown → Doc. Three table layouts are recognised, line by line:
 * - the layout of text exported from Word (the seed): each table cell on a line starting with a
 *   tab, a line without a tab continues the cell above (labels broken as 商业\n企业), rows
 *   separated by empty lines, an empty cell line is a merged-cell hole or a blank cell;
 * - markdown pipe tables (`| a | b |`);
 * - whitespace-aligned columns as PDF-to-text tools print them (two or more spaces between cells).
 */
import type { Doc, DocBlock, DocCell, DocRow } from '../doc.ts';
import { isValueLike } from '../parse/cell-value.ts';
import { strike, toScript } from '../marks.ts';

const HEADING = /^\s*(?:#+\s*)?[一二三四五六七八九十]+、/;
const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_SEPARATOR = /^\s*\|(?:\s*:?-{2,}:?\s*\|)+\s*$/;

export function extractText(text: string): Doc {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  const blocks: DocBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.startsWith('\t')) {
      i = readTabTable(lines, i, blocks);
    } else if (PIPE_ROW.test(line)) {
      i = readPipeTable(lines, i, blocks);
    } else if (alignedCells(line)) {
      i = readAlignedTable(lines, i, blocks);
    } else {
      const t = line.replace(/^\s*#+\s+/, '').trim();
      if (t !== '') blocks.push({ kind: 'para', text: t, loc: `L${i + 1}` });
      i++;
    }
  }
  return { blocks, messages: [] };
}

function readTabTable(lines: string[], start: number, blocks: DocBlock[]): number {
  const rows: DocRow[] = [];
  let row: DocRow = [];
  let i = start;
  let previousWasCell = false;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('\t')) {
      row.push({ text: line.slice(1).replace(/^\t+/, '').trim(), loc: `L${i + 1}` });
      previousWasCell = true;
    } else if (line.trim() === '') {
      if (row.length) rows.push(row);
      row = [];
      previousWasCell = false;
    } else if (previousWasCell && !HEADING.test(line)) {
      const cell = row[row.length - 1];
      cell.text = `${cell.text}\n${line.trim()}`;
    } else {
      break;
    }
  }
  if (row.length) rows.push(row);
  blocks.push({ kind: 'table', rows, loc: `L${start + 1}` });
  return i;
}

function readPipeTable(lines: string[], start: number, blocks: DocBlock[]): number {
  const rows: DocRow[] = [];
  let i = start;
  for (; i < lines.length && PIPE_ROW.test(lines[i]); i++) {
    if (PIPE_SEPARATOR.test(lines[i])) continue;
    const parts = lines[i].trim().slice(1, -1).split(/(?<!\\)\|/);
    rows.push(parts.map((p, c) => ({ text: inlineMarks(p.replace(/\\\|/g, '|').replace(/<br\s*\/?>/gi, '\n')).trim(), loc: `L${i + 1}.c${c + 1}` })));
  }
  const width = rows[0]?.length ?? 0;
  const grid = rows.length > 1 && rows.every((r) => r.length === width);
  // trailing columns empty in every row (header included) are not part of the table; a column
  // inside the table is kept even when empty, or the value columns would shift
  let last = width;
  while (grid && last > 0 && rows.every((r) => r[last - 1].text === '')) last--;
  blocks.push({ kind: 'table', rows: grid ? rows.map((r) => r.slice(0, last)) : rows, loc: `L${start + 1}`, grid });
  return i;
}

/**
 * Markdown's struck-through (~~x~~, <del>, <s>) and <sup>/<sub> inside a cell, in the forms
 * readCell knows are not part of a number, and display:none spans left out: `82<sup>1</sup>`
 * is not 821.
 */
function inlineMarks(cell: string): string {
  if (!/~~|<(?:sup|sub|del|s|strike)>|display\s*:\s*none/i.test(cell)) return cell;
  return cell
    .replace(/<(\w+)\s[^>]*style\s*=\s*["'][^"']*display\s*:\s*none[^>]*>.*?<\/\1>/gi, '')
    .replace(/~~(?=\S)(.+?)~~/g, (_, t: string) => strike(t))
    .replace(/<(del|s|strike)>(.*?)<\/\1>/gi, (_, _t, t: string) => strike(t))
    .replace(/<(sup|sub)>(.*?)<\/\1>/gi, (_, tag: string, t: string) => toScript(t, tag.toLowerCase() as 'sup' | 'sub'));
}

/**
 * Cells of a whitespace-aligned line, or null when the line reads as prose. Two or more spaces
 * separate cells; numbers separated by single spaces are separate cells too (narrow columns),
 * which the parser accepts only when the row then has exactly the cells it expects.
 */
export function alignedCells(line: string): string[] | null {
  const t = line.trim();
  if (t === '') return null;
  const parts: string[] = [];
  // (a loop: flatMap on every line of a report was a tenth of reading text)
  for (const p of t.split(/[ \u3000\t]{2,}|\t/)) {
    if (/^[\d.,+\-/ ]+$/.test(p)) parts.push(...p.split(/ +/));
    else parts.push(p);
  }
  if (parts.length < 2) return null;
  const hasValue = parts.some((p) => isValueLike(p) && p.trim() !== '');
  // a header line: short label cells only
  if (!hasValue && !parts.every((p) => p.length <= 20)) return null;
  return parts;
}

function readAlignedTable(lines: string[], start: number, blocks: DocBlock[]): number {
  const rows: DocRow[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const cells = alignedCells(lines[i]);
    if (cells) {
      rows.push(cells.map((text, c): DocCell => ({ text, loc: `L${i + 1}.c${c + 1}` })));
    } else if (lines[i].trim() !== '' && !HEADING.test(lines[i]) && lines[i].trim().length <= 40 && rows.length) {
      // a label wrapped onto its own line inside the table
      rows.push([{ text: lines[i].trim(), loc: `L${i + 1}` }]);
    } else {
      break;
    }
  }
  blocks.push({ kind: 'table', rows, loc: `L${start + 1}` });
  return i;
}
