/** The end-of-run summary, read back from the dataset written: files by status, findings by rule. */
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { RULES } from '../../src/model/rules.ts';
import type { BatchResult } from './ingest-batch.ts';
import { sqlString } from './sql-literal.ts';

export async function formatSummary(out: string, result: BatchResult): Promise<string> {
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  const q = async (sql: string) => (await conn.runAndReadAll(sql)).getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
  const p = (t: string) => sqlString(join(out, `${t}.parquet`));
  const byStatus = Object.fromEntries((await q(`SELECT status, count(*) AS n FROM ${p('reports')} GROUP BY ALL`)).map((r) => [r.status, r.n]));
  const problems = await q(`SELECT status, source_path, status_reason FROM ${p('reports')} WHERE status <> 'ok' ORDER BY status, source_path LIMIT 21`);
  const rules = await q(`SELECT rule, count(*) FILTER (WHERE result = 'fail') AS fail, count(*) FILTER (WHERE result <> 'fail') AS na FROM ${p('findings')} GROUP BY rule ORDER BY rule`);
  conn.closeSync();
  const m = result.manifest;
  const lines = [
    `导入完成 / ingest done: ${result.files} 个文件 files${result.skipped ? `（${result.skipped} 个已在数据集中，跳过 / already in the dataset）` : ''}, ${m.row_counts.cells} 个单元格 cells, ${m.row_counts.findings} 条发现 findings, ${result.seconds.toFixed(1)} s`,
    `  用时 time: ${Object.entries(result.phases).map(([k, s]) => `${k} ${s.toFixed(1)} s`).join(' · ')}`,
    `  内存峰值 peak memory: ${Math.round(result.peakRss / 1048576)} MB${result.rounds ? `（分 ${result.rounds} 轮读取，各在独立进程中 / read in ${result.rounds} rounds, each in a process of its own）` : ''}`,
    `  状态 status: ${['ok', 'partial', 'failed'].map((s) => `${s} ${byStatus[s] ?? 0}`).join(' · ')}`,
  ];
  for (const r of problems.slice(0, 20)) lines.push(`    ${r.status === 'failed' ? '✗' : '△'} ${r.source_path}: ${r.status_reason}`);
  if (problems.length > 20) lines.push('    …');
  if (rules.length) {
    lines.push('  发现 findings (fail / not_assessable):');
    for (const r of rules) lines.push(`    ${String(r.rule).padEnd(20)} ${String(r.fail).padStart(5)} / ${String(r.na).padEnd(5)} ${RULES[r.rule as string]?.descriptionZh ?? ''}`);
  }
  lines.push(`  输出 output: ${out} (reports ${m.row_counts.reports}, cells ${m.row_counts.cells}, findings ${m.row_counts.findings}, agencies ${m.row_counts.agencies})`);
  return lines.join('\n');
}
