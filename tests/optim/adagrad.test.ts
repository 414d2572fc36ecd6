import { describe, expect, it } from "vitest";
import { type Tensor, tensor } from "../../src";
import { Adagrad, type AdagradOptions } from "../../src/optim/adagrad";
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

const adagrad = (options: Partial<AdagradOptions>) => (params: Tensor[]) =>
  new Adagrad(params, options);

/** AdaGrad by hand: g ← g + λθ; r ← r + g²; θ ← θ − α/(1 + (t−1)η) · g/(δ + √r). */
function byHand(o: AdagradOptions) {
  let r: number[] | null = null;
  return (theta: number[], grad: number[], t: number) => {
    const g = grad.map((gi, i) => gi + o.weightDecay * theta[i]);
    const r0 = r ?? g.map(() => o.initialAccumulatorValue);
    const next = r0.map((ri, i) => ri + g[i] * g[i]);
    r = next;
    const alphaT = o.lr / (1 + (t - 1) * o.lrDecay);
    return theta.map((th, i) => th - alphaT * (g[i] / (o.eps + Math.sqrt(next[i]))));
  };
}

const defaults = { lr: 1e-2, lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10 };
const all = { lr: 0.5, lrDecay: 0.1, weightDecay: 0.1, initialAccumulatorValue: 0.1, eps: 1e-6 };

describe("Adagrad", () => {
  it("takes the first step of size α per coordinate: g/√(g²) = ±1", () => {
    // g = [15, 11], r = [225, 121], θ₁ = [1 − 0.5·15/(15 + 1e-10), 1 − 0.5·11/(11 + 1e-10)] ≈ [0.5, 0.5]
    const path = runOptimizer(quad2d, adagrad({ lr: 0.5 }), 1).values;
    expectClose(tensor(path[1]), [0.5, 0.5], 1e-11);
  });

  it("follows lecture 003's r ← r + g⊙g, θ ← θ − αg/(δ + √r) for 10 steps on every problem", () => {
    for (const problem of problems) {
      const plain = runOptimizer(problem, adagrad({ lr: 0.5 })).values;
      expectPath(plain, referencePath(problem, byHand({ ...defaults, lr: 0.5 })));
      const lectureDelta = runOptimizer(problem, adagrad({ lr: 0.5, eps: 1e-7 })).values;
      expectPath(lectureDelta, referencePath(problem, byHand({ ...defaults, lr: 0.5, eps: 1e-7 })));
    }
  });

  it("follows the formula with lrDecay, weightDecay and initialAccumulatorValue", () => {
    for (const problem of problems) {
      expectPath(runOptimizer(problem, adagrad(all)).values, referencePath(problem, byHand(all)));
    }
  });

  it("matches torch.optim.Adagrad", () => {
    expectMatchesTorch(adagrad({ lr: 0.5 }), TORCH.adagrad.plain);
    expectMatchesTorch(adagrad(all), TORCH.adagrad.all);
  });

  it("continues identically after stateDict / loadStateDict mid-training", () => {
    for (const problem of problems) expectResumes(problem, adagrad(all));
  });

  it("lowers the spiral MLP's training loss in 100 steps", () => {
    const losses = trainSpiral(adagrad({ lr: 0.1 }));
    expect(losses[100]).toBeLessThan(0.8 * losses[0]);
  });

  it("refuses bad hyperparameters with messages naming the value", () => {
    const p = [tensor([1], { requiresGrad: true })];
    expect(() => new Adagrad(p, { lr: -0.1 })).toThrow("Adagrad: lr must be ≥ 0, got -0.1");
    expect(() => new Adagrad(p, { lrDecay: -1 })).toThrow("Adagrad: lrDecay must be ≥ 0, got -1");
    expect(() => new Adagrad(p, { eps: -1e-10 })).toThrow("Adagrad: eps must be ≥ 0, got -1e-10");
    expect(() => new Adagrad(p, { initialAccumulatorValue: -1 })).toThrow(
      "Adagrad: initialAccumulatorValue must be ≥ 0, got -1",
    );
    expect(() => new Adagrad(p, { weightDecay: Infinity })).toThrow(
      "Adagrad: weightDecay must be ≥ 0, got Infinity",
    );
  });

  it("has PyTorch's defaults", () => {
    const opt = new Adagrad([tensor([1], { requiresGrad: true })]);
    const { params: _, ...options } = opt.paramGroups[0];
    expect(options).toEqual(defaults);
  });
});
