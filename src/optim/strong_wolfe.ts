import type { Tensor } from "../tensor/tensor";
import { dot } from "./lbfgs_memory";

/** f(x + t·d) and ∇f(x + t·d): what the line search evaluates (the parameters are restored after). */
export type LineObjective = (t: number) => [number, Tensor];

/** A point on the line: step t, value f, gradient g, slope gᵀd. */
export interface LinePoint {
  t: number;
  f: number;
  g: Tensor;
  gtd: number;
}

/** The result of `strongWolfe`: the accepted point and the number of evaluations it took. */
export interface LineSearchResult extends LinePoint {
  evals: number;
}

const C1 = 1e-4; // sufficient decrease (Armijo)
const C2 = 0.9; // curvature
const MAX_LS = 25; // evaluations at most

/**
 * A line search for a step t along d satisfying the strong Wolfe conditions, a port of
 * PyTorch's `_strong_wolfe` (itself from minFunc / torch7's lswolfe.lua; Nocedal & Wright
 * Algorithms 3.5–3.6), with φ(t) = f(x + t·d):
 *
 * $$ \varphi(t) \le \varphi(0) + c_1\, t\, \varphi'(0), \qquad |\varphi'(t)| \le -c_2\, \varphi'(0) \qquad (c_1 = 10^{-4},\ c_2 = 0.9) $$
 *
 * First it brackets an interval holding such a t (stepping out by cubic extrapolation, at
 * most 10× per try), then zooms in by cubic interpolation until one is found, the bracket is
 * narrower than `toleranceChange` (measured as |Δt|·max|d|), or 25 extra evaluations are spent.
 * `start` is the point t = 0: the current loss, gradient and slope gᵀd (< 0, a descent direction).
 */
export function strongWolfe(
  phi: LineObjective,
  t: number,
  d: Tensor,
  start: LinePoint,
  toleranceChange: number,
): LineSearchResult {
  const bracket = bracketPhase(phi, t, d, start);
  const dNorm = d.abs().max().item(); // max|d|
  return zoomPhase(phi, d, start, bracket, dNorm, toleranceChange);
}

interface Bracket {
  points: LinePoint[];
  done: boolean;
  lsIter: number;
}

/** Steps t out until [t_prev, t] brackets a strong-Wolfe point, or t itself is one (done). */
function bracketPhase(phi: LineObjective, t: number, d: Tensor, start: LinePoint): Bracket {
  let prev = start;
  let next = evaluate(phi, t, d);
  let lsIter = 0;
  while (lsIter < MAX_LS) {
    const armijoFails = next.f > start.f + C1 * next.t * start.gtd;
    if (armijoFails || (lsIter > 1 && next.f >= prev.f)) {
      return { points: [prev, next], done: false, lsIter };
    }
    if (Math.abs(next.gtd) <= -C2 * start.gtd) return { points: [next], done: true, lsIter };
    if (next.gtd >= 0) return { points: [prev, next], done: false, lsIter };
    const bounds: [number, number] = [next.t + 0.01 * (next.t - prev.t), next.t * 10];
    const tNext = cubicInterpolate(prev, next, bounds); // extrapolate, at most 10× further
    prev = next;
    next = evaluate(phi, tNext, d);
    lsIter += 1;
  }
  return { points: [start, next], done: false, lsIter }; // out of evaluations
}

/** Shrinks the bracket by cubic interpolation until a strong-Wolfe point is found. */
function zoomPhase(
  phi: LineObjective,
  d: Tensor,
  start: LinePoint,
  bracket: Bracket,
  dNorm: number,
  toleranceChange: number,
): LineSearchResult {
  const b = [...bracket.points];
  let { done, lsIter } = bracket;
  let insufficient = false;
  let [low, high] = b[0].f <= b[b.length - 1].f ? [0, 1] : [1, 0];
  while (!done && lsIter < MAX_LS) {
    if (Math.abs(b[1].t - b[0].t) * dNorm < toleranceChange) break; // bracket too small
    let t = cubicInterpolate(b[0], b[1]);
    [t, insufficient] = awayFromEdges(t, b[0].t, b[1].t, insufficient);
    const next = evaluate(phi, t, d);
    lsIter += 1;
    if (next.f > start.f + C1 * t * start.gtd || next.f >= b[low].f) {
      b[high] = next; // Armijo fails or no lower than the low end: new high end
      [low, high] = b[0].f <= b[1].f ? [0, 1] : [1, 0];
    } else {
      if (Math.abs(next.gtd) <= -C2 * start.gtd)
        done = true; // strong Wolfe holds
      else if (next.gtd * (b[high].t - b[low].t) >= 0) b[high] = b[low];
      b[low] = next;
    }
  }
  return { ...b[low], evals: lsIter + 1 };
}

/** A trial step within 10% of the bracket's ends moves to 10% inside, if progress was poor. */
function awayFromEdges(t: number, a: number, b: number, insufficient: boolean): [number, boolean] {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const eps = 0.1 * (hi - lo);
  if (Math.min(hi - t, t - lo) >= eps) return [t, false];
  if (!(insufficient || t >= hi || t <= lo)) return [t, true];
  return [Math.abs(t - hi) < Math.abs(t - lo) ? hi - eps : lo + eps, false];
}

function evaluate(phi: LineObjective, t: number, d: Tensor): LinePoint {
  const [f, g] = phi(t);
  return { t, f, g, gtd: dot(g, d) }; // φ(t), ∇f, φ'(t) = gᵀd
}

/**
 * The minimiser of the cubic through (t₁, f₁) and (t₂, f₂) with slopes φ'₁, φ'₂, clamped to
 * `bounds` (default: between t₁ and t₂); their midpoint if the cubic has no minimum.
 *
 * $$ d_1 = \varphi'_1 + \varphi'_2 - 3\frac{f_1 - f_2}{t_1 - t_2}, \quad d_2 = \sqrt{d_1^2 - \varphi'_1\varphi'_2}, \quad t^* = t_2 - (t_2 - t_1)\frac{\varphi'_2 + d_2 - d_1}{\varphi'_2 - \varphi'_1 + 2 d_2} $$
 */
export function cubicInterpolate(p1: LinePoint, p2: LinePoint, bounds?: [number, number]): number {
  const [lo, hi] = bounds ?? (p1.t <= p2.t ? [p1.t, p2.t] : [p2.t, p1.t]);
  const d1 = p1.gtd + p2.gtd - (3 * (p1.f - p2.f)) / (p1.t - p2.t);
  const d2Square = d1 * d1 - p1.gtd * p2.gtd;
  if (!(d2Square >= 0)) return (lo + hi) / 2; // no minimum: bisect
  const d2 = Math.sqrt(d2Square);
  const [a, b] = p1.t <= p2.t ? [p1, p2] : [p2, p1]; // a is the left end
  const tMin = b.t - (b.t - a.t) * ((b.gtd + d2 - d1) / (b.gtd - a.gtd + 2 * d2));
  return Math.min(Math.max(tMin, lo), hi);
}
