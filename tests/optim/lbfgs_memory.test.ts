import { describe, expect, it } from "vitest";
import { tensor } from "../../src";
import {
  type LBFGSMemory,
  dot,
  loadMemory,
  remember,
  saveMemory,
  twoLoopDirection,
} from "../../src/optim/lbfgs_memory";
import type { ParamState } from "../../src/optim/optimizer";
import { expectClose } from "../helpers/close";

const empty = (): LBFGSMemory => ({ s: [], y: [], rho: [], gamma: 1 });
const A = [
  [4, 1, 0],
  [1, 3, 1],
  [0, 1, 2],
];
/** y = As: the gradient change of ½xᵀAx over a step s. */
const times = (s: number[]) => tensor(A.map((row) => row.reduce((acc, a, j) => acc + a * s[j], 0)));

describe("L-BFGS memory", () => {
  it("starts as steepest descent: d = −g", () => {
    expectClose(twoLoopDirection(tensor([1, -2, 3]), empty()), [-1, 2, -3], 0);
  });

  it("keeps pairs with yᵀs > 1e-10, at most historySize, and sets γ = yᵀs / yᵀy", () => {
    const memory = empty();
    remember(memory, tensor([1, 0, 0]), tensor([-1, 0, 0]), 2); // yᵀs = −1: negative curvature, skipped
    expect(memory.s.length).toBe(0);
    const steps = [
      [1, 0, 0],
      [0, 1, 0],
      [0, 0, 1],
    ];
    for (const s of steps) remember(memory, tensor(s), times(s), 2);
    expect(memory.s.map((s) => Array.from(s.data))).toEqual(steps.slice(1)); // the oldest dropped
    // last pair: s = e₃, y = A e₃ = [0, 1, 2]: yᵀs = 2, yᵀy = 5, ρ = 1/2, γ = 2/5
    expect(memory.rho).toEqual([1 / 3, 1 / 2]);
    expect(memory.gamma).toBe(2 / 5);
  });

  it("satisfies the secant condition H·y = s for the newest pair", () => {
    const memory = empty();
    for (const s of [
      [1, 0.5, 0],
      [0.2, -1, 0.3],
      [0, 0.4, 1],
    ]) {
      remember(memory, tensor(s), times(s), 10);
    }
    const y = memory.y[2];
    // twoLoopDirection(g) = −Hg, so twoLoopDirection(−y) = Hy
    expectClose(twoLoopDirection(y.neg(), memory), memory.s[2], 1e-12);
    expect(dot(tensor([1, 2]), tensor([3, 4]))).toBe(11);
  });

  it("round-trips through a parameter's state, and stores no tensors while empty", () => {
    const state: ParamState = {};
    saveMemory(state, empty());
    expect(state).toEqual({ gamma: 1 });
    expect(loadMemory(state)).toEqual(empty());
    const memory = empty();
    remember(memory, tensor([1, 2, 0]), times([1, 2, 0]), 5);
    remember(memory, tensor([0, 1, -1]), times([0, 1, -1]), 5);
    saveMemory(state, memory);
    expect((state.sHistory as { shape: readonly number[] }).shape).toEqual([2, 3]);
    const back = loadMemory(state);
    expect(back.s.map((s) => Array.from(s.data))).toEqual(memory.s.map((s) => Array.from(s.data)));
    expect(back.y.map((y) => Array.from(y.data))).toEqual(memory.y.map((y) => Array.from(y.data)));
    expect([back.rho, back.gamma]).toEqual([memory.rho, memory.gamma]);
  });
});
