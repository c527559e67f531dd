/**
 * File names as bytes. Linux names are bytes, not text: a name saved by a GBK system (a zip
 * unpacked without its encoding, a copy from an old share) is not UTF-8, and Node's string
 * names turn its bytes into U+FFFD, a name that opens nothing. Such a file is opened by its
 * bytes; its row shows the name decoded as GB18030 when the bytes are valid GB18030, otherwise
 * with each byte that is not UTF-8 written as \xNN.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030', { fatal: true });

/** The name as text when its bytes are UTF-8, else null. */
export function utf8Name(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** A readable name for bytes that are not UTF-8: GB18030 when they decode as such, else the bytes escaped. */
export function shownName(bytes: Uint8Array, forceEscape = false): string {
  if (!forceEscape) {
    try {
      const s = gb18030.decode(bytes);
      // a name must not gain a separator or a control character by being decoded
      if (!/[/\\\u0000-\u001f]/.test(s)) return s;
    } catch { /* not GB18030 */ }
  }
  return escapedName(bytes);
}

/** The UTF-8 runs of the name as they are, every other byte as \xNN. */
export function escapedName(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const n = utf8Length(bytes, i);
    if (n) {
      out += utf8.decode(bytes.subarray(i, i + n));
      i += n;
    } else {
      out += `\\x${bytes[i].toString(16).padStart(2, '0')}`;
      i++;
    }
  }
  return out;
}

/** The length of the well-formed UTF-8 character at `i`, or 0. */
function utf8Length(b: Uint8Array, i: number): number {
  const c = b[i];
  const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (!n || i + n > b.length) return 0;
  try {
    utf8.decode(b.subarray(i, i + n));
    return n;
  } catch {
    return 0;
  }
}
