/**
 * npm run ingest -- --out DIR [--region CODE] [--sources FILE] [--copy-sources] [--fresh]
 *                   [--jobs N] [--synthetic] [--strict] [--quiet] PATH...
 *
 * Reads report files and folders (recursively) into the dataset at DIR, streaming through a work
 * database beside it: files already in the dataset are skipped (a re-run only adds new files),
 * a killed run continues where it stopped, the finished dataset is swapped in atomically.
 * Exit 0 when every file was accounted for, failed files included; 1 when the run itself could
 * not complete; 2 with --strict when a file failed; 64 on a usage error.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { ingestToDataset } from './lib/ingest-batch.ts';
import { formatSummary } from './lib/summary.ts';
import { sqlString } from './lib/sql-literal.ts';
import { UserError } from './lib/user-error.ts';

const USAGE = `用法 / usage: npm run ingest -- --out DIR [--region CODE] [--sources FILE] [--copy-sources] [--fresh] [--jobs N] [--synthetic] [--strict] [--quiet] PATH...`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string' }, region: { type: 'string' }, sources: { type: 'string' }, jobs: { type: 'string' },
        strict: { type: 'boolean', default: false }, quiet: { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
        'copy-sources': { type: 'boolean', default: false }, fresh: { type: 'boolean', default: false }, synthetic: { type: 'boolean', default: false },
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
  // the division list is loaded only when asked for: a run read in rounds holds little while its rounds read
  if (values.region && !(await import('../src/ingest/identify/regions.ts')).normalizeCode(values.region)) {
    console.error(`--region 应为行政区划代码，如 110105 / --region must be a division code: ${values.region}`);
    return 64;
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 0 && jobs <= 64)) {
    console.error(`--jobs 应为 0 到 64 的整数 / --jobs must be an integer 0..64`);
    return 64;
  }
  // a corpus made by npm run synth says so; its dataset is labelled synthetic everywhere
  const synthetic = values.synthetic || positionals.some((p) => existsSync(join(p, 'synthetic.json')));
  const tty = process.stderr.isTTY && !values.quiet;
  let lastDraw = 0;
  const result = await ingestToDataset(positionals, values.out, {
    regionHint: values.region ?? null,
    sourcesFile: values.sources ?? null,
    workers: jobs,
    fresh: values.fresh,
    synthetic,
    copySources: values['copy-sources'],
    exclude: [values.out, `${values.out}.work`, `${values.out}.lock`, ...(values.sources ? [values.sources] : []), ...positionals.flatMap((p) => [join(p, 'synthetic.json'), join(p, 'truth.jsonl')])],
    onFile: (done, total, path) => {
      const now = performance.now();
      if (tty && (now - lastDraw > 100 || done === total)) {
        lastDraw = now;
        process.stderr.write(`\r\x1b[K[${done}/${total}] ${path.length > 60 ? `…${path.slice(-59)}` : path}`);
      }
    },
  });
  if (tty) process.stderr.write('\r\x1b[K');
  if (!values.quiet) console.log(await formatSummary(values.out, result));
  if (!values.strict) return 0;
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const failed = Number((await conn.runAndReadAll(`SELECT count(*) FROM ${sqlString(join(values.out, 'reports.parquet'))} WHERE status = 'failed'`)).getRows()[0][0]);
  conn.closeSync();
  return failed > 0 ? 2 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    // what a person can act on in one line; anything else is a fault of the program, with its stack
    if (e instanceof UserError) console.error(`导入未能完成 / ingest could not complete: ${e.message}`);
    else console.error(`导入未能完成 / ingest could not complete: ${(e as Error).stack ?? e}`);
    process.exit(e instanceof UserError ? e.exitCode : 1);
  },
);
