/**
 * A report's source address as a link only when it is an http(s) address: a `javascript:` or
 * `data:` URL from a sources table must never become something a reader can click.
 */
export function safeHref(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const u = url.trim();
  if (!/^https?:\/\//i.test(u)) return null;
  try {
    const parsed = new URL(u);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A report id as a file name part: hex only (ids are hex; anything else is not linked). */
export const isReportId = (id: unknown): id is string => typeof id === 'string' && /^[0-9a-f]{16}$/.test(id);
