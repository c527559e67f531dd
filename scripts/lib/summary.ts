/** The end-of-run summary: files by status, findings by rule. */
import { RULES } from '../../src/model/rules.ts';
import type { DatasetRows, Manifest } from './write-dataset.ts';

export function formatSummary(rows: DatasetRows, out: string, seconds: number, manifest: Manifest): string {
  const count = <T>(xs: T[], key: (x: T) => string) => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
    return m;
  };
  const byStatus = count(rows.reports, (r) => String(r.status));
  const lines = [
    `导入完成 / ingest done: ${rows.reports.length} 个文件 files, ${rows.cells.length} 个单元格 cells, ${rows.findings.length} 条发现 findings, ${seconds.toFixed(1)} s`,
    `  状态 status: ${['ok', 'partial', 'failed'].map((s) => `${s} ${byStatus.get(s) ?? 0}`).join(' · ')}`,
  ];
  const failedOrPartial = rows.reports.filter((r) => r.status !== 'ok');
  for (const r of failedOrPartial.slice(0, 20)) lines.push(`    ${r.status === 'failed' ? '✗' : '△'} ${r.source_path}: ${r.status_reason}`);
  if (failedOrPartial.length > 20) lines.push(`    … ${failedOrPartial.length - 20} more`);
  const byRule = new Map<string, { fail: number; na: number }>();
  for (const f of rows.findings) {
    const e = byRule.get(String(f.rule)) ?? { fail: 0, na: 0 };
    if (f.result === 'fail') e.fail++;
    else e.na++;
    byRule.set(String(f.rule), e);
  }
  if (byRule.size) {
    lines.push('  发现 findings (fail / not_assessable):');
    for (const [rule, e] of [...byRule].sort()) {
      lines.push(`    ${rule.padEnd(20)} ${String(e.fail).padStart(5)} / ${String(e.na).padEnd(5)} ${RULES[rule]?.descriptionZh ?? ''}`);
    }
  }
  lines.push(`  输出 output: ${out} (reports ${manifest.row_counts.reports}, cells ${manifest.row_counts.cells}, findings ${manifest.row_counts.findings})`);
  return lines.join('\n');
}
