/**
 * Repeated measurements as the benchmarks print them: the median, and the range beside it when
 * runs differ. On this VM the same run varies by 10 % or more from one run to the next
 * (docs/scale.md), so one run's figure is not a margin.
 */
export interface Spread { median: number; min: number; max: number; n: number }

export function spread(values: readonly number[]): Spread {
  if (!values.length) throw new Error('no values');
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s.at(-1)!, n: s.length };
}

/** `median (min–max)` with `digits` decimals, or the one value of a single run. */
export function formatSpread(x: Spread, digits: number): string {
  const f = (v: number) => v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return x.n === 1 || f(x.min) === f(x.max) ? f(x.median) : `${f(x.median)} (${f(x.min)}–${f(x.max)})`;
}
