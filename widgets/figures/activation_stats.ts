import type { Tensor } from "../../src/index";

/** What one layer's activations look like, in numbers (the histogram's title says the same). */
export interface ActivationStats {
  /** The layer's name: "layer 3 (Tanh)", or as given. */
  name: string;
  /** μ = (1/n) Σ aᵢ over every element of the batch's activations. */
  mean: number;
  /** σ = √((1/n) Σ (aᵢ − μ)²): the population standard deviation (NumPy's `std`, ddof 0). */
  std: number;
  /** Fraction of elements exactly 0 (dead ReLU units, a collapsed layer). */
  zeros: number;
  min: number;
  max: number;
  /** n: the number of elements. */
  count: number;
}

/**
 * Mean, standard deviation and fraction of zeros of a tensor's elements, in float64, for the
 * activation histograms of lecture 002 (a 10-layer net's activations collapse to 0 with
 * small weights, stay spread with Xavier/He, stay normalised with batch normalisation):
 *
 * $$ \mu = \frac1n\sum_i a_i, \qquad \sigma = \sqrt{\frac1n\sum_i (a_i-\mu)^2} $$
 *
 * Convention: σ divides by n (NumPy's `np.std`), not n − 1 (PyTorch's `Tensor.std`); over a
 * batch of activations (thousands of elements) the two agree to a fraction of a percent.
 *
 * @example activationStats(tensor([0, 0, 1, 3]))   // { mean: 1, std: 1.2247, zeros: 0.5, … }
 */
export function activationStats(a: Tensor, name = ""): ActivationStats {
  const values = a.data;
  const n = values.length;
  if (n === 0) throw new RangeError(`activationStats: ${name || "the tensor"} has no elements`);
  let [sum, zeros, min, max] = [0, 0, Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    const v = values[i];
    sum += v;
    if (v === 0) zeros++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / n; // μ = (1/n) Σ aᵢ
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
  return { name, mean, std: Math.sqrt(squares / n), zeros: zeros / n, min, max, count: n }; // σ = √((1/n) Σ (aᵢ − μ)²)
}
