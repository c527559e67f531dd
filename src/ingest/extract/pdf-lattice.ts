/**
 * Ruled tables in a PDF page, from the lines and cell rectangles its drawing operators paint.
 * Row boundaries are the horizontal rules of the table; within a row, the cells are the spaces
 * between the vertical rules that cross that row, so merged cells come out as one cell and an
 * empty cell as an empty cell — what a text-only reading cannot tell apart from a missing one.
 * Pure geometry: page coordinates, y growing downwards.
 */

export interface Seg { x0: number; y0: number; x1: number; y1: number }
export interface Region { x0: number; y0: number; x1: number; y1: number; rows: number[]; verticals: Seg[] }

const TOL = 2;

/** Axis-aligned segments from the boxes of painted straight-line paths: thin boxes are rules, larger ones give their four edges (cell borders, cell shading). */
export function segmentsFromRects(rects: { x0: number; y0: number; x1: number; y1: number }[], page: { width: number; height: number }): { h: Seg[]; v: Seg[] } {
  const h: Seg[] = [];
  const v: Seg[] = [];
  for (const r of rects) {
    const x0 = Math.min(r.x0, r.x1);
    const x1 = Math.max(r.x0, r.x1);
    const y0 = Math.min(r.y0, r.y1);
    const y1 = Math.max(r.y0, r.y1);
    const w = x1 - x0;
    const ht = y1 - y0;
    if (w * ht > page.width * page.height * 0.5) continue; // page or frame backgrounds
    if (ht <= 3 && w > 3) h.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
    else if (w <= 3 && ht > 3) v.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
    else if (w > 3 && ht > 3) {
      h.push({ x0, x1, y0, y1: y0 }, { x0, x1, y0: y1, y1 });
      v.push({ x0, x1: x0, y0, y1 }, { x0: x1, x1, y0, y1 });
    }
  }
  return { h, v };
}

function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const x of sorted) if (!out.length || x - out[out.length - 1] > TOL) out.push(x);
  return out;
}

/** Groups segments that touch into tables; a table needs at least two rows and two columns. */
export function findRegions(h: Seg[], v: Seg[]): Region[] {
  const all = [...h.map((s) => ({ s, horizontal: true })), ...v.map((s) => ({ s, horizontal: false }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const touches = (a: Seg, b: Seg) => a.x0 <= b.x1 + TOL && b.x0 <= a.x1 + TOL && a.y0 <= b.y1 + TOL && b.y0 <= a.y1 + TOL;
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      if (touches(all[i].s, all[j].s)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, typeof all>();
  all.forEach((e, i) => {
    const k = find(i);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k)!.push(e);
  });
  const regions: Region[] = [];
  for (const g of groups.values()) {
    const hs = g.filter((e) => e.horizontal).map((e) => e.s);
    const vs = g.filter((e) => !e.horizontal).map((e) => e.s);
    const cols = cluster(vs.map((s) => s.x0));
    const y0 = Math.min(...g.map((e) => e.s.y0));
    const y1 = Math.max(...g.map((e) => e.s.y1));
    // a table continued from the previous page has no top rule (nor a bottom one before the next page)
    const rows = cluster([...hs.map((s) => s.y0), y0, y1]);
    if (rows.length < 3 || cols.length < 3) continue;
    regions.push({ x0: Math.min(...g.map((e) => e.s.x0)), x1: Math.max(...g.map((e) => e.s.x1)), y0, y1, rows, verticals: vs });
  }
  return regions.sort((a, b) => a.y0 - b.y0);
}

/** The cell boundaries of one row band: the vertical rules that cross its middle. */
export function rowCells(region: Region, top: number, bottom: number): number[] {
  const mid = (top + bottom) / 2;
  return cluster(region.verticals.filter((s) => s.y0 <= mid + TOL && s.y1 >= mid - TOL).map((s) => s.x0));
}
