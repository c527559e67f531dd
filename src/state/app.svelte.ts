/**
 * The app's state, kept in the URL: changes are written with history.replaceState (filters) or
 * pushState (view changes), and Back/Forward restore them.
 */
import { parseState, serializeState, type AppState } from './url-state.ts';

const initial = parseState(location.search);
const keep = new URLSearchParams(location.search).get('data');

export const app = $state<AppState>(initial.state);
export const notices = $state<{ list: string[] }>({ list: [...initial.notices] });

function urlOf(s: AppState): string {
  const q = serializeState(s);
  if (!keep) return `${location.pathname}${q}`;
  return `${location.pathname}${q ? `${q}&` : '?'}data=${encodeURIComponent(keep)}`;
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
