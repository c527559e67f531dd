/** Text normalisation shared by every parser stage. */

/** NFKC folds full-width digits, letters and brackets to half-width; NBSP becomes a space. */
export function nfkc(s: string): string {
  return s.normalize('NFKC');
}

/** For matching labels: NFKC, no whitespace at all (labels are broken across lines and cells). */
export function squash(s: string): string {
  return nfkc(s).replace(/[\s\u200b\u200c\u200d\ufeff]+/g, '');
}

/** For display: NFKC and collapsed whitespace. */
export function tidy(s: string): string {
  return nfkc(s).replace(/[\s\u200b\ufeff]+/g, ' ').trim();
}
