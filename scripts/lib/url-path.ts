/**
 * The path part of a request URL, for the static servers (`npm start`, tests, Vite's dev and
 * preview servers): malformed percent-escapes and NUL bytes are refused, and a file is served
 * only from inside its folder — `/data/../data-private` must not match the prefix `/data`.
 */
import { isAbsolute, relative, sep } from 'node:path';

/** The decoded path, or null when the URL cannot be decoded (the server answers 400). */
export function requestPath(url: string | undefined): string | null {
  const raw = (url ?? '/').split(/[?#]/)[0];
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (path.includes('\0') || !path.startsWith('/')) return null;
  return path;
}

/** Whether `file` (resolved) is `dir` itself or inside it. */
export function within(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Headers for a report's copy: a sandboxed document with nothing allowed to load, saved rather
 * than shown when the browser would render it as a page.
 */
export const SOURCE_COPY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "sandbox; default-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
