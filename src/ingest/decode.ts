/**
 * Bytes → text. A byte-order mark decides; otherwise valid UTF-8 is UTF-8 (a GBK page labelled
 * UTF-8, or the reverse, is caught by trying UTF-8 strictly first); otherwise the charset the
 * page declares; otherwise GB18030, the superset of GBK and GB2312 that older sites use.
 */
export interface Decoded { text: string; encoding: string; replaced: number }

function tryDecode(encoding: string, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(encoding, { fatal, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ?? /encoding\s*=\s*["']([\w-]+)["']/i.exec(head);
  if (!m) return null;
  const name = m[1].toLowerCase();
  return /^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(name) ? 'gb18030' : name;
}

export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return finish(tryDecode('utf-8', bytes.subarray(3), false)!, 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(tryDecode('utf-16le', bytes.subarray(2), false)!, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish(tryDecode('utf-16be', bytes.subarray(2), false)!, 'utf-16be');
  const utf8 = tryDecode('utf-8', bytes, true);
  if (utf8 !== null) return finish(utf8, 'utf-8');
  const declared = declaredCharset(bytes);
  if (declared && declared !== 'utf-8' && declared !== 'utf8') {
    const text = tryDecode(declared, bytes, false);
    if (text !== null) return finish(text, declared);
  }
  return finish(tryDecode('gb18030', bytes, false)!, 'gb18030');
}

function finish(text: string, encoding: string): Decoded {
  let replaced = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) replaced++;
  return { text, encoding, replaced };
}
