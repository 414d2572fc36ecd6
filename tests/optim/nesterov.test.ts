import { describe, expect, it } from "vitest";
import { type Tensor, tensor } from "../../src";
import { Nesterov, type NesterovOptions } from "../../src/optim/nesterov";
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

type Options = Partial<NesterovOptions> & { lr: number };
const nesterov = (options: Options) => (params: Tensor[]) => new Nesterov(params, options);

/** Lecture 003's code by hand: old_v = v; v = ρv − α(dx + λx); x += −ρ·old_v + (1+ρ)v. */
function byHand(lr: (t: number) => number, rho: number, lambda = 0) {
  let v: number[] | null = null;
  return (x: number[], grad: number[], t: number) => {
    const dx = grad.map((g, i) => g + lambda * x[i]);
    const oldV = v ?? x.map(() => 0);
    const next = oldV.map((vi, i) => rho * vi - lr(t) * dx[i]);
    v = next;
    return x.map((xi, i) => xi - rho * oldV[i] + (1 + rho) * next[i]);
  };
}

describe("Nesterov", () => {
  it("takes lecture 003's first step on the 2-D quadratic", () => {
    // g = [15, 11]; v₁ = 0.9·0 − 0.02·g = [−0.3, −0.22]; x₁ = x₀ − 0.9·0 + 1.9·v₁ = [0.43, 0.582]
    const path = runOptimizer(quad2d, nesterov({ lr: 0.02, momentum: 0.9 }), 1).values;
    expectClose(tensor(path[1]), [0.43, 0.582], 1e-14);
  });

  it("follows lecture 003's change-of-variables code for 10 steps on every problem", () => {
    for (const problem of problems) {
      const plain = runOptimizer(problem, nesterov({ lr: 0.02, momentum: 0.9 })).values;
      expectPath(
        plain,
        referencePath(
          problem,
          byHand(() => 0.02, 0.9),
        ),
      );
      const decayed = nesterov({ lr: 0.02, momentum: 0.8, weightDecay: 0.1 });
      expectPath(
        runOptimizer(problem, decayed).values,
        referencePath(
          problem,
          byHand(() => 0.02, 0.8, 0.1),
        ),
      );
    }
  });

  it("gives torch.optim.SGD(nesterov=True)'s path while the learning rate is constant", () => {
    expectMatchesTorch(nesterov({ lr: 0.02, momentum: 0.9 }), TORCH.sgd.nesterov);
    expectMatchesTorch(
      nesterov({ lr: 0.02, momentum: 0.8, weightDecay: 0.1 }),
      TORCH.sgd.weightDecay,
    );
  });

  it("parts from SGD's Nesterov when the learning rate changes, keeping old steps in v", () => {
    // α = 0.02 for 3 steps, then 0.01: v here still holds −0.02·(old gradients), SGD's buffer is rescaled
    const schedule = (t: number) => (t <= 3 ? 0.02 : 0.01);
    const run = (make: (p: Tensor[]) => Nesterov | SGD): number[][] => {
      const params = [tensor([1, 1], { requiresGrad: true })];
      const opt = make(params);
      const values = [Array.from(params[0].data)];
      for (let t = 1; t <= 6; t++) {
        opt.paramGroups[0].lr = schedule(t);
        opt.zeroGrad();
        quad2d.loss(params).backward();
        opt.step();
        values.push(Array.from(params[0].data));
      }
      return values;
    };
    const lecture = run((p) => new Nesterov(p, { lr: 0.02, momentum: 0.9 }));
    const torchLike = run((p) => new SGD(p, { lr: 0.02, momentum: 0.9, nesterov: true }));
    expectPath(lecture, referencePath(quad2d, byHand(schedule, 0.9), 6));
    expectPath(lecture.slice(0, 4), torchLike.slice(0, 4), 1e-12);
    expect(Math.abs(lecture[4][0] - torchLike[4][0])).toBeGreaterThan(1e-3);
  });

  it("continues identically after stateDict / loadStateDict mid-training", () => {
    for (const problem of problems) expectResumes(problem, nesterov({ lr: 0.02, momentum: 0.9 }));
  });

  it("lowers the spiral MLP's training loss in 100 steps", () => {
    const losses = trainSpiral(nesterov({ lr: 0.1, momentum: 0.9 }));
    expect(losses[100]).toBeLessThan(0.8 * losses[0]);
  });

  it("refuses bad hyperparameters with messages naming the value", () => {
    const p = [tensor([1], { requiresGrad: true })];
    expect(() => new Nesterov(p, { lr: -1 })).toThrow("Nesterov: lr must be ≥ 0, got -1");
    expect(() => new Nesterov(p, { lr: 0.1, momentum: 1.5 })).toThrow(
      "Nesterov: momentum must be in [0, 1), got 1.5",
    );
    expect(() => new Nesterov(p, { lr: 0.1, weightDecay: -0.1 })).toThrow(
      "Nesterov: weightDecay must be ≥ 0, got -0.1",
    );
  });

  it("defaults to ρ = 0.9", () => {
    const opt = new Nesterov([tensor([1], { requiresGrad: true })], { lr: 0.1 });
    expect(opt.paramGroups[0].momentum).toBe(0.9);
  });
});
