import { describe, expect, it } from "vitest";
import { optim, tensor } from "../../src";
import { scheduleFigure } from "../../widgets/figures/schedule_figure";
import { expectCloseArray } from "./fixtures";

const sgd = (lr = 0.2) => new optim.SGD([tensor([0], { requiresGrad: true })], { lr });

describe("scheduleFigure", () => {
  it("draws each schedule's lrAt(t) for t = 0 … epochs − 1, as a staircase", () => {
    const schedules = {
      "step ×0.5 every 3": new optim.StepLR(sgd(), 3, { gamma: 0.5 }),
      "1/(1 + t)": new optim.InverseTimeLR(sgd(), 1),
      "0.95^t": new optim.ExponentialLR(sgd(), 0.95),
      "1/√t": new optim.InverseSqrtLR(sgd()),
      "e^{−0.1t}": new optim.ExponentialDecayLR(sgd(), 0.1),
    };
    const fig = scheduleFigure(schedules, { epochs: 7 });
    expect(fig.data.map((t) => t.name)).toEqual(Object.keys(schedules));
    Object.values(schedules).forEach((s, i) => {
      expect(fig.data[i].x).toEqual([0, 1, 2, 3, 4, 5, 6]);
      expectCloseArray(
        fig.data[i].y,
        [0, 1, 2, 3, 4, 5, 6].map((t) => s.lrAt(t)),
        0,
      );
      expect(fig.data[i].line).toMatchObject({ shape: "hv" });
    });
    // by hand: α₀ = 0.2; step: 0.2 ×3, then 0.1 ×3, then 0.05; 1/t: 0.2/(1 + t)
    expectCloseArray(fig.data[0].y, [0.2, 0.2, 0.2, 0.1, 0.1, 0.1, 0.05], 1e-15);
    expectCloseArray(fig.data[1].y, [0.2, 0.1, 0.2 / 3, 0.05, 0.04, 0.2 / 6, 0.2 / 7], 1e-15);
    expectCloseArray(
      fig.data[3].y,
      [0.2, 0.2, 0.2 / Math.SQRT2, 0.2 / Math.sqrt(3), 0.1, 0.2 / Math.sqrt(5), 0.2 / Math.sqrt(6)],
      1e-15,
    );
  });

  it("starts on a log axis when asked; the menu switches linear ↔ log", () => {
    const fig = scheduleFigure({ step: new optim.StepLR(sgd(), 10) }, { logY: true });
    expect(fig.data[0].x).toHaveLength(50);
    expect(fig.layout.yaxis).toMatchObject({ type: "log" });
    const [menu] = fig.layout.updatemenus as { active: number; buttons: { args: unknown[] }[] }[];
    expect(menu.active).toBe(1);
    expect(menu.buttons.map((b) => b.args[0])).toEqual([
      { "yaxis.type": "linear" },
      { "yaxis.type": "log" },
    ]);
  });

  it("draws the rate of another parameter group", () => {
    const opt = new optim.SGD(
      [
        { params: [tensor([0], { requiresGrad: true })], lr: 1 },
        { params: [tensor([0], { requiresGrad: true })], lr: 0.01 },
      ],
      { lr: 1 },
    );
    const fig = scheduleFigure({ step: new optim.StepLR(opt, 2) }, { epochs: 3, group: 1 });
    expectCloseArray(fig.data[0].y, [0.01, 0.01, 0.001], 1e-15);
  });

  it("names what it expected and what it got, and points ReduceLROnPlateau to learningCurve", () => {
    const plateau = new optim.ReduceLROnPlateau(sgd());
    expect(() => scheduleFigure({ plateau: plateau as never })).toThrow(
      /"plateau" must be a schedule with a closed form lrAt\(epoch\).*got ReduceLROnPlateau; ReduceLROnPlateau has none: draw its History with learningCurve/,
    );
    expect(() => scheduleFigure({})).toThrow(/expected at least one schedule.*got none/);
    const step = { step: new optim.StepLR(sgd(), 10) };
    expect(() => scheduleFigure(step, { epochs: 0 })).toThrow(
      /epochs must be a positive integer, got 0/,
    );
    expect(() => scheduleFigure(step, { group: 3 })).toThrow(
      /group must be an integer in \[0, 0\].*got 3/,
    );
  });
});
