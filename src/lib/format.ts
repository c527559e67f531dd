/** Numbers as Chinese readers expect them: thousands separators, 万 and 亿 for large values. */

const group = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

export function formatNumber(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return group.format(v);
}

/** 12,345 → 1.23万; 123,456,789 → 1.23亿; below 10,000 as is. */
export function formatCompact(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  const a = Math.abs(v);
  if (a >= 1e8) return `${trim(v / 1e8)}亿`;
  if (a >= 1e4) return `${trim(v / 1e4)}万`;
  return group.format(v);
}

function trim(x: number): string {
  return (Math.round(x * 100) / 100).toFixed(2).replace(/\.?0+$/, '');
}

export function formatPercent(v: number | null | undefined, digits = 1): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return `${(v * 100).toFixed(digits)}%`;
}

/** 万元 amounts as printed in table 二. */
export function formatWanYuan(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return `${group.format(v)} 万元`;
}

export function formatRate(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return v.toFixed(digits);
}

/** Bytes as MB with one decimal (the sizes a user weighs before loading something). */
export function formatBytes(v: number): string {
  return `${(v / 1048576).toLocaleString('zh-CN', { maximumFractionDigits: 1 })} MB`;
}
