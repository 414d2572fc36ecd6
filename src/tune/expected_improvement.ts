/**
 * Expected improvement (Jones et al. 1998), for minimisation: with the GP's prediction
 * f(x) ~ N(μ, σ²) and the best value so far f*, the expected amount by which x beats f*
 * (by more than ξ):
 *
 * $$ z = \frac{f^* - \mu - \xi}{\sigma}, \qquad \mathrm{EI}(x) = (f^* - \mu - \xi)\,\Phi(z) + \sigma\,\varphi(z) $$
 *
 * The first term rewards a low mean (exploitation), the second a large uncertainty
 * (exploration); ξ > 0 leans towards exploring.
 */
export function expectedImprovement(
  mean: number,
  variance: number,
  best: number,
  xi = 0.01,
): number {
  const sigma = Math.sqrt(variance);
  const gain = best - mean - xi;
  if (sigma <= 0) return Math.max(gain, 0);
  const z = gain / sigma;
  return gain * normalCdf(z) + sigma * normalPdf(z);
}

/** φ(z), the standard normal density. */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/** Φ(z) = ½ erfc(−z/√2), the standard normal distribution function. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/**
 * The complementary error function, with relative error below 1.2·10⁻⁷ everywhere
 * (Numerical Recipes' Chebyshev fit, `erfcc`): accurate in the far tail, where EI lives.
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t *
                          (-1.13520398 +
                            t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const r = t * Math.exp(poly);
  return x >= 0 ? r : 2 - r;
}
