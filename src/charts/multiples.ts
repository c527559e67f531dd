/** Small multiples: one panel per entity, a measure by year in each, same scales for all. */
import * as Plot from '@observablehq/plot';
import { BASE } from './theme.ts';

export interface MultiRow { entity: string; year: number; value: number | null }

export function smallMultiples(rows: MultiRow[], opts: { width: number; label: string; format: (v: number) => string; percent?: boolean }): SVGSVGElement | HTMLElement {
  const data = rows.filter((r) => r.value !== null) as { entity: string; year: number; value: number }[];
  const entities = [...new Set(rows.map((r) => r.entity))];
  const columns = Math.max(1, Math.min(entities.length, Math.floor(opts.width / 220)));
  const cell = (e: string) => entities.indexOf(e);
  return Plot.plot({
    ...BASE,
    width: opts.width,
    height: Math.ceil(entities.length / columns) * 170 + 30,
    marginTop: 24,
    x: { label: null, tickFormat: (d: number) => String(d), ticks: [...new Set(data.map((d) => d.year))].sort() },
    y: { label: opts.label, grid: true, zero: true, tickFormat: opts.percent ? (v: number) => `${Math.round(v * 100)}%` : undefined },
    fx: { axis: null },
    fy: { axis: null },
    facet: { data, x: (d: { entity: string }) => cell(d.entity) % columns, y: (d: { entity: string }) => Math.floor(cell(d.entity) / columns) },
    marks: [
      Plot.frame({ stroke: '#ddd' }),
      // a long name is cut to its panel's width (the table below the chart gives it whole)
      Plot.text(data, Plot.selectFirst({ text: 'entity', frameAnchor: 'top-left', dy: -16, fontWeight: 'bold', lineWidth: Math.max(4, (opts.width / columns - 30) / 11), textOverflow: 'ellipsis' })),
      Plot.line(data, { x: 'year', y: 'value', stroke: '#1f5aa6' }),
      Plot.dot(data, { x: 'year', y: 'value', fill: '#1f5aa6', title: (d: { entity: string; year: number; value: number }) => `${d.entity} ${d.year}年：${opts.format(d.value)}` }),
    ],
  });
}
