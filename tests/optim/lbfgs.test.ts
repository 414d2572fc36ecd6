import { describe, expect, it } from "vitest";
import { type Tensor, tensor } from "../../src";
import { LBFGS, type LBFGSOptions } from "../../src/optim/lbfgs";
import { expectClose } from "../helpers/close";
import {
  expectMatchesTorch,
  expectPath,
  expectResumes,
  problems,
  quad10d,
  quad2d,
  referencePath,
  runOptimizer,
  startParams,
} from "../helpers/optim_problems";
import { trainSpiral } from "../helpers/spiral_mlp";
import { TORCH } from "./reference/torch_trajectories";

const lbfgs = (options: Partial<LBFGSOptions>) => (params: Tensor[]) => new LBFGS(params, options);

const dot = (a: number[], b: number[]) => a.reduce((sum, ai, i) => sum + ai * b[i], 0);

/** d = −Hg by the two-loop recursion, in plain numbers, with ρ_i = 1/(y_iᵀs_i) and H₀ = γI. */
function twoLoopByHand(g: number[], S: number[][], Y: number[][], gamma: number): number[] {
  const a: number[] = [];
  let q = g.map((gi) => -gi); // q ← −g
  for (let i = S.length - 1; i >= 0; i--) {
    a[i] = dot(S[i], q) / dot(Y[i], S[i]); // a_i = ρ_i s_iᵀq
    q = q.map((qj, j) => qj - a[i] * Y[i][j]); // q ← q − a_i y_i
  }
  let r = q.map((qj) => gamma * qj); // r ← γq
  for (let i = 0; i < S.length; i++) {
    const b = dot(Y[i], r) / dot(Y[i], S[i]); // b_i = ρ_i y_iᵀr
    r = r.map((rj, j) => rj + (a[i] - b) * S[i][j]); // r ← r + (a_i − b_i)s_i
  }
  return r;
}

/**
 * One fixed-step L-BFGS iteration per call, by hand in plain numbers:
 * first: d = −g, t = min(1, 1/‖g‖₁)·lr; then y = g − g_prev, s = t·d_prev, kept if yᵀs > 1e-10
 * (the oldest dropped beyond m), γ = yᵀs/yᵀy, d = −Hg by the two-loop recursion, t = lr;
 * x ← x + t·d (no move when gᵀd > −1e-9).
 */
function byHand(lr: number, m: number) {
  const S: number[][] = [];
  const Y: number[][] = [];
  let [gamma, t] = [1, 0];
  let d: number[] = [];
  let gPrev: number[] = [];
  return (x: number[], g: number[], k: number) => {
    if (k > 1) {
      const y = g.map((gi, i) => gi - gPrev[i]); // y = g − g_prev
      const s = d.map((di) => t * di); // s = t·d
      if (dot(y, s) > 1e-10) {
        if (S.length === m) S.shift();
        if (Y.length === m) Y.shift();
        S.push(s);
        Y.push(y);
        gamma = dot(y, s) / dot(y, y); // γ = yᵀs / yᵀy
      }
    }
    d = k === 1 ? g.map((gi) => -gi) : twoLoopByHand(g, S, Y, gamma);
    gPrev = g;
    t = k === 1 ? Math.min(1, 1 / g.reduce((sum, gi) => sum + Math.abs(gi), 0)) * lr : lr;
    if (dot(g, d) > -1e-9) return x;
    return x.map((xi, i) => xi + t * d[i]); // x ← x + t·d
  };
}

describe("LBFGS", () => {
  it("takes a first step along −g of length min(1, 1/‖g‖₁)·lr", () => {
    // g = [15, 11], ‖g‖₁ = 26: t = 0.5/26; x₁ = 1 − (0.5/26)·[15, 11] = [0.711538…, 0.788461…]
    const path = runOptimizer(quad2d, lbfgs({ lr: 0.5, maxIter: 1 }), 1).values;
    expectClose(tensor(path[1]), [1 - 7.5 / 26, 1 - 5.5 / 26], 1e-14);
  });

  it("follows the fixed-step two-loop recursion for 10 iterations on every problem", () => {
    for (const problem of problems) {
      const path = runOptimizer(problem, lbfgs({ lr: 0.5, maxIter: 1, historySize: 3 })).values;
      expectPath(path, referencePath(problem, byHand(0.5, 3)));
    }
  });

  it("with maxIter 4 lands on every 4th iterate of maxIter 1", () => {
    const one = runOptimizer(quad10d, lbfgs({ lr: 0.5, maxIter: 1, historySize: 3 }), 8).values;
    const four = runOptimizer(quad10d, lbfgs({ lr: 0.5, maxIter: 4, historySize: 3 }), 2).values;
    expectPath(four, [one[0], one[4], one[8]], 1e-12);
  });

  it("matches torch.optim.LBFGS with a fixed step, one and four iterations per step", () => {
    expectMatchesTorch(lbfgs({ lr: 0.5, maxIter: 1, historySize: 3 }), TORCH.lbfgs.oneIteration);
    expectMatchesTorch(lbfgs({ lr: 0.5, maxIter: 4, historySize: 3 }), TORCH.lbfgs.fixedStep);
  });

  it("matches torch.optim.LBFGS with line_search_fn='strong_wolfe'", () => {
    expectMatchesTorch(
      lbfgs({ maxIter: 4, lineSearchFn: "strongWolfe" }),
      TORCH.lbfgs.strongWolfe,
      1e-10,
    );
    expectMatchesTorch(
      lbfgs({ lineSearchFn: "strongWolfe" }),
      TORCH.lbfgs.strongWolfeDefaults,
      1e-10,
    );
  });

  it("with strong Wolfe and PyTorch's defaults shrinks the 10-D quadratic's residual Aw − b from 1 to < 1e-4 in one step", () => {
    // residual of Aw = b: (i+1)²/10·w_i + 0.1·Σw − 1 for every i; the loss-change tolerance stops it there
    const w = runOptimizer(quad10d, lbfgs({ lineSearchFn: "strongWolfe" }), 1).values[1];
    const sum = w.reduce((s, wi) => s + wi, 0);
    w.forEach((wi, i) =>
      expect(Math.abs(((i + 1) ** 2 / 10) * wi + 0.1 * sum - 1)).toBeLessThan(1e-4),
    );
  });

  it("returns the loss before the step and stops at once where the gradient is below toleranceGrad", () => {
    const params = startParams(quad2d);
    const opt = new LBFGS(params, { toleranceGrad: 100 }); // |g| = 15 ≤ 100: already "optimal"
    const loss = opt.step(() => {
      opt.zeroGrad();
      const L = quad2d.loss(params);
      L.backward();
      return L;
    });
    expect(loss).toBe(0.5 * (10 + 12 + 4) - (1 - 1)); // ½·wᵀAw − bᵀw at [1, 1] = 13
    expectClose(params[0], [1, 1], 0);
    expect(opt.state.get(params[0])).toEqual({ nIter: 0, funcEvals: 1 });
  });

  it("continues identically after stateDict / loadStateDict mid-training", () => {
    for (const problem of problems) {
      expectResumes(problem, lbfgs({ lr: 0.5, maxIter: 2, historySize: 2 }));
      expectResumes(problem, lbfgs({ maxIter: 2, lineSearchFn: "strongWolfe" }), 3, 6);
    }
  });

  it("lowers the spiral MLP's training loss, full batch, with and without the line search", () => {
    for (const options of [
      { lr: 0.1, maxIter: 10 },
      { maxIter: 10, lineSearchFn: "strongWolfe" as const },
    ]) {
      const losses = trainSpiral(lbfgs(options), 10, true);
      expect(losses[10]).toBeLessThan(0.8 * losses[0]);
    }
  });

  it("needs a closure, and one parameter group", () => {
    const p = [tensor([1], { requiresGrad: true })];
    expect(() => new LBFGS(p).step()).toThrow(
      "LBFGS.step: needs a closure that re-evaluates the loss, got undefined",
    );
    expect(
      () => new LBFGS([{ params: p }, { params: [tensor([2], { requiresGrad: true })] }]),
    ).toThrow("LBFGS: supports 1 parameter group (as PyTorch), got 2");
  });

  it("refuses bad hyperparameters with messages naming the value", () => {
    const p = [tensor([1], { requiresGrad: true })];
    expect(() => new LBFGS(p, { lr: -1 })).toThrow("LBFGS: lr must be ≥ 0, got -1");
    expect(() => new LBFGS(p, { historySize: 0 })).toThrow(
      "LBFGS: historySize must be an integer ≥ 1, got 0",
    );
    expect(() => new LBFGS(p, { maxIter: 2.5 })).toThrow(
      "LBFGS: maxIter must be an integer ≥ 1, got 2.5",
    );
    expect(() => new LBFGS(p, { lineSearchFn: "strong_wolfe" as "strongWolfe" })).toThrow(
      'LBFGS: lineSearchFn must be "strongWolfe" or null, got "strong_wolfe"',
    );
  });

  it("has PyTorch's defaults, maxEval = ⌊1.25·maxIter⌋", () => {
    const p = [tensor([1], { requiresGrad: true })];
    const { params: _, ...options } = new LBFGS(p).paramGroups[0];
    expect(options).toEqual({
      lr: 1,
      maxIter: 20,
      maxEval: 25,
      toleranceGrad: 1e-7,
      toleranceChange: 1e-9,
      historySize: 100,
      lineSearchFn: null,
    });
    expect(new LBFGS(p, { maxIter: 7 }).paramGroups[0].maxEval).toBe(8);
  });
});
