import { describe, expect, it } from "vitest";
import { type Tensor, tensor } from "../../src";
import { SGD, type SGDOptions } from "../../src/optim/sgd";
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

type Options = Partial<SGDOptions> & { lr: number };
const sgd = (options: Options) => (params: Tensor[]) => new SGD(params, options);

/**
 * SGD by hand in plain numbers, PyTorch's convention (lecture 003's v = ρv + dx):
 * g ← g + λw;  v₁ = g, v ← ρv + (1−τ)g;  d = g + ρv (nesterov) or v;  w ← w − αd.
 */
function sgdByHand(o: Required<Omit<SGDOptions, "ewa">>) {
  let v: number[] | null = null;
  return (w: number[], grad: number[]) => {
    const g = grad.map((gi, i) => gi + o.weightDecay * w[i]); // g ← g + λw
    if (o.momentum === 0) return w.map((wi, i) => wi - o.lr * g[i]); // w ← w − αg
    const prev = v;
    v = prev === null ? [...g] : prev.map((vi, i) => o.momentum * vi + (1 - o.dampening) * g[i]);
    const b = v;
    const d = o.nesterov ? g.map((gi, i) => gi + o.momentum * b[i]) : b; // d = g + ρv or v
    return w.map((wi, i) => wi - o.lr * d[i]); // w ← w − αd
  };
}

/** Lecture 001's EWA momentum by hand: g ← g + λw, v₀ = 0, v ← βv + (1−β)g, w ← w − αv. */
function ewaByHand(lr: number, beta: number, lambda = 0) {
  let v: number[] | null = null;
  return (w: number[], grad: number[]) => {
    const g = grad.map((gi, i) => gi + lambda * w[i]);
    const v0 = v ?? g.map(() => 0);
    const next = v0.map((vi, i) => beta * vi + (1 - beta) * g[i]);
    v = next;
    return w.map((wi, i) => wi - lr * next[i]);
  };
}

const base = { momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 };

describe("SGD", () => {
  it("takes lecture 003's first two momentum steps on the 2-D quadratic", () => {
    // w₀ = [1, 1], g = Aw − b = [10+6−1, 6+4+1] = [15, 11]; v₁ = g; w₁ = w₀ − 0.02·[15, 11] = [0.7, 0.78]
    // g = [7+4.68−1, 4.2+3.12+1] = [10.68, 8.32]; v₂ = 0.9·[15, 11] + g = [24.18, 18.22];
    // w₂ = [0.7 − 0.02·24.18, 0.78 − 0.02·18.22] = [0.2164, 0.4156]
    const path = runOptimizer(quad2d, sgd({ lr: 0.02, momentum: 0.9 }), 2).values;
    expectClose(tensor(path[1]), [0.7, 0.78], 1e-14);
    expectClose(tensor(path[2]), [0.2164, 0.4156], 1e-14);
  });

  const cases: [string, Options][] = [
    ["plain SGD w ← w − αg", { lr: 0.05 }],
    ["momentum v ← ρv + g, w ← w − αv", { lr: 0.02, momentum: 0.9 }],
    ["dampened momentum v ← ρv + (1−τ)g after v₁ = g", { lr: 0.02, momentum: 0.9, dampening: 0.5 }],
    ["Nesterov d = g + ρv", { lr: 0.02, momentum: 0.9, nesterov: true }],
    [
      "Nesterov with weight decay g ← g + λw",
      { lr: 0.02, momentum: 0.8, nesterov: true, weightDecay: 0.1 },
    ],
  ];
  for (const [what, options] of cases) {
    it(`follows ${what} for 10 steps on both quadratics and the tiny MLP`, () => {
      for (const problem of problems) {
        const expected = referencePath(problem, sgdByHand({ ...base, ...options }));
        expectPath(runOptimizer(problem, sgd(options)).values, expected);
      }
    });
  }

  it("follows lecture 001's EWA momentum v ← βv + (1−β)g from v₀ = 0 for 10 steps", () => {
    // 2-D quadratic, α = 0.1, β = 0.9: v₁ = 0.1·[15, 11] = [1.5, 1.1], w₁ = [1 − 0.15, 1 − 0.11] = [0.85, 0.89]
    const path = runOptimizer(quad2d, sgd({ lr: 0.1, momentum: 0.9, ewa: true })).values;
    expectClose(tensor(path[1]), [0.85, 0.89], 1e-14);
    for (const problem of problems) {
      const expected = referencePath(problem, ewaByHand(0.1, 0.9));
      expectPath(
        runOptimizer(problem, sgd({ lr: 0.1, momentum: 0.9, ewa: true })).values,
        expected,
      );
      const withDecay = sgd({ lr: 0.1, momentum: 0.9, ewa: true, weightDecay: 0.1 });
      const decayed = referencePath(problem, ewaByHand(0.1, 0.9, 0.1));
      expectPath(runOptimizer(problem, withDecay).values, decayed);
    }
  });

  it("in the EWA form with rate α equals the ρ form with rate α(1−β) at every step", () => {
    // v_ewa = (1−β)·Σ β^{t−k} g_k = (1−β)·v_ρ, so α·v_ewa = α(1−β)·v_ρ
    for (const problem of problems) {
      for (const beta of [0.5, 0.9, 0.99]) {
        const ewa = runOptimizer(problem, sgd({ lr: 0.2, momentum: beta, ewa: true }), 20);
        const rho = runOptimizer(problem, sgd({ lr: 0.2 * (1 - beta), momentum: beta }), 20);
        expectPath(ewa.values, rho.values, 1e-12);
      }
    }
  });

  it("matches torch.optim.SGD with momentum, dampening, nesterov and weight decay", () => {
    expectMatchesTorch(sgd(cases[0][1]), TORCH.sgd.plain);
    expectMatchesTorch(sgd(cases[1][1]), TORCH.sgd.momentum);
    expectMatchesTorch(sgd(cases[2][1]), TORCH.sgd.dampening);
    expectMatchesTorch(sgd(cases[3][1]), TORCH.sgd.nesterov);
    expectMatchesTorch(sgd(cases[4][1]), TORCH.sgd.weightDecay);
  });

  it("continues identically after stateDict / loadStateDict mid-training", () => {
    for (const problem of problems) {
      expectResumes(problem, sgd({ lr: 0.02, momentum: 0.9, nesterov: true, weightDecay: 0.1 }));
      expectResumes(problem, sgd({ lr: 0.1, momentum: 0.9, ewa: true }));
    }
  });

  it("lowers the spiral MLP's training loss in 100 steps", () => {
    for (const options of [
      { lr: 0.5 },
      { lr: 0.1, momentum: 0.9 },
      { lr: 1, momentum: 0.9, ewa: true },
    ]) {
      const losses = trainSpiral(sgd(options));
      expect(losses[100]).toBeLessThan(0.8 * losses[0]);
    }
  });

  it("uses each parameter group's own options and skips parameters without a gradient", () => {
    const a = tensor([1], { requiresGrad: true });
    const b = tensor([1], { requiresGrad: true });
    const c = tensor([1], { requiresGrad: true });
    const opt = new SGD([{ params: [a] }, { params: [b, c], lr: 0.5 }], { lr: 0.1 });
    a.mul(2).add(b.mul(2)).sum().backward(); // ∂a = ∂b = 2, c has no gradient
    opt.step();
    expectClose(tensor([a.item(), b.item(), c.item()]), [0.8, 0, 1], 1e-15);
  });

  it("keeps its own copy of the first gradient as b₁, not the .grad that backward adds into", () => {
    const w = tensor([1, 2], { requiresGrad: true });
    const opt = new SGD([w], { lr: 0.1, momentum: 0.9 });
    w.sum().backward(); // .grad = [1, 1]
    opt.step();
    w.sum().backward(); // accumulates in place: .grad = [2, 2]
    expectClose(opt.state.get(w)?.momentumBuffer as Tensor, [1, 1], 0);
  });

  it("refuses bad hyperparameters with messages naming the value", () => {
    const p = [tensor([1], { requiresGrad: true })];
    expect(() => new SGD(p, { lr: -0.1 })).toThrow("SGD: lr must be ≥ 0, got -0.1");
    expect(() => new SGD(p, { lr: 0.1, momentum: 1 })).toThrow(
      "SGD: momentum must be in [0, 1), got 1",
    );
    expect(() => new SGD(p, { lr: 0.1, momentum: 0.9, dampening: 2 })).toThrow(
      "SGD: dampening must be in [0, 1], got 2",
    );
    expect(() => new SGD(p, { lr: 0.1, weightDecay: -1 })).toThrow(
      "SGD: weightDecay must be ≥ 0, got -1",
    );
    expect(() => new SGD(p, { lr: 0.1, nesterov: true })).toThrow(
      "SGD: nesterov needs momentum > 0 and dampening = 0, got momentum 0 and dampening 0",
    );
    expect(() => new SGD(p, { lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true })).toThrow(
      "got momentum 0.9 and dampening 0.1",
    );
    expect(() => new SGD(p, { lr: 0.1, momentum: 0.9, ewa: true, dampening: 0.5 })).toThrow(
      "SGD: ewa (lecture 001's v = βv + (1−β)g) needs nesterov false and dampening 0, got nesterov false and dampening 0.5",
    );
    expect(() => new SGD([], { lr: 0.1 })).toThrow("SGD: got no parameters to optimise");
    expect(() => new SGD([{ params: p, lr: Number.NaN }], { lr: 0.1 })).toThrow(
      "SGD: lr must be ≥ 0, got NaN",
    );
  });
});
