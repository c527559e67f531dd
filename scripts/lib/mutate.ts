/**
 * Mutations of real report files for fuzzing: bytes (flips, cuts, inserted garbage), lines
 * (dropped, repeated, swapped), table cells (numbers replaced by what agencies and attackers
 * write), markup (tags dropped or repeated), footnote markers and struck-through or hidden text
 * beside numbers (mutate-marks.ts) and, for DOCX, its document.xml. Seeded: the same seed gives
 * the same inputs.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Random } from '../synth/random.ts';
import { insertMarks } from './mutate-marks.ts';

const CELL_TOKENS = ['', ' ', '/', '-', '—', '无', '１２', '1e309', '-0', 'NaN', 'Infinity', '0x10', '1,2,3', '12件3', '9'.repeat(40), '<b>7</b>',
  '<script>x</script>', '约10', '10余', '5-6', '\u0000', '\ufffd', '𠀀', '（其中 3 件）', '3.', '.5', '+', '1 2', '\t', '|'];

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

function bytesMutation(b: Uint8Array, r: Random): Uint8Array {
  const out = b.slice();
  switch (r.int(0, 3)) {
    case 0: { // flip some bytes
      for (let k = r.int(1, 20); k > 0 && out.length; k--) out[r.int(0, out.length - 1)] ^= 1 << r.int(0, 7);
      return out;
    }
    case 1: // cut
      return out.subarray(0, r.int(0, out.length));
    case 2: { // garbage inserted
      const at = r.int(0, out.length);
      const junk = Uint8Array.from({ length: r.int(1, 200) }, () => r.int(0, 255));
      return Uint8Array.from([...out.subarray(0, at), ...junk, ...out.subarray(at)]);
    }
    default: { // a block repeated
      const a = r.int(0, out.length);
      const piece = out.subarray(a, Math.min(out.length, a + r.int(1, 4096)));
      return Uint8Array.from([...out.subarray(0, a), ...piece, ...piece, ...out.subarray(a)]);
    }
  }
}

function textMutation(text: string, r: Random): string {
  const lines = text.split('\n');
  const line = () => r.int(0, Math.max(0, lines.length - 1));
  switch (r.int(0, 5)) {
    case 0: lines.splice(line(), r.int(1, 3)); break;
    case 1: { const i = line(); lines.splice(i, 0, ...lines.slice(i, i + r.int(1, 5))); break; }
    case 2: { const i = line(); const j = line(); [lines[i], lines[j]] = [lines[j], lines[i]]; break; }
    case 3: {
      // numbers replaced, in cells and anywhere
      const all = text.match(/\d+/g)?.length ?? 0;
      let k = r.int(1, 8);
      const picks = new Set(Array.from({ length: k }, () => r.int(0, all)));
      let n = 0;
      return text.replace(/\d+/g, (m) => (picks.has(n++) && k-- > 0 ? r.pick(CELL_TOKENS) : m));
    }
    case 4: // markup: a tag dropped or doubled
      return text.replace(/<(\/?)(tr|td|table|p|w:tc|w:tr|w:gridSpan|w:vMerge)\b[^>]*>/g, (m) => (r.chance(0.05) ? (r.chance(0.5) ? '' : m + m) : m));
    default: { const i = line(); lines[i] = r.pick(CELL_TOKENS) + lines[i]; break; }
  }
  return lines.join('\n');
}

/** One mutation of a report file; `name` decides what kind of mutation makes sense. */
export function mutate(bytes: Uint8Array, name: string, r: Random): Uint8Array {
  if (r.chance(0.15)) {
    const marked = insertMarks(bytes, name, r);
    if (marked) return marked;
  }
  if (/\.docx$/i.test(name) && r.chance(0.7)) {
    try {
      const files = unzipSync(bytes);
      const xml = files['word/document.xml'];
      if (xml) {
        files['word/document.xml'] = strToU8(textMutation(strFromU8(xml), r));
        return zipSync(files);
      }
    } catch {
      // not a zip any more: mutate its bytes
    }
  }
  if (/\.(txt|md|html?)$/i.test(name) && r.chance(0.8)) return encoder.encode(textMutation(decoder.decode(bytes), r));
  return bytesMutation(bytes, r);
}
