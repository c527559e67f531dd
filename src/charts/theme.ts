/** Shared look of the charts: CJK fonts, sizes, colours of the outcome groups. */
export const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

export const BASE = {
  style: { fontFamily: FONT, fontSize: '12px', background: 'transparent', overflow: 'visible' },
  marginLeft: 56,
  marginRight: 16,
  marginBottom: 32,
};

export const OUTCOME_COLORS: Record<string, string> = {
  granted: '#2f7d4f', partial: '#8cbf6a', denied: '#c0392b', unable: '#e59f3a', rejected: '#8e6cc1', other: '#9aa4ad',
};
