/** Outcome mix by year: stacked bars, one colour per outcome group, shares in the tooltips. */
import * as Plot from '@observablehq/plot';
import { BASE, OUTCOME_COLORS } from './theme.ts';

export interface MixRow { year: number; key: string; label: string; value: number }

export function stackedBars(rows: MixRow[], opts: { width: number; yLabel: string; order: string[]; labels: Record<string, string>; colors?: Record<string, string> }): SVGSVGElement | HTMLElement {
  const totals = new Map<number, number>();
  for (const r of rows) totals.set(r.year, (totals.get(r.year) ?? 0) + r.value);
  const colors = opts.colors ?? OUTCOME_COLORS;
  return Plot.plot({
    ...BASE,
    width: opts.width,
    height: 260,
    x: { label: null, type: 'band', tickFormat: (d: number) => String(d) },
    y: { label: opts.yLabel, grid: true },
    color: { legend: true, domain: opts.order, range: opts.order.map((k) => colors[k] ?? '#888'), tickFormat: (k: string) => opts.labels[k] ?? k },
    marks: [
      Plot.barY(rows, {
        x: 'year', y: 'value', fill: 'key', order: opts.order,
        title: (d: MixRow) => `${d.year}年 ${d.label}：${d.value.toLocaleString('zh-CN')}（${((100 * d.value) / (totals.get(d.year) || 1)).toFixed(1)}%）`,
      }),
      Plot.ruleY([0]),
    ],
  });
}
