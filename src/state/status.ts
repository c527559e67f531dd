/**
 * The page's readiness, for people (nothing) and for tests and benchmarks:
 * html[data-status] is 'ready' once the current view has drawn its data, and html[data-seq]
 * counts how many times that has happened, so a change can be waited for.
 */
let seq = 0;

export function markStatus(ready: boolean): void {
  const el = document.documentElement;
  if (ready && el.dataset.status !== 'ready') el.dataset.seq = String(++seq);
  el.dataset.status = ready ? 'ready' : 'loading';
}
