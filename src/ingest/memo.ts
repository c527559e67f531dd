/**
 * `fn` with its results kept for up to `limit` distinct texts, all forgotten at once when full:
 * for pure functions of texts that recur across reports ("0", row labels), so that memory stays
 * bounded however many reports a thread reads.
 */
export function memo<V>(fn: (s: string) => V, limit: number): (s: string) => V {
  const cache = new Map<string, V>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size >= limit) cache.clear();
      cache.set(s, (v = fn(s)));
    }
    return v;
  };
}
