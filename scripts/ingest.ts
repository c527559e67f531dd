/**
 * npm run ingest -- --out DIR [--region CODE] [--sources FILE] [--strict] PATH...
 *
 * Reads report files and folders (recursively), writes the dataset (reports, cells, findings
 * Parquet + manifest.json) atomically, prints a summary. Exit 0 when every file was accounted
 * for, failed files included; 1 when the run itself could not complete; 2 with --strict when a
 * file failed; 64 on a usage error.
 */
import { parseArgs } from 'node:util';
import { normalizeCode } from '../src/ingest/identify/regions.ts';
import { ingestPaths } from './lib/ingest-batch.ts';
import { readSources } from './lib/sources.ts';
import { formatSummary } from './lib/summary.ts';
import { writeDataset } from './lib/write-dataset.ts';
import { sourceFiles } from './lib/source-files.ts';

const USAGE = `用法 / usage: npm run ingest -- --out DIR [--region CODE] [--sources FILE] [--copy-sources] [--strict] [--quiet] PATH...`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string' }, region: { type: 'string' }, sources: { type: 'string' },
        strict: { type: 'boolean', default: false }, quiet: { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
        'copy-sources': { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 64;
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.out || positionals.length === 0) {
    console.error(USAGE);
    return 64;
  }
  if (values.region && !normalizeCode(values.region)) {
    console.error(`--region 应为行政区划代码，如 110105 / --region must be a division code: ${values.region}`);
    return 64;
  }
  const started = performance.now();
  const sources = values.sources ? readSources(values.sources) : null;
  const tty = process.stderr.isTTY && !values.quiet;
  let lastDraw = 0;
  const { rows, inputs } = await ingestPaths(positionals, {
    regionHint: values.region ?? null,
    sources,
    exclude: [values.out, ...(values.sources ? [values.sources] : [])],
    onFile: (done, total, path) => {
      const now = performance.now();
      if (tty && (now - lastDraw > 100 || done === total)) {
        lastDraw = now;
        process.stderr.write(`\r\x1b[K[${done}/${total}] ${path.length > 60 ? `…${path.slice(-59)}` : path}`);
      }
    },
  });
  if (tty) process.stderr.write('\r\x1b[K');
  const manifest = await writeDataset(values.out, rows, { generator: 'xxgk-dashboard ingest', inputs, copySources: values['copy-sources'] ? sourceFiles(rows.reports) : undefined });
  const seconds = (performance.now() - started) / 1000;
  if (!values.quiet) console.log(formatSummary(rows, values.out, seconds, manifest));
  const failed = rows.reports.filter((r) => r.status === 'failed').length;
  return values.strict && failed > 0 ? 2 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`导入未能完成 / ingest could not complete: ${(e as Error).stack ?? e}`);
    process.exit(1);
  },
);
