/**
 * A query that re-runs when what it depends on changes: loading, error and stale results are
 * handled here, and a slow old answer never replaces a newer one (request counter).
 */
import type { Sql } from '../queries/filters.ts';
import { database } from './database.svelte.ts';

export interface QueryState<T> {
  readonly rows: T[];
  readonly loading: boolean;
  readonly error: string | null;
  /** Rows are from the previous request while the new one runs. */
  readonly stale: boolean;
  readonly ready: boolean;
}

export function createQuery<T = Record<string, unknown>>(build: () => Sql | null): QueryState<T> {
  const s = $state({ rows: [] as T[], loading: true, error: null as string | null, stale: false, ready: false });
  let counter = 0;
  $effect(() => {
    const q = build();
    const db = database.db;
    const site = database.site;
    if (!q || !db || !site) return;
    const id = ++counter;
    s.loading = true;
    s.stale = s.ready;
    // the partitions the query reads are fetched first (once per session)
    site.ensure(q.needs)
      .then(() => db.query<T>(q.sql, q.params))
      .then((rows) => {
        if (id !== counter) return;
        s.rows = rows;
        s.error = null;
        s.ready = true;
      })
      .catch((e: Error) => {
        if (id !== counter) return;
        s.error = e.message;
        s.ready = true;
      })
      .finally(() => {
        if (id !== counter) return;
        s.loading = false;
        s.stale = false;
      });
  });
  return s;
}
