/** What kind of file this is, from its bytes first and its name second. */
export type SourceFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx' | 'doc' | 'zip' | 'empty' | 'binary';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

export function sniffFormat(bytes: Uint8Array, path: string): SourceFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  if (bytes.length === 0) return 'empty';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return ext === 'docx' || ext === 'docm' || hasWordPart(bytes) ? 'docx' : 'zip';
  if (startsWith(bytes, OLE)) return 'doc';
  if (looksBinary(bytes)) return 'binary';
  if (['html', 'htm', 'shtml', 'xhtml', 'jsp', 'aspx', 'asp', 'php'].includes(ext)) return 'html';
  if (['md', 'markdown'].includes(ext)) return 'markdown';
  const start = head.replace(/^\ufeff|^\xef\xbb\xbf/, '').trimStart().slice(0, 200).toLowerCase();
  if (/^<(?:!doctype\s+html|html|head|body|meta|table|div|p)\b/.test(start) || /<\/(?:p|td|table|div)>/i.test(head)) return 'html';
  return 'text';
}

/** NUL bytes or many control characters in the first 8 KB: not a text document. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) {
      // UTF-16 text has NULs; it starts with a BOM
      if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) continue;
      return true;
    }
    if (b < 9 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return control > n * 0.02;
}

/** A zip whose entry names include word/document.xml is a Word document whatever its name. */
function hasWordPart(bytes: Uint8Array): boolean {
  return new TextDecoder('latin1').decode(bytes.subarray(0, 1 << 16)).includes('word/document.xml');
}
