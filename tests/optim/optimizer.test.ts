import { describe, expect, it } from "vitest";
import { noGrad, tensor } from "../../src";
import { Adam } from "../../src/optim/adam";
import type { OptimizerStateDict } from "../../src/optim/optimizer";
import { SGD } from "../../src/optim/sgd";
import { expectClose } from "../helpers/close";

describe("Optimizer", () => {
  it("step(closure) evaluates the closure with gradients on and returns its loss", () => {
    const w = tensor([3], { requiresGrad: true });
    const opt = new SGD([w], { lr: 0.1 });
    const closure = () => {
      opt.zeroGrad();
      const loss = w.mul(w).sum(); // L = w², ∂L/∂w = 2w = 6
      loss.backward();
      return loss;
    };
    expect(noGrad(() => opt.step(closure))).toBe(9); // even called inside noGrad
    expectClose(w, [3 - 0.1 * 6], 1e-15);
    expect(opt.step(() => 1.5)).toBe(1.5); // a number is returned as is
    expect(opt.step()).toBeUndefined();
  });

  it("updates in place without recording: parameters stay leaves", () => {
    const w = tensor([1, 2], { requiresGrad: true });
    const data = w.data;
    const opt = new Adam([w], { lr: 0.1 });
    w.mul(w).sum().backward();
    opt.step();
    expect(w.isLeaf).toBe(true);
    expect(w.data).toBe(data);
    expect((opt.state.get(w)?.expAvg as { requiresGrad: boolean }).requiresGrad).toBe(false);
  });

  it("saves options as a copy and checks them again when loading", () => {
    const w = tensor([1], { requiresGrad: true });
    const opt = new Adam([w], { lr: 0.1 });
    const saved = opt.stateDict();
    (saved.paramGroups[0].betas as number[])[1] = 1;
    expect(opt.paramGroups[0].betas).toEqual([0.9, 0.999]);
    expect(() => opt.loadStateDict(saved)).toThrow("Adam: betas[1] must be in [0, 1), got 1");
  });

  it("refuses saved state for a parameter it does not have", () => {
    const w = tensor([1], { requiresGrad: true });
    const opt = new SGD([w], { lr: 0.1, momentum: 0.9 });
    const saved: OptimizerStateDict = {
      paramGroups: [{ lr: 0.1, params: [0] }],
      state: { 3: { momentumBuffer: { shape: [1], data: [1] } } },
    };
    expect(() => opt.loadStateDict(saved)).toThrow(
      "SGD.loadStateDict: saved state for parameter 3, but there are only 1 (indices 0…0)",
    );
  });
});
