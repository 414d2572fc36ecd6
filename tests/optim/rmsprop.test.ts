import { describe, expect, it } from "vitest";
import { type Tensor, tensor } from "../../src";
import { RMSprop, type RMSpropOptions } from "../../src/optim/rmsprop";
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

const rmsprop = (options: Partial<RMSpropOptions>) => (params: Tensor[]) =>
  new RMSprop(params, options);

const defaults: RMSpropOptions = {
  lr: 1e-2,
  alpha: 0.99,
  eps: 1e-8,
  weightDecay: 0,
  momentum: 0,
  centered: false,
  epsInside: false,
};

/**
 * RMSprop by hand: g ← g + λθ; s ← βs + (1−β)g²; (centered) ḡ ← βḡ + (1−β)g, s̃ = s − ḡ²;
 * denom = √s̃ + ε (or √(s̃ + ε)); b ← μb + g/denom and θ ← θ − αb (μ > 0), else θ ← θ − αg/denom.
 */
function byHand(options: Partial<RMSpropOptions>) {
  const o = { ...defaults, ...options };
  const beta = o.alpha;
  let s: number[] = [];
  let gBar: number[] = [];
  let b: number[] = [];
  return (theta: number[], grad: number[], t: number) => {
    if (t === 1) [s, gBar, b] = [theta.map(() => 0), theta.map(() => 0), theta.map(() => 0)];
    const g = grad.map((gi, i) => gi + o.weightDecay * theta[i]);
    s = s.map((si, i) => beta * si + (1 - beta) * g[i] * g[i]);
    gBar = gBar.map((mi, i) => beta * mi + (1 - beta) * g[i]);
    const variance = s.map((si, i) => (o.centered ? si - gBar[i] * gBar[i] : si));
    const denom = variance.map((v) => (o.epsInside ? Math.sqrt(v + o.eps) : Math.sqrt(v) + o.eps));
    const step = g.map((gi, i) => gi / denom[i]);
    if (o.momentum > 0) b = b.map((bi, i) => o.momentum * bi + step[i]);
    return theta.map((th, i) => th - o.lr * (o.momentum > 0 ? b[i] : step[i]));
  };
}

const configs: [string, Partial<RMSpropOptions>][] = [
  ["plain", { lr: 0.01 }],
  ["centered", { lr: 0.01, centered: true }],
  ["momentum", { lr: 0.01, momentum: 0.9 }],
  ["all", { lr: 0.01, alpha: 0.9, eps: 1e-6, weightDecay: 0.1, momentum: 0.5, centered: true }],
];

describe("RMSprop", () => {
  it("takes the first step θ₁ = θ₀ − α·g/√((1−β)g²) on the 2-D quadratic", () => {
    // g = [15, 11]; s = 0.01·[225, 121] = [2.25, 1.21]; √s = [1.5, 1.1]; θ₁ = 1 − 0.01·[10, 10] = [0.9, 0.9]
    const path = runOptimizer(quad2d, rmsprop({ lr: 0.01 }), 1).values;
    expectClose(tensor(path[1]), [0.9, 0.9], 1e-9);
  });

  it("puts ε outside the root by default and inside with epsInside (lecture 001)", () => {
    // ε = 1: s = [2.25, 1.21]; outside: 15/(1.5 + 1) = 6, 11/(1.1 + 1) = 5.238095…;
    // inside: 15/√3.25 = 8.320502…, 11/√2.21 = 7.399400…
    const outside = runOptimizer(quad2d, rmsprop({ lr: 0.01, eps: 1 }), 1).values[1];
    const inside = runOptimizer(quad2d, rmsprop({ lr: 0.01, eps: 1, epsInside: true }), 1)
      .values[1];
    expectClose(tensor(outside), [1 - 0.06, 1 - 0.01 * (11 / 2.1)], 1e-14);
    expectClose(
      tensor(inside),
      [1 - 0.01 * (15 / Math.sqrt(3.25)), 1 - 0.01 * (11 / Math.sqrt(2.21))],
      1e-14,
    );
  });

  for (const [name, options] of configs) {
    it(`follows the formula (${name}) for 10 steps on every problem`, () => {
      for (const problem of problems) {
        expectPath(
          runOptimizer(problem, rmsprop(options)).values,
          referencePath(problem, byHand(options)),
        );
      }
    });
  }

  it("follows lecture 001's s ← βs + (1−β)dw², w ← w − α·dw/√(s + ε) for 10 steps", () => {
    const lecture001 = { lr: 0.01, alpha: 0.9, eps: 1e-8, epsInside: true };
    const centered = { ...lecture001, centered: true, momentum: 0.5, eps: 1e-3 };
    for (const problem of problems) {
      for (const o of [lecture001, centered]) {
        expectPath(runOptimizer(problem, rmsprop(o)).values, referencePath(problem, byHand(o)));
      }
    }
  });

  it("matches torch.optim.RMSprop plain, centered, with momentum and with weight decay", () => {
    for (const [name, options] of configs)
      expectMatchesTorch(rmsprop(options), TORCH.rmsprop[name]);
  });

  it("continues identically after stateDict / loadStateDict mid-training", () => {
    for (const problem of problems) expectResumes(problem, rmsprop(configs[3][1]));
  });

  it("lowers the spiral MLP's training loss in 100 steps", () => {
    for (const options of [{ lr: 0.01 }, { lr: 0.01, epsInside: true, alpha: 0.9 }]) {
      const losses = trainSpiral(rmsprop(options));
      expect(losses[100]).toBeLessThan(0.8 * losses[0]);
    }
  });

  it("refuses bad hyperparameters with messages naming the value", () => {
    const p = [tensor([1], { requiresGrad: true })];
    expect(() => new RMSprop(p, { lr: -0.01 })).toThrow("RMSprop: lr must be ≥ 0, got -0.01");
    expect(() => new RMSprop(p, { alpha: 1 })).toThrow("RMSprop: alpha must be in [0, 1), got 1");
    expect(() => new RMSprop(p, { momentum: -0.5 })).toThrow(
      "RMSprop: momentum must be in [0, 1), got -0.5",
    );
    expect(() => new RMSprop(p, { eps: -1 })).toThrow("RMSprop: eps must be ≥ 0, got -1");
  });

  it("has PyTorch's defaults", () => {
    const { params: _, ...options } = new RMSprop([tensor([1], { requiresGrad: true })])
      .paramGroups[0];
    expect(options).toEqual(defaults);
  });
});
