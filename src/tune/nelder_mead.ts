/** Options of `nelderMead`. */
export interface NelderMeadOptions {
  /** Size of the initial simplex along each axis. Default 0.1. */
  step?: number;
  /** Stop after this many function evaluations. Default 200·dimension. */
  maxEvals?: number;
  /** Stop when the simplex's values differ by less than this. Default 1e-8. */
  tol?: number;
}

/**
 * Minimises f without gradients by the Nelder–Mead simplex (1965), with the standard
 * coefficients: reflect (1), expand (2), contract (½), shrink (½). Used twice by
 * `bayesOpt`: for the GP's hyperparameters (the log marginal likelihood) and to refine
 * the best candidates of expected improvement. Returns the best point and value found.
 */
export function nelderMead(
  f: (x: number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): { x: number[]; fx: number } {
  const d = x0.length;
  const { step = 0.1, maxEvals = 200 * d, tol = 1e-8 } = options;
  const value = (x: number[]) => {
    const v = f(x);
    return Number.isNaN(v) ? Infinity : v;
  };
  let simplex = [x0.slice(), ...x0.map((_, i) => x0.map((v, j) => (i === j ? v + step : v)))];
  let fs = simplex.map(value);
  let evals = d + 1;
  const along = (c: number[], x: number[], t: number) => c.map((ci, j) => ci + t * (x[j] - ci)); // c + t(x − c)
  while (evals < maxEvals) {
    const order = fs.map((_, i) => i).sort((a, b) => fs[a] - fs[b]);
    simplex = order.map((i) => simplex[i]);
    fs = order.map((i) => fs[i]);
    if (fs[d] - fs[0] < tol) break;
    const c = x0.map((_, j) => simplex.slice(0, d).reduce((s, x) => s + x[j], 0) / d); // centroid of the best d
    const xr = along(c, simplex[d], -1); // reflect the worst through c
    const fr = value(xr);
    evals++;
    if (fr < fs[0]) {
      const xe = along(c, simplex[d], -2); // expand further
      const fe = value(xe);
      evals++;
      [simplex[d], fs[d]] = fe < fr ? [xe, fe] : [xr, fr];
    } else if (fr < fs[d - 1]) {
      [simplex[d], fs[d]] = [xr, fr];
    } else {
      const xc = fr < fs[d] ? along(c, xr, 0.5) : along(c, simplex[d], 0.5); // contract outside / inside
      const fc = value(xc);
      evals++;
      if (fc < Math.min(fr, fs[d])) [simplex[d], fs[d]] = [xc, fc];
      else {
        simplex = simplex.map((x, i) => (i === 0 ? x : along(simplex[0], x, 0.5))); // shrink towards the best
        fs = simplex.map((x, i) => (i === 0 ? fs[0] : value(x)));
        evals += d;
      }
    }
  }
  const best = fs.indexOf(Math.min(...fs));
  return { x: simplex[best], fx: fs[best] };
}
