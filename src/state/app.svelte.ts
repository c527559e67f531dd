/**
 * The app's state, kept in the URL: changes are written with history.replaceState (filters) or
 * pushState (view changes), and Back/Forward restore them.
 */
import { fitToDataset, parseState, serializeState, type AppState, type DatasetFacts } from './url-state.ts';

const initial = parseState(location.search);
// where the data is and how it is laid out belong to the deployment, not to the view: kept as given
const given = new URLSearchParams(location.search);
const keep = new URLSearchParams();
if (given.get('data')) keep.set('data', given.get('data')!);
if (given.get('layout') === 'naive') keep.set('layout', 'naive');
if (given.get('debug') === 'sql') keep.set('debug', 'sql');

export const app = $state<AppState>(initial.state);
export const notices = $state<{ list: string[] }>({ list: [...initial.notices] });

function urlOf(s: AppState): string {
  const q = serializeState(s);
  if (!keep.size) return `${location.pathname}${q}`;
  return `${location.pathname}${q ? `${q}&` : '?'}${keep}`;
}

let lastView = app.view;
$effect.root(() => {
  $effect(() => {
    const url = urlOf(app);
    if (url === `${location.pathname}${location.search}`) return;
    if (app.view !== lastView) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    lastView = app.view;
  });
});

/** What the open dataset holds, once its summary has loaded; links are checked against it. */
let facts: DatasetFacts | null = null;

/** Drops what the dataset cannot show from the state (the URL follows), saying so. */
export function useDatasetFacts(f: DatasetFacts): void {
  facts = f;
  const fitted = fitToDataset(app, f);
  if (!fitted.notices.length) return;
  notices.list.push(...fitted.notices);
  app.filters = fitted.state.filters;
  app.entities = fitted.state.entities;
}

addEventListener('popstate', () => {
  const next = parseState(location.search);
  const fitted = facts ? fitToDataset(next.state, facts) : { state: next.state, notices: [] };
  notices.list.push(...next.notices, ...fitted.notices);
  Object.assign(app, fitted.state);
  lastView = app.view;
});
