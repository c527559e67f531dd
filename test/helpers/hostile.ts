/**
 * A hostile page: a real report (巨鹿县 2024, as read from the document) published as a web page
 * whose agency name and table cells carry markup and script payloads as their text, and a
 * real <script> of its own. Payloads set window.__pwned if they ever run.
 */
import { renderHtml } from '../../scripts/lib/render/render-html.ts';
import { renderText } from '../../scripts/lib/render/render-text.ts';
import type { ReportSpec } from '../../scripts/lib/render/report-spec.ts';
import { REAL_REPORTS, specOf } from './real-reports.ts';

export const HOSTILE = {
  script: '<script>window.__pwned = 1</script>',
  img: '<img src=x onerror="window.__pwned = 2">',
  js: 'javascript:window.__pwned=3',
  svg: '<svg onload="window.__pwned = 4">',
};

function hostileSpec(): ReportSpec {
  const spec = specOf(REAL_REPORTS.find((r) => r.name.startsWith('julu'))!.expected);
  spec.agency = `巨鹿县人民政府办公室${HOSTILE.svg}`;
  spec.t3['app.res.granted'].natural = HOSTILE.img;
  spec.t3['app.res.partial'].total = HOSTILE.js;
  spec.t4['rev.upheld'] = HOSTILE.script;
  return spec;
}

/** As a web page, with script of its own. */
export function hostilePage(): string {
  return renderHtml(hostileSpec()).replace('</body>', `<script>window.__pwned = 5</script><img src=x onerror="window.__pwned = 6"></body>`);
}

/** As a markdown document (its table cells are kept by position, so the payloads are kept as cells). */
export function hostileMarkdown(): string {
  return renderText(hostileSpec(), 'markdown');
}
