/**
 * npm run merge -- --out DIR [--fresh] SHARD...
 *
 * Builds one dataset from datasets ingested separately (on other machines, or from parts of a
 * corpus): their rows go into the work database beside DIR, files repeated across shards
 * become rows naming the file they repeat, then agencies are linked, the checks across reports
 * and years run over everything, and the Parquet dataset and the dashboard's layout are written
 * as a single ingest would. DIR, if it exists, is merged into too (unless --fresh).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DatasetBuilder } from './lib/dataset-builder.ts';

const USAGE = '用法 / usage: npm run merge -- --out DIR [--fresh] SHARD...';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' }, fresh: { type: 'boolean', default: false } } });
  if (!values.out || !positionals.length) {
    console.error(USAGE);
    return 64;
  }
  const missing = positionals.filter((d) => !existsSync(join(d, 'manifest.json')));
  if (missing.length) {
    console.error(`不是数据集（缺少 manifest.json）/ not a dataset: ${missing.join(', ')}`);
    return 64;
  }
  const started = performance.now();
  const builder = await DatasetBuilder.open(values.out, { fresh: values.fresh });
  let synthetic = false;
  try {
    for (const dir of positionals) {
      synthetic ||= Boolean(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).synthetic);
      const r = await builder.mergeShard(dir);
      console.log(`${dir}: ${r.added} 份新报告 added · ${r.repeated} 份与已有文件内容相同 repeated · ${r.known} 份已在数据集中 already there`);
    }
  } catch (e) {
    builder.close();
    throw e;
  }
  const m = await builder.finish({ generator: 'xxgk-dashboard merge', synthetic });
  console.log(`合并完成 / merged: ${values.out} (reports ${m.row_counts.reports}, cells ${m.row_counts.cells}, findings ${m.row_counts.findings}, agencies ${m.row_counts.agencies}), ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`合并未能完成 / merge could not complete: ${(e as Error).stack ?? e}`);
    process.exit(1);
  },
);
