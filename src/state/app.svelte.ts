/**
 * The app's state, kept in the URL: changes are written with history.replaceState (filters) or
 * pushState (view changes), and Back/Forward restore them.
 */
import { parseState, serializeState, type AppState } from './url-state.ts';

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

addEventListener('popstate', () => {
  const next = parseState(location.search);
  Object.assign(app, next.state);
  lastView = app.view;
});
