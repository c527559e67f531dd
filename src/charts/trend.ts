/** A measure by year: line and dots, with the value printed at each point. */
import * as Plot from '@observablehq/plot';
import { BASE } from './theme.ts';

export interface TrendPoint { year: number; value: number | null }

// insetTop: room above the highest point for its printed value, clear of the axis label
export function trendChart(points: TrendPoint[], opts: { width: number; label: string; format: (v: number) => string; percent?: boolean }): SVGSVGElement | HTMLElement {
  const data = points.filter((p) => p.value !== null && Number.isFinite(p.value)) as { year: number; value: number }[];
  return Plot.plot({
    ...BASE,
    width: opts.width,
    height: 180,
    x: { label: null, tickFormat: (d: number) => String(d), ticks: [...new Set(points.map((p) => p.year))] },
    y: { label: opts.label, grid: true, zero: true, tickFormat: opts.percent ? (v: number) => `${Math.round(v * 100)}%` : undefined, nice: true, insetTop: 16 },
    marks: [
      Plot.ruleY([0]),
      Plot.line(data, { x: 'year', y: 'value', stroke: '#1f5aa6', strokeWidth: 2 }),
      Plot.dot(data, { x: 'year', y: 'value', fill: '#1f5aa6', r: 3.5, title: (d: { year: number; value: number }) => `${d.year}年：${opts.format(d.value)}` }),
      Plot.text(data, { x: 'year', y: 'value', text: (d: { value: number }) => opts.format(d.value), dy: -10, fontSize: 11 }),
    ],
  });
}
