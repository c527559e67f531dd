/**
 * Report-provided text (agency names, titles, file names, paths, reasons, raw cells) as it is
 * shown on the page. Bidirectional control characters are replaced by visible tokens so that a
 * file named `\u202Eexe.report.txt` can never display as `txt.troper.exe`: the text always reads
 * in the order it is stored. Only the display changes; data, downloads and queries keep the text.
 */

/** U+202A–U+202E (embeddings, overrides, PDF), U+2066–U+2069 (isolates), LRM, RLM, ALM. */
const BIDI: Record<string, string> = {
  '\u202A': 'LRE', '\u202B': 'RLE', '\u202C': 'PDF', '\u202D': 'LRO', '\u202E': 'RLO',
  '\u2066': 'LRI', '\u2067': 'RLI', '\u2068': 'FSI', '\u2069': 'PDI',
  '\u200E': 'LRM', '\u200F': 'RLM', '\u061C': 'ALM',
};
const BIDI_RE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** The text with every bidirectional control shown as ⟪NAME⟫; null/undefined as ''. */
export function visible(text: unknown): string {
  if (text === null || text === undefined) return '';
  return String(text).replace(BIDI_RE, (c) => `⟪${BIDI[c]}⟫`);
}

/**
 * At most `max` characters of the visible text, an ellipsis marking the cut: names thousands of
 * characters long would otherwise make cells and headings thousands of pixels long or tall.
 * The full visible text belongs in the element's title.
 */
export function clip(text: unknown, max = 160): string {
  const v = visible(text);
  // by code point, so a cut never splits a surrogate pair
  const chars = Array.from(v);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : v;
}
