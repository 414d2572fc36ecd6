/**
 * Counting samples into bins, for the figures that draw a distribution's draws: equal bins
 * on a linear axis, equal bins on a log axis, and the share of draws in each decade.
 * Every bin is [e_i, e_{i+1}) except the last, which also holds its right edge.
 */

/** The share of the draws that fell in one decade [lo, hi) (clipped to the range). */
export interface DecadeShare {
  lo: number;
  hi: number;
  /** Draws v with lo ≤ v < hi (≤ hi in the last decade). */
  count: number;
  /** count / n. */
  share: number;
  /** What a log-uniform gives it: (log₁₀ hi − log₁₀ lo) / (log₁₀ max − log₁₀ min); ¼ per decade of [10⁻⁴, 1]. */
  expected: number;
}

/** k + 1 equally spaced edges from lo to hi. */
export function linearEdges(lo: number, hi: number, k: number): number[] {
  return Array.from({ length: k + 1 }, (_, i) => (i === k ? hi : lo + ((hi - lo) * i) / k));
}

/** Edges equally spaced in log₁₀ from lo to hi, `perDecade` bins per decade (at least one bin). */
export function logEdges(lo: number, hi: number, perDecade: number): number[] {
  const [a, b] = [Math.log10(lo), Math.log10(hi)];
  const k = Math.max(1, Math.round((b - a) * perDecade));
  return Array.from({ length: k + 1 }, (_, i) =>
    i === 0 ? lo : i === k ? hi : 10 ** (a + ((b - a) * i) / k),
  );
}

/** The decade edges of [lo, hi]: lo, then every power of ten strictly inside, then hi. */
export function decadeEdges(lo: number, hi: number): number[] {
  const powers: number[] = [];
  for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++) {
    const p = Number(`1e${k}`); // 10^k exactly as written (10 ** -4 may differ in the last bit)
    if (p > lo && p < hi) powers.push(p);
  }
  return [lo, ...powers, hi];
}

/** How many values fall in each bin of `edges` (sorted ascending); values outside are not counted. */
export function binCounts(values: readonly number[], edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length - 1).fill(0);
  const last = edges.length - 2;
  for (const v of values) {
    if (!(v >= edges[0] && v <= edges[last + 1])) continue;
    let lo = 0;
    let hi = last; // binary search: the bin i with e_i ≤ v < e_{i+1}
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (edges[mid] <= v) lo = mid;
      else hi = mid - 1;
    }
    counts[lo]++;
  }
  return counts;
}

/** The draws per decade of [lo, hi], with the share a log-uniform would give each. */
export function decadeShares(values: readonly number[], lo: number, hi: number): DecadeShare[] {
  const edges = decadeEdges(lo, hi);
  const counts = binCounts(values, edges);
  const span = Math.log10(hi) - Math.log10(lo);
  return counts.map((count, i) => ({
    lo: edges[i],
    hi: edges[i + 1],
    count,
    share: count / values.length,
    expected: (Math.log10(edges[i + 1]) - Math.log10(edges[i])) / span,
  }));
}

/** The share of `values` below `x`. */
export function shareBelow(values: readonly number[], x: number): number {
  return values.filter((v) => v < x).length / values.length;
}
