import { expect } from "vitest";
import { type NestedArray, type Tensor, tensor } from "../../src";
import type { Closure, OptimizerStateDict } from "../../src/optim/optimizer";
import type { TorchReference } from "../optim/reference/torch_trajectories";

/**
 * The optimiser tests' problems, each with the loss in tensor ops (what an optimiser sees
 * through backward) and its gradient in plain numbers (what the hand-written references
 * use). tests/optim/reference/torch_trajectories.py builds the same three in PyTorch.
 */
export interface Problem {
  name: string;
  /** Each parameter's starting value. */
  start: NestedArray[];
  /** The loss, from the parameters, with tensor ops. */
  loss(params: Tensor[]): Tensor;
  /** ∇f at x, all parameters flattened into one vector, in plain numbers. */
  grad(x: number[]): number[];
}

/** f(w) = ½ wᵀAw − bᵀw, ∇f = Aw − b. */
function quadratic(name: string, A: number[][], b: number[], w0: number[]): Problem {
  const At = tensor(A);
  const bt = tensor(b);
  return {
    name,
    start: [w0],
    loss: ([w]) => w.mul(At.matmul(w)).sum().mul(0.5).sub(w.mul(bt).sum()),
    grad: (w) => A.map((row, i) => row.reduce((s, a, j) => s + a * w[j], 0) - b[i]),
  };
}

/** A = [[10, 6], [6, 4]] (eigenvalues 13.7 and 0.29, κ ≈ 47), b = [1, −1], w₀ = [1, 1]; minimum [2.5, −4]. */
export const quad2d = quadratic(
  "2-D quadratic",
  [
    [10, 6],
    [6, 4],
  ],
  [1, -1],
  [1, 1],
);

/** A_ij = (i+1)²/10·[i = j] + 0.1 (eigenvalues ≈ 0.1…10.6), b_i = 1, w₀ = 0, i, j = 0…9. */
export const quad10d = quadratic(
  "10-D quadratic",
  Array.from({ length: 10 }, (_, i) =>
    Array.from({ length: 10 }, (_, j) => (i === j ? (i + 1) ** 2 / 10 : 0) + 0.1),
  ),
  Array<number>(10).fill(1),
  Array<number>(10).fill(0),
);

const X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const Y = [0, 1, 1, 0];

/**
 * XOR with a 2 → 3 → 1 tanh MLP and the mean squared error, 13 parameters (W1 [3, 2], b1 [3],
 * W2 [1, 3], b2 [1]) from a fixed start:  ŷ = tanh(x W1ᵀ + b1) W2ᵀ + b2,  L = ¼ Σ (ŷ − y)².
 */
export const tinyMlp: Problem = {
  name: "tiny MLP",
  start: [
    [
      [0.5, -0.4],
      [0.3, 0.8],
      [-0.6, 0.2],
    ],
    [0.1, -0.1, 0.05],
    [[0.7, -0.5, 0.3]],
    [0.2],
  ],
  loss: ([W1, b1, W2, b2]) => {
    const h = tensor(X).matmul(W1.T).add(b1).tanh();
    const e = h
      .matmul(W2.T)
      .add(b2)
      .sub(tensor(Y.map((y) => [y])));
    return e.mul(e).mean();
  },
  grad: mlpGrad,
};

/** Back-propagation of the tiny MLP by hand: δ = ∂L/∂ŷ = (ŷ − y)/2, ∂z_j = δ·W2_j·(1 − h_j²). */
function mlpGrad(x: number[]): number[] {
  const g = Array<number>(13).fill(0); // [W1 (0…5), b1 (6…8), W2 (9…11), b2 (12)]
  X.forEach((xn, n) => {
    const h = [0, 1, 2].map((j) => Math.tanh(x[2 * j] * xn[0] + x[2 * j + 1] * xn[1] + x[6 + j]));
    const yHat = h.reduce((s, hj, j) => s + x[9 + j] * hj, x[12]);
    const delta = (2 * (yHat - Y[n])) / 4; // ∂(¼Σe²)/∂ŷ
    g[12] += delta;
    h.forEach((hj, j) => {
      g[9 + j] += delta * hj;
      const dz = delta * x[9 + j] * (1 - hj * hj); // tanh' = 1 − h²
      g[6 + j] += dz;
      g[2 * j] += dz * xn[0];
      g[2 * j + 1] += dz * xn[1];
    });
  });
  return g;
}

export const problems = [quad2d, quad10d, tinyMlp];

/** Fresh parameters at the problem's start. */
export function startParams(problem: Problem): Tensor[] {
  return problem.start.map((v) => tensor(v, { requiresGrad: true }));
}

/** All parameters' values as one plain vector. */
export function flatValues(params: Tensor[]): number[] {
  return params.flatMap((p) => Array.from(p.data));
}

/** What the runner needs of an optimiser. */
export interface Stepper {
  step(closure?: Closure): number | undefined;
  zeroGrad(): void;
}

/** The path of an optimiser: values after 0…steps steps, and the loss before each step. */
export interface Path {
  values: number[][];
  losses: number[];
}

/** Runs `steps` × `opt.step(closure)` from the start; the closure zeroes, evaluates, back-propagates. */
export function runOptimizer(
  problem: Problem,
  make: (params: Tensor[]) => Stepper,
  steps = 10,
): Path {
  const params = startParams(problem);
  const opt = make(params);
  const closure = () => {
    opt.zeroGrad();
    const loss = problem.loss(params);
    loss.backward();
    return loss;
  };
  const path: Path = { values: [flatValues(params)], losses: [] };
  for (let k = 0; k < steps; k++) {
    path.losses.push(opt.step(closure) as number);
    path.values.push(flatValues(params));
  }
  return path;
}

/**
 * The path of a hand-written update in plain numbers: `update(x, g, t)` returns x_t from
 * x_{t−1}, g = ∇f(x_{t−1}) and t = 1, 2, …; it keeps its own state (velocities, moments).
 */
export function referencePath(
  problem: Problem,
  update: (x: number[], g: number[], t: number) => number[],
  steps = 10,
): number[][] {
  const values = [problem.start.flat(Infinity as 1) as number[]];
  for (let t = 1; t <= steps; t++) {
    const x = values[t - 1];
    values.push(update(x, problem.grad(x), t));
  }
  return values;
}

/** Asserts two paths agree step by step (relative tolerance for large values). */
export function expectPath(actual: number[][], expected: number[][], tol = 1e-10): void {
  expect(actual.length, "number of steps + 1").toBe(expected.length);
  expected.forEach((want, k) => {
    want.forEach((w, i) => {
      const got = actual[k][i];
      if (!(Math.abs(got - w) <= tol * Math.max(1, Math.abs(w)))) {
        expect.fail(`after step ${k}, element ${i}: expected ${w} ± ${tol}, got ${got}`);
      }
    });
  });
}

/**
 * Asserts an optimiser follows PyTorch's numbers (tests/optim/reference/torch_trajectories.ts)
 * on all three problems: the 2-D path, the 10-D end point, the MLP's losses and end point.
 */
export function expectMatchesTorch(
  make: (params: Tensor[]) => Stepper,
  torch: TorchReference,
  tol = 1e-10,
): void {
  expectPath(runOptimizer(quad2d, make).values, torch.quad2d, tol);
  expectPath([runOptimizer(quad10d, make).values[10]], [torch.quad10d], tol);
  const mlp = runOptimizer(tinyMlp, make);
  expectPath([mlp.losses, mlp.values[10]], [torch.mlp.losses, torch.mlp.params], tol);
}

/** An optimiser whose state can be saved and restored. */
export interface Resumable extends Stepper {
  stateDict(): OptimizerStateDict;
  loadStateDict(saved: OptimizerStateDict): void;
}

/**
 * Asserts that saving the state after `at` steps (through JSON, as to a file) and loading it
 * into a new optimiser over new parameters with the same values continues the path exactly.
 */
export function expectResumes(
  problem: Problem,
  make: (params: Tensor[]) => Resumable,
  at = 5,
  steps = 10,
): void {
  const straight = runOptimizer(problem, make, steps).values;
  const params = startParams(problem);
  const first = make(params);
  const closure = (opt: Stepper, ps: Tensor[]) => () => {
    opt.zeroGrad();
    const loss = problem.loss(ps);
    loss.backward();
    return loss;
  };
  for (let k = 0; k < at; k++) first.step(closure(first, params));
  const saved = JSON.parse(JSON.stringify(first.stateDict())) as OptimizerStateDict;
  const copies = params.map((p) => tensor(p.toArray() as NestedArray, { requiresGrad: true }));
  const second = make(copies);
  second.loadStateDict(saved);
  const resumed = [flatValues(copies)];
  for (let k = at; k < steps; k++) {
    second.step(closure(second, copies));
    resumed.push(flatValues(copies));
  }
  expect(resumed).toEqual(straight.slice(at));
}
