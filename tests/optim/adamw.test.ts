import { describe, expect, it } from "vitest";
import { type Tensor, tensor } from "../../src";
import { Adam, type AdamOptions } from "../../src/optim/adam";
import { AdamW } from "../../src/optim/adamw";
import { expectClose } from "../helpers/close";
import {
  expectMatchesTorch,
  expectPath,
  expectResumes,
  problems,
  quad2d,
  referencePath,
  runOptimizer,
} from "../helpers/optim_problems";
import { trainSpiral } from "../helpers/spiral_mlp";
import { TORCH } from "./reference/torch_trajectories";

const adamw = (options: Partial<AdamOptions>) => (params: Tensor[]) => new AdamW(params, options);

/**
 * AdamW by hand: θ ← (1 − αλ)θ; m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; v_max ← max(v_max, v)
 * (amsgrad); θ ← θ − α·(m/(1−β₁^t)) / (√(v/(1−β₂^t)) + ε). The gradient g is the loss's alone.
 */
function byHand(options: {
  lr: number;
  weightDecay: number;
  betas?: number[];
  eps?: number;
  amsgrad?: boolean;
}) {
  const { lr, weightDecay: lambda, betas = [0.9, 0.999], eps = 1e-8, amsgrad = false } = options;
  const [beta1, beta2] = betas;
  let m: number[] = [];
  let v: number[] = [];
  let vMax: number[] = [];
  return (theta0: number[], g: number[], t: number) => {
    if (t === 1) [m, v, vMax] = [g.map(() => 0), g.map(() => 0), g.map(() => 0)];
    const theta = theta0.map((th) => (1 - lr * lambda) * th); // θ ← (1 − αλ)θ
    m = m.map((mi, i) => beta1 * mi + (1 - beta1) * g[i]);
    v = v.map((vi, i) => beta2 * vi + (1 - beta2) * g[i] * g[i]);
    vMax = amsgrad ? vMax.map((x, i) => Math.max(x, v[i])) : v;
    const [c1, c2] = [1 - beta1 ** t, 1 - beta2 ** t];
    return theta.map((th, i) => th - (lr * (m[i] / c1)) / (Math.sqrt(vMax[i] / c2) + eps));
  };
}

const all = {
  lr: 0.1,
  betas: [0.8, 0.99] as [number, number],
  eps: 1e-6,
  weightDecay: 0.1,
  amsgrad: true,
};

describe("AdamW", () => {
  it("shrinks θ by (1 − αλ) before Adam's first step", () => {
    // λ = 0.1, α = 0.1: θ ← 0.99·[1, 1]; Adam's first step −α·g/|g| = −0.1: θ₁ ≈ [0.89, 0.89]
    const path = runOptimizer(quad2d, adamw({ lr: 0.1, weightDecay: 0.1 }), 1).values;
    expectClose(tensor(path[1]), [0.89, 0.89], 1e-9);
  });

  it("follows the decoupled formula for 10 steps on every problem", () => {
    for (const problem of problems) {
      const plain = runOptimizer(problem, adamw({ lr: 0.1 })).values;
      expectPath(plain, referencePath(problem, byHand({ lr: 0.1, weightDecay: 0.01 })));
      expectPath(runOptimizer(problem, adamw(all)).values, referencePath(problem, byHand(all)));
    }
  });

  it("matches torch.optim.AdamW with its default λ = 0.01 and with amsgrad", () => {
    expectMatchesTorch(adamw({ lr: 0.1 }), TORCH.adamw.plain);
    expectMatchesTorch(adamw(all), TORCH.adamw.all);
  });

  it("is Adam when λ = 0, and differs from Adam's L2 when λ > 0", () => {
    const w = runOptimizer(quad2d, adamw({ lr: 0.1, weightDecay: 0 })).values;
    expectPath(w, runOptimizer(quad2d, (p) => new Adam(p, { lr: 0.1 })).values, 0);
    const decoupled = runOptimizer(quad2d, adamw({ lr: 0.1, weightDecay: 0.5 })).values[10];
    const coupled = runOptimizer(quad2d, (p) => new Adam(p, { lr: 0.1, weightDecay: 0.5 }))
      .values[10];
    expect(Math.abs(decoupled[0] - coupled[0])).toBeGreaterThan(1e-3);
  });

  it("continues identically after stateDict / loadStateDict mid-training", () => {
    for (const problem of problems) expectResumes(problem, adamw(all));
  });

  it("lowers the spiral MLP's training loss in 100 steps", () => {
    const losses = trainSpiral(adamw({ lr: 0.01 }));
    expect(losses[100]).toBeLessThan(0.8 * losses[0]);
  });

  it("refuses bad hyperparameters with messages naming the value", () => {
    const p = [tensor([1], { requiresGrad: true })];
    expect(() => new AdamW(p, { betas: [1, 0.999] })).toThrow(
      "AdamW: betas[0] must be in [0, 1), got 1",
    );
    expect(() => new AdamW(p, { weightDecay: -0.01 })).toThrow(
      "AdamW: weightDecay must be ≥ 0, got -0.01",
    );
  });

  it("has PyTorch's defaults, λ = 0.01", () => {
    const { params: _, ...options } = new AdamW([tensor([1], { requiresGrad: true })])
      .paramGroups[0];
    expect(options).toEqual({
      lr: 1e-3,
      betas: [0.9, 0.999],
      eps: 1e-8,
      weightDecay: 0.01,
      amsgrad: false,
      biasCorrection: true,
    });
  });
});
