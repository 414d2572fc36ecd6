import { Generator } from "../tensor/random";
import { formatShape } from "../tensor/shape";
import { Tensor } from "../tensor/tensor";
import { noGrad } from "./grad_mode";

/**
 * Checks `backward()` against central differences, in float64:
 *
 * $$ \frac{\partial f}{\partial x_j} \approx \frac{f(x + \varepsilon e_j) - f(x - \varepsilon e_j)}{2\varepsilon} $$
 *
 * and reports, per input, the largest relative error  |a − n| / max(|a|, |n|)  between
 * the analytic gradient a and the numeric one n (the course's convention: below 1e-7 is
 * excellent, above 1e-2 is a bug). Entries whose difference is at most `atol` (rounding
 * noise of the differences, which dominates tiny gradients) pass whatever their relative error.
 *
 * Inputs that require grad are checked (all float inputs if none does). float64 leaves are
 * perturbed in place and restored (their `.grad` too), so module parameters can be checked:
 * `gradcheck(() => net.forward(x).sum(), net.parameters())`; other inputs go to `fn` as
 * float64 copies. A non-scalar output is reduced to Σ w ⊙ f(x) with fixed random
 * weights w, which checks the whole vector–Jacobian product at once. NaN or ±∞ in the
 * output or in either gradient fails the check: they never pass silently.
 * Points where f has a kink (ReLU at 0) can fail legitimately: nudge the inputs.
 *
 * @example gradcheck((x) => x.sigmoid().sum(), [randn([3, 2], { requiresGrad: true })]);
 */
export interface GradcheckOptions {
  /** Finite-difference step ε (default 1e-6). */
  eps?: number;
  /** Largest acceptable relative error (default 1e-5). */
  tol?: number;
  /** Entries with |analytic − numeric| at most this pass whatever their relative error (default 1e-8). */
  atol?: number;
  /** Throw when the check fails (default true); otherwise just return the report. */
  raise?: boolean;
}

export interface GradcheckInputReport {
  /** Position of the input in `inputs`. */
  input: number;
  maxRelError: number;
  /** Multi-index of the worst entry. */
  at: number[];
  analytic: number;
  numeric: number;
  /** Whether this input passed. */
  ok: boolean;
}

export interface GradcheckResult {
  ok: boolean;
  inputs: GradcheckInputReport[];
  /** One line per checked input, or the reason it failed. */
  message: string;
}

export function gradcheck(
  fn: (...inputs: Tensor[]) => Tensor,
  inputs: Tensor[],
  options: GradcheckOptions = {},
): GradcheckResult {
  const { eps = 1e-6, tol = 1e-5, atol = 1e-8, raise = true } = options;
  const anyMarked = inputs.some((t) => t.requiresGrad);
  const checked = inputs.map((t) => (anyMarked ? t.requiresGrad : t.dtype.startsWith("float")));
  // float64 leaves are checked in place (so a module's own parameters can be checked:
  // pass them and call the module in fn); others go through float64 copies.
  const xs = inputs.map((t) =>
    t.dtype === "float64" && t.isLeaf ? t : new Tensor(Float64Array.from(t.data), t.shape),
  );
  const saved = inputs.map((t) => ({ grad: t.grad, requiresGrad: t.requiresGrad }));
  xs.forEach((x, k) => {
    x.grad = null;
    if (checked[k]) x.requiresGrad = true;
  });
  try {
    return check(fn, xs, checked, eps, tol, atol, raise);
  } finally {
    inputs.forEach((t, k) => {
      if (xs[k] !== t) return;
      t.grad = saved[k].grad;
      t.requiresGrad = saved[k].requiresGrad;
    });
  }
}

function check(
  fn: (...inputs: Tensor[]) => Tensor,
  xs: Tensor[],
  checked: boolean[],
  eps: number,
  tol: number,
  atol: number,
  raise: boolean,
): GradcheckResult {
  const out = fn(...xs);
  if (!(out instanceof Tensor))
    throw new TypeError(`gradcheck: fn must return a Tensor, got ${typeof out}`);
  // Fixed pseudo-random weights in [0.5, 1.5) reduce a non-scalar output to a scalar.
  const g = new Generator(12345);
  const weights = Float64Array.from({ length: out.size }, () =>
    out.size === 1 ? 1 : 0.5 + g.random(),
  );
  const scalarOf = (y: Tensor): number => {
    let s = 0;
    for (let i = 0; i < y.size; i++) s += weights[i] * y.data[i];
    return s;
  };
  const reports: GradcheckInputReport[] = [];
  const problems: string[] = [];
  if (!out.data.every(Number.isFinite))
    problems.push(`fn's output ${formatShape(out.shape)} contains NaN or ±Infinity`);
  if (problems.length === 0) {
    out.backward(new Tensor(weights, out.shape));
    xs.forEach((x, k) => {
      if (!checked[k]) return;
      const report = compare(k, x, () => noGrad(() => scalarOf(fn(...xs))), eps, atol, tol);
      reports.push(report);
      const label = `input ${k} ${formatShape(x.shape)}`;
      if (!Number.isFinite(report.analytic) || !Number.isFinite(report.numeric)) {
        problems.push(
          `${label}: non-finite gradient at [${report.at}] (analytic ${report.analytic}, numeric ${report.numeric})`,
        );
      } else if (!report.ok) {
        problems.push(
          `${label}: largest relative error ${report.maxRelError.toExponential(2)} at [${report.at}] (analytic ${short(report.analytic)}, numeric ${short(report.numeric)}) exceeds tol ${tol}`,
        );
      }
    });
  }
  const ok = problems.length === 0;
  const message = ok
    ? reports
        .map((r) => `input ${r.input}: largest relative error ${r.maxRelError.toExponential(2)}`)
        .join("\n")
    : `gradcheck failed:\n  ${problems.join("\n  ")}`;
  if (!ok && raise) throw new Error(message);
  return { ok, inputs: reports, message };
}

/**
 * The worst entry of one input. Entries whose difference is within `atol` (the rounding
 * noise of the differences) pass whatever their relative error; the reported error is the
 * largest among the others, or, when every entry passed that way, the largest overall.
 */
function compare(
  k: number,
  x: Tensor,
  f: () => number,
  eps: number,
  atol: number,
  tol: number,
): GradcheckInputReport {
  const analytic = x.grad?.data ?? new Float64Array(x.size);
  const data = x.data as Float64Array;
  let worstAll: GradcheckInputReport | null = null;
  let worstBeyondAtol: GradcheckInputReport | null = null;
  for (let j = 0; j < x.size; j++) {
    const saved = data[j];
    data[j] = saved + eps;
    const plus = f();
    data[j] = saved - eps;
    const minus = f();
    data[j] = saved;
    const a = analytic[j];
    const n = (plus - minus) / (2 * eps);
    const diff = Math.abs(a - n);
    const scale = Math.max(Math.abs(a), Math.abs(n));
    const rel = !Number.isFinite(diff) ? Infinity : scale === 0 ? 0 : diff / scale;
    const entry = {
      input: k,
      maxRelError: rel,
      at: unravel(j, x.shape),
      analytic: a,
      numeric: n,
      ok: true,
    };
    if (worstAll === null || rel > worstAll.maxRelError) worstAll = entry;
    if (!(diff <= atol) && (worstBeyondAtol === null || rel > worstBeyondAtol.maxRelError))
      worstBeyondAtol = entry;
  }
  const worst = worstBeyondAtol ??
    worstAll ?? { input: k, maxRelError: 0, at: [], analytic: 0, numeric: 0, ok: true };
  return { ...worst, ok: worstBeyondAtol === null || worstBeyondAtol.maxRelError <= tol };
}

/** 6 significant digits: enough to compare, short enough to read. */
function short(v: number): string {
  return String(Number(v.toPrecision(6)));
}

function unravel(flat: number, shape: readonly number[]): number[] {
  const at = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    at[d] = flat % shape[d];
    flat = Math.floor(flat / shape[d]);
  }
  return at;
}
