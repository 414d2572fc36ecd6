import type { Tensor } from "../../src";

/** min, max, mean and (population) standard deviation of every element: what init tests compare. */
export function sampleStats(t: Tensor): { min: number; max: number; mean: number; std: number } {
  const v = Array.from(t.data);
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  const variance = v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length;
  return { min: Math.min(...v), max: Math.max(...v), mean, std: Math.sqrt(variance) };
}
