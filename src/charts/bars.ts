/** Horizontal bars with the value printed beside each bar; optional interval whiskers. */
import * as Plot from '@observablehq/plot';
import { BASE } from './theme.ts';

export interface Bar { label: string; value: number; low?: number | null; high?: number | null; note?: string }

export function barsChart(bars: Bar[], opts: { width: number; xLabel: string; format: (v: number) => string; percent?: boolean; color?: string }): SVGSVGElement | HTMLElement {
  const longest = Math.max(4, ...bars.map((b) => b.label.length));
  const withInterval = bars.filter((b) => b.low !== undefined && b.low !== null && b.high !== null && b.high !== undefined);
  return Plot.plot({
    ...BASE,
    width: opts.width,
    height: 28 * bars.length + 40,
    marginLeft: Math.min(220, 13 * longest + 12),
    marginRight: 72,
    x: { label: opts.xLabel, grid: true, tickFormat: opts.percent ? (v: number) => `${Math.round(v * 100)}%` : undefined },
    y: { label: null, domain: bars.map((b) => b.label) },
    marks: [
      Plot.barX(bars, { x: 'value', y: 'label', fill: opts.color ?? '#1f5aa6', title: (b: Bar) => `${b.label}：${opts.format(b.value)}${b.note ? `（${b.note}）` : ''}` }),
      Plot.ruleY(withInterval, { x1: 'low', x2: 'high', y: 'label', stroke: '#333', strokeWidth: 1.5 }),
      Plot.text(bars, { x: 'value', y: 'label', text: (b: Bar) => `${opts.format(b.value)}${b.note ? ` ${b.note}` : ''}`, dx: 6, textAnchor: 'start', fontSize: 11 }),
      Plot.ruleX([0]),
    ],
  });
}
