import { describe, expect, it } from "vitest";
import { type Tensor, tensor } from "../../src";
import { Adam, type AdamOptions } from "../../src/optim/adam";
import { SGD } from "../../src/optim/sgd";
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

const adam = (options: Partial<AdamOptions>) => (params: Tensor[]) => new Adam(params, options);

const defaults: AdamOptions = {
  lr: 1e-3,
  betas: [0.9, 0.999],
  eps: 1e-8,
  weightDecay: 0,
  amsgrad: false,
  biasCorrection: true,
};

/**
 * Adam by hand (lecture 001 eq. 15–17, lecture 003's full form): g ← g + λθ;
 * m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; v_max ← max(v_max, v) (amsgrad);
 * m̂ = m/(1−β₁^t), v̂ = v/(1−β₂^t) (or m, v without correction); θ ← θ − α·m̂/(√v̂ + ε).
 */
function adamByHand(options: Partial<AdamOptions>) {
  const o = { ...defaults, ...options };
  const [beta1, beta2] = o.betas;
  let m: number[] = [];
  let v: number[] = [];
  let vMax: number[] = [];
  return (theta: number[], grad: number[], t: number) => {
    if (t === 1) [m, v, vMax] = [theta.map(() => 0), theta.map(() => 0), theta.map(() => 0)];
    const g = grad.map((gi, i) => gi + o.weightDecay * theta[i]);
    m = m.map((mi, i) => beta1 * mi + (1 - beta1) * g[i]);
    v = v.map((vi, i) => beta2 * vi + (1 - beta2) * g[i] * g[i]);
    vMax = o.amsgrad ? vMax.map((x, i) => Math.max(x, v[i])) : v;
    const c1 = o.biasCorrection ? 1 - beta1 ** t : 1;
    const c2 = o.biasCorrection ? 1 - beta2 ** t : 1;
    return theta.map((th, i) => th - (o.lr * (m[i] / c1)) / (Math.sqrt(vMax[i] / c2) + o.eps));
  };
}

const configs: [string, Partial<AdamOptions>][] = [
  ["plain", { lr: 0.1 }],
  ["amsgrad", { lr: 0.1, amsgrad: true }],
  ["all", { lr: 0.1, betas: [0.8, 0.99], eps: 1e-6, weightDecay: 0.1, amsgrad: true }],
];

describe("Adam", () => {
  it("takes a first step of α per coordinate: m̂₁ = g, v̂₁ = g²", () => {
    // g = [15, 11]; m₁ = 0.1g, v₁ = 0.001g²; m̂₁ = g, v̂₁ = g²; θ₁ = 1 − 0.1·g/(|g| + 1e-8) ≈ [0.9, 0.9]
    const path = runOptimizer(quad2d, adam({ lr: 0.1 }), 1).values;
    expectClose(tensor(path[1]), [0.9, 0.9], 1e-9);
  });

  it("without bias correction (lecture 003's Adam almost) takes a 3.16× larger first step", () => {
    // m₁ = 0.1·[15, 11] = [1.5, 1.1], v₁ = 0.001·[225, 121] = [0.225, 0.121];
    // θ₁ = 1 − 0.1·m₁/(√v₁ + ε) ≈ 1 − 0.1·0.1/√0.001 = 1 − 0.316227… (corrected: 1 − 0.1)
    const path = runOptimizer(quad2d, adam({ lr: 0.1, biasCorrection: false }), 1).values;
    const first = [
      1 - (0.1 * 1.5) / (Math.sqrt(0.225) + 1e-8),
      1 - (0.1 * 1.1) / (Math.sqrt(0.121) + 1e-8),
    ];
    expectClose(tensor(path[1]), first, 1e-14);
    expectClose(tensor(path[1]), [0.683772, 0.683772], 1e-6);
  });

  const hand: [string, Partial<AdamOptions>][] = [
    ...configs,
    ["without bias correction", { lr: 0.1, biasCorrection: false }],
    ["without bias correction, amsgrad and L2", { ...configs[2][1], biasCorrection: false }],
  ];
  for (const [name, options] of hand) {
    it(`follows the formula (${name}) for 10 steps on every problem`, () => {
      for (const problem of problems) {
        const expected = referencePath(problem, adamByHand(options));
        expectPath(runOptimizer(problem, adam(options)).values, expected);
      }
    });
  }

  it("matches torch.optim.Adam plain, with amsgrad, and with weight decay", () => {
    for (const [name, options] of configs) expectMatchesTorch(adam(options), TORCH.adam[name]);
  });

  it("continues identically after stateDict / loadStateDict mid-training", () => {
    for (const problem of problems) {
      expectResumes(problem, adam(configs[2][1]));
      expectResumes(problem, adam({ lr: 0.1, biasCorrection: false }));
    }
  });

  it("lowers the spiral MLP's training loss in 100 steps", () => {
    for (const options of [{ lr: 0.01 }, { lr: 0.01, amsgrad: true, weightDecay: 1e-3 }]) {
      const losses = trainSpiral(adam(options));
      expect(losses[100]).toBeLessThan(0.8 * losses[0]);
    }
  });

  it("at lr 1e-3 beats plain SGD at lr 1e-3 after 100 steps on the spiral", () => {
    const adamLosses = trainSpiral(adam({ lr: 1e-3 }));
    const sgdLosses = trainSpiral((params) => new SGD(params, { lr: 1e-3 }));
    expect(adamLosses[0]).toBe(sgdLosses[0]); // same start
    expect(adamLosses[100]).toBeLessThan(sgdLosses[100]);
  });

  it("refuses bad hyperparameters with messages naming the value", () => {
    const p = [tensor([1], { requiresGrad: true })];
    expect(() => new Adam(p, { betas: [0.9, 1] })).toThrow(
      "Adam: betas[1] must be in [0, 1), got 1",
    );
    expect(() => new Adam(p, { betas: [-0.1, 0.999] })).toThrow(
      "Adam: betas[0] must be in [0, 1), got -0.1",
    );
    expect(() => new Adam(p, { betas: [0.9] as unknown as [number, number] })).toThrow(
      "Adam: betas must be a pair [β₁, β₂], got [0.9]",
    );
    expect(() => new Adam(p, { lr: -1e-3 })).toThrow("Adam: lr must be ≥ 0, got -0.001");
    expect(() => new Adam(p, { eps: -1 })).toThrow("Adam: eps must be ≥ 0, got -1");
    expect(() => new Adam(p, { weightDecay: -0.1 })).toThrow(
      "Adam: weightDecay must be ≥ 0, got -0.1",
    );
    expect(() => new Adam(p, { amsgrad: "yes" as unknown as boolean })).toThrow(
      'Adam: amsgrad must be true or false, got "yes"',
    );
  });

  it("has PyTorch's defaults", () => {
    const { params: _, ...options } = new Adam([tensor([1], { requiresGrad: true })])
      .paramGroups[0];
    expect(options).toEqual(defaults);
  });
});
