/** Where the dataset is, and its small JSON files: kept apart from the heavy loader so the first view does not wait for it. */
export interface Manifest {
  schema_version: number;
  built_at: string;
  synthetic?: boolean;
  row_counts: Record<string, number>;
  rows_digest?: string;
  files?: Record<string, { rows: number }>;
  sources?: boolean;
  /** site.json and site/ are there (model/site.ts). */
  site?: boolean;
}

/** The dataset folder: `?data=` (same-site paths only), else the build's own ./data/. */
export function datasetUrl(search: string, base: string): { url: string; notice: string | null } {
  const wanted = new URLSearchParams(search).get('data');
  const fallback = new URL('data/', base).href;
  if (!wanted) return { url: fallback, notice: null };
  try {
    const u = new URL(wanted.endsWith('/') ? wanted : `${wanted}/`, base);
    if (u.origin !== new URL(base).origin) return { url: fallback, notice: `数据地址 ${wanted} 不在本站，已忽略（只能读取本站的数据）/ other origins are not allowed` };
    return { url: u.href, notice: null };
  } catch {
    return { url: fallback, notice: `数据地址 ${wanted} 无效，已忽略 / invalid data address` };
  }
}

export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

