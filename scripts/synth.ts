/**
 * npm run synth -- --reports N --seed S --out DIR [--pdf 0.01] [--docx 0.05] [--errors 0.03]
 *
 * A synthetic corpus that looks like the real thing (see scripts/synth/): agencies of real
 * counties, years 2019–2025 on the template each year used (a few on the wrong one), numbers
 * with realistic distributions and matching carry-over, a share of the errors real reports
 * make, rendered as Word-export text, government HTML, markdown, aligned text, DOCX and PDF.
 * Everything is marked synthetic: file names, synthetic.json, and the truth (truth.jsonl) that
 * lets a benchmark run double as an accuracy test.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { htmlToPdf, launchChromium } from './lib/chromium.ts';
import { fillBlankForm, renderDocx } from './lib/render/render-docx.ts';
import { renderHtml } from './lib/render/render-html.ts';
import { renderText } from './lib/render/render-text.ts';
import { agencyYears } from './synth/numbers.ts';
import { Random } from './synth/random.ts';
import { makeReport } from './synth/report.ts';
import { buildUniverse } from './synth/universe.ts';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, out: { type: 'string' },
    pdf: { type: 'string', default: '0.01' }, docx: { type: 'string', default: '0.05' }, errors: { type: 'string', default: '0.03' },
    'wrong-template': { type: 'string', default: '0.01' },
  },
});
if (!values.out) {
  console.error('usage: npm run synth -- --reports N --seed S --out DIR [--pdf SHARE] [--docx SHARE] [--errors SHARE]');
  process.exit(64);
}
const N = Number(values.reports);
const seed = Number(values.seed);
const r = new Random(seed);
const out = values.out;
const filesDir = join(out, 'files');
mkdirSync(filesDir, { recursive: true });
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025].map((year) => ({ year, template: (year <= 2020 ? 'v2019' : 'v2021') as 'v2019' | 'v2021' }));
// some agencies miss a year, so about N / 6.5 agencies give N reports
const universe = buildUniverse(Math.ceil(N / 6.5), r);
const blank = new Uint8Array(readFileSync('test/fixtures/docx/blank-form-v2021.docx'));
// written synchronously: the loop does not yield to the event loop, so a stream would only buffer
const truthOut = openSync(join(out, 'truth.jsonl'), 'w');
const sources = ['path\tregion\turl'];
const browser = Number(values.pdf) > 0 ? await launchChromium() : null;
let count = 0;
const started = performance.now();
const shares = { pdf: Number(values.pdf), docx: Number(values.docx) };

outer: for (const [ai, agency] of universe.entries()) {
  const numbers = agencyYears(agency, YEARS, r);
  for (const [yi, { year, template }] of YEARS.entries()) {
    if (count >= N) break outer;
    if (r.chance(0.07)) continue; // a year not published
    const wrongTemplate = template === 'v2021' && r.chance(Number(values['wrong-template']));
    const rep = makeReport(agency.name, agency.kind, year, template, numbers[yi], r, { errorRate: Number(values.errors), wrongTemplate });
    const roll = r.next();
    const hasBlank = Object.values(rep.truth).some((v) => v === null);
    let format: string;
    let bytes: Uint8Array | string;
    if (roll < shares.pdf && browser) {
      format = 'pdf';
      bytes = await htmlToPdf(browser, renderHtml(rep.spec));
    } else if (roll < shares.pdf + shares.docx) {
      format = 'docx';
      bytes = rep.spec.template === 'v2021' && !rep.spec.otherAsOneRow && r.chance(0.5) ? fillBlankForm(blank, rep.spec) : renderDocx(rep.spec);
    } else {
      const kind = r.pick(hasBlank ? ['seed', 'html', 'html', 'markdown'] : ['seed', 'html', 'html', 'markdown', 'aligned']);
      format = kind === 'html' ? 'html' : kind === 'markdown' ? 'md' : 'txt';
      bytes = kind === 'html' ? renderHtml(rep.spec) : renderText(rep.spec, kind as 'seed' | 'markdown' | 'aligned');
    }
    const name = `synthetic-${String(count).padStart(7, '0')}-${year}.${format}`;
    const dir = join(filesDir, String(Math.floor(count / 10000)).padStart(3, '0'));
    if (count % 10000 === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, name), bytes);
    const path = join('files', String(Math.floor(count / 10000)).padStart(3, '0'), name);
    sources.push(`${path}\t${agency.regionCode}\t`);
    writeSync(truthOut, `${JSON.stringify({ file: path, agency: agency.name, agency_index: ai, kind: agency.kind, year, template: rep.spec.template, region_code: agency.regionCode, errors: rep.errors, quirks: rep.quirks, cells: rep.truth })}\n`);
    count++;
    if (count % 10000 === 0) process.stderr.write(`\r${count.toLocaleString()} reports, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
}
closeSync(truthOut);
await browser?.close();
writeFileSync(join(out, 'SOURCES.tsv'), `${sources.join('\n')}\n`);
writeFileSync(join(out, 'synthetic.json'), `${JSON.stringify({ synthetic: true, note: '合成数据，不是真实报告 / synthetic data, not real reports', seed, reports: count, agencies: universe.length, generated_at: new Date().toISOString() }, null, 1)}\n`);
console.error(`\nsynthetic corpus: ${count} reports of ${universe.length} agencies in ${((performance.now() - started) / 1000).toFixed(1)} s → ${out}`);
