/** A seeded random source (mulberry32): the same seed gives the same corpus. */
export class Random {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0 || 1;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  /** Poisson by inversion (small λ) or normal approximation. */
  poisson(lambda: number): number {
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > l);
    return k - 1;
  }
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  /** Splits n into parts with the given weights (multinomial). */
  split(n: number, weights: readonly number[]): number[] {
    const total = weights.reduce((a, b) => a + b, 0);
    const out = weights.map(() => 0);
    let left = n;
    let wleft = total;
    for (let i = 0; i < weights.length - 1 && left > 0; i++) {
      const p = wleft > 0 ? weights[i] / wleft : 0;
      const k = binomial(this, left, p);
      out[i] = k;
      left -= k;
      wleft -= weights[i];
    }
    out[weights.length - 1] += left;
    return out;
  }
}

function binomial(r: Random, n: number, p: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return n;
  if (n > 60) return Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * r.normal())));
  let k = 0;
  for (let i = 0; i < n; i++) if (r.next() < p) k++;
  return k;
}
