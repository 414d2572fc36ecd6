import type { Generator } from "../../tensor/random";

/**
 * How many of `nDraws` samples each class gets so that the classes keep their ratios:
 * scikit-learn's `_approximate_mode` (used by its stratified `train_test_split`).
 *
 *     c_k = n_k / Σn · nDraws          the exact share of class k
 *     m_k = ⌊c_k⌋                       then the leftover nDraws − Σm goes, one each,
 *                                       to the classes with the largest c_k − ⌊c_k⌋
 *
 * Ties in c_k − ⌊c_k⌋ are broken at random with `g` (scikit-learn does the same with its
 * own generator, so tied cases can differ from scikit-learn's; untied ones agree).
 *
 * @example approximateMode([50, 33, 17], 80, g)  // [40, 26, 14]: 26.4 → 26, 13.6 → 14
 */
export function approximateMode(counts: number[], nDraws: number, g: Generator): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const continuous = counts.map((nk) => (nk / total) * nDraws); // c_k
  const m = continuous.map(Math.floor); // m_k = ⌊c_k⌋
  let needToAdd = nDraws - m.reduce((a, b) => a + b, 0);
  const remainder = continuous.map((c, k) => c - m[k]);
  const values = [...new Set(remainder)].sort((a, b) => b - a); // largest leftover first
  for (const value of values) {
    if (needToAdd <= 0) break;
    const tied = remainder.flatMap((r, k) => (r === value ? [k] : []));
    const addNow = Math.min(tied.length, needToAdd);
    const chosen = g.permutation(tied.length).subarray(0, addNow); // random tie-break
    for (const j of chosen) m[tied[j]] += 1;
    needToAdd -= addNow;
  }
  return m;
}
