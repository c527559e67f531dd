/** Text normalisation shared by every parser stage. */
import { memo } from './memo.ts';
import { dropStruck } from './marks.ts';

/**
 * Characters that NFKC leaves as they are, alone and beside each other (none decomposes,
 * combines or is combined with): ASCII, the unified CJK ideographs, 、。〈〉《》「」『』【】 and
 * curly quotes. Most texts of a report are made of them only; test/unit/normalize.test.ts checks
 * every one of them.
 */
export const NFKC_STABLE = /^[\x00-\x7f\u4e00-\u9fff\u3001\u3002\u3008-\u3011\u2018\u2019\u201c\u201d]*$/;

/** NFKC folds full-width digits, letters and brackets to half-width; NBSP becomes a space. */
export function nfkc(s: string): string {
  if (NFKC_STABLE.test(s)) return s;
  return s.length > 64 ? s.normalize('NFKC') : nfkcShort(s);
}
// labels recur in every report, and a lookup is cheaper than normalizing again
const nfkcShort = memo((s) => s.normalize('NFKC'), 8192);

/**
 * For matching labels: NFKC, no whitespace at all (labels are broken across lines and cells),
 * struck-through text left out (it was deleted from the label).
 */
export function squash(s: string): string {
  return nfkc(dropStruck(s)).replace(/[\s\u200b\u200c\u200d\ufeff]+/g, '');
}

/** For display: NFKC and collapsed whitespace. */
export function tidy(s: string): string {
  return nfkc(s).replace(/[\s\u200b\ufeff]+/g, ' ').trim();
}
