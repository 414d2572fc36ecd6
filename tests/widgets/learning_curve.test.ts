import { describe, expect, it } from "vitest";
import { optim } from "../../src";
import { SLIDER_BETAS, learningCurve } from "../../widgets/figures/learning_curve";
import type { Trace } from "../../widgets/figures/figure";
import { expectCloseArray as expectClose, makeHistory, noisyHistory } from "./fixtures";

const byName = (data: Trace[], name: string) => {
  const t = data.find((d) => d.name === name);
  if (!t) throw new Error(`no trace "${name}" in ${data.map((d) => d.name).join(", ")}`);
  return t;
};

describe("learningCurve", () => {
  it("smooths the step losses with the bias-corrected EWA of lecture 001, worked by hand for β = 0.5", () => {
    const h = makeHistory([[4, 2, 1]]);
    const fig = learningCurve(h, { beta: 0.5 });
    // v₁ = 0.5·4 = 2,           v̂₁ = 2 / (1 − 0.5)   = 4
    // v₂ = 0.5·2 + 0.5·2 = 2,    v̂₂ = 2 / (1 − 0.25)  = 2.6667
    // v₃ = 0.5·2 + 0.5·1 = 1.5,  v̂₃ = 1.5 / (1 − 0.125) = 1.7143
    expectClose(byName(fig.data, "train loss (smoothed)").y as number[], [4, 8 / 3, 12 / 7], 1e-12);
    const plain = learningCurve(h, { beta: 0.5, biasCorrection: false });
    expectClose(byName(plain.data, "train loss (smoothed)").y as number[], [2, 2, 1.5], 1e-12);
  });

  it("draws the raw step losses faintly and the smoothed line on the same fractional-epoch x", () => {
    const h = makeHistory([
      [3, 2],
      [1.5, 1],
    ]);
    const fig = learningCurve(h);
    const raw = byName(fig.data, "train loss (per step)");
    expect(raw.y).toEqual([3, 2, 1.5, 1]);
    expect(raw.x).toEqual([0.5, 1, 1.5, 2]);
    expect(raw.opacity).toBeLessThan(0.5);
    expect(byName(fig.data, "train loss (smoothed)").x).toEqual(raw.x);
    expect(byName(fig.data, "train loss (smoothed)").meta).toEqual({
      nnlab: { ewaOf: 0, biasCorrection: true },
    });
  });

  it("puts per-epoch train and val loss at epochs 1…E, accuracy in the lower panel", () => {
    const h = makeHistory(
      [
        [2, 2],
        [1, 1],
        [0.5, 0.5],
      ],
      { val: [2.5, 1.5, 1], trainAccuracy: [0.5, 0.7, 0.9], valAccuracy: [0.4, 0.6, 0.8] },
    );
    const fig = learningCurve(h);
    expect(byName(fig.data, "train loss (epoch)")).toMatchObject({ x: [1, 2, 3], y: [2, 1, 0.5] });
    expect(byName(fig.data, "val loss")).toMatchObject({ x: [1, 2, 3], y: [2.5, 1.5, 1] });
    expect(byName(fig.data, "train accuracy")).toMatchObject({ yaxis: "y3", y: [0.5, 0.7, 0.9] });
    expect(byName(fig.data, "val accuracy")).toMatchObject({ yaxis: "y3", y: [0.4, 0.6, 0.8] });
    expect(fig.layout.yaxis3).toMatchObject({ domain: [0, 0.3] });
    expect(fig.layout.xaxis).toMatchObject({ anchor: "y3" });
  });

  it("counts x in steps with x: 'step', epochs ending at their last step", () => {
    const h = makeHistory(
      [
        [3, 2, 1],
        [1, 1, 1],
      ],
      { val: [2, 1] },
    );
    const fig = learningCurve(h, { x: "step" });
    expect(byName(fig.data, "train loss (per step)").x).toEqual([1, 2, 3, 4, 5, 6]);
    expect(byName(fig.data, "val loss").x).toEqual([3, 6]);
  });

  it("draws the learning rate on a right-hand axis only when it changes, and marks a drop", () => {
    const constant = learningCurve(
      makeHistory([
        [1, 1],
        [1, 1],
      ]),
    );
    expect(constant.data.some((t) => t.name === "learning rate")).toBe(false);
    expect(constant.layout.yaxis2).toBeUndefined();
    const h = makeHistory(
      [
        [1, 1],
        [1, 1],
      ],
      { lr: [0.1, 0.01] },
    );
    const fig = learningCurve(h);
    expect(byName(fig.data, "learning rate")).toMatchObject({
      yaxis: "y2",
      y: [0.1, 0.1, 0.01, 0.01],
      line: { shape: "hv" },
    });
    expect(fig.layout.yaxis2).toMatchObject({ overlaying: "y", side: "right" });
    // the drop happens between step 2 (x = 1 epoch) and step 3
    expect(fig.layout.shapes).toEqual([
      expect.objectContaining({ type: "line", x0: 1, x1: 1, yref: "paper" }),
    ]);
    expect(fig.layout.annotations).toEqual([expect.objectContaining({ x: 1, text: "lr ×0.1" })]);
    expect(learningCurve(h, { lr: false }).data.some((t) => t.name === "learning rate")).toBe(
      false,
    );
  });

  it("marks early stopping at the last epoch and stars the best validation loss", () => {
    const h = makeHistory([[3], [2], [1.5], [1.4]], {
      val: [2, 1.2, 1.3, 1.6],
      stopReason: "earlyStopping",
    });
    const fig = learningCurve(h);
    expect(byName(fig.data, "best val loss")).toMatchObject({
      x: [2],
      y: [1.2],
      marker: { symbol: "star" },
    });
    expect(fig.layout.shapes).toContainEqual(
      expect.objectContaining({ x0: 4, line: expect.objectContaining({ dash: "dash" }) }),
    );
    expect(fig.layout.annotations).toContainEqual(
      expect.objectContaining({ x: 4, text: "early stop" }),
    );
    const completed = learningCurve(makeHistory([[3], [2]], { val: [2, 1] }));
    expect(completed.layout.shapes).toEqual([]);
  });

  it("overlays several runs, one colour and one legend group each, named", () => {
    const runs = [noisyHistory(4, 10, 1), noisyHistory(4, 10, 2)];
    const fig = learningCurve(runs, { names: ["lr = 0.1", "lr = 0.01"] });
    const smoothed = fig.data.filter((t) => t.name === "train loss");
    expect(smoothed.map((t) => t.legendgrouptitle)).toEqual([
      { text: "lr = 0.1" },
      { text: "lr = 0.01" },
    ]);
    expect(smoothed.map((t) => (t.line as { color: string }).color)).toEqual([
      "#1f77b4",
      "#ff7f0e",
    ]);
    expect(new Set(fig.data.map((t) => t.legendgroup))).toEqual(new Set(["run0", "run1"]));
    // each run's EWA points at its own raw trace
    for (const t of smoothed) {
      const raw = fig.data[(t.meta as { nnlab: { ewaOf: number } }).nnlab.ewaOf];
      expect(raw.legendgroup).toBe(t.legendgroup);
      expectClose(
        t.y as number[],
        optim.ewa(raw.y as number[], 0.9, { biasCorrection: true }),
        1e-12,
      );
    }
    // the legend lists train and val loss per run; the rest toggles with its group
    expect(fig.data.filter((t) => t.showlegend !== false).map((t) => t.name)).toEqual([
      "train loss",
      "val loss",
      "best val loss",
      "train loss",
      "val loss",
      "best val loss",
    ]);
  });

  it("has a smoothing slider starting at β and a linear/log menu starting as asked", () => {
    const fig = learningCurve(noisyHistory(), { beta: 0.97, logY: true });
    const [slider] = fig.layout.sliders as {
      name: string;
      active: number;
      steps: { value: string; method: string }[];
    }[];
    expect(slider.name).toBe("ewa");
    expect(slider.steps.map((s) => Number(s.value))).toEqual(
      [...SLIDER_BETAS, 0.97].sort((a, b) => a - b),
    );
    expect(slider.steps[slider.active].value).toBe("0.97");
    expect(slider.steps.every((s) => s.method === "skip")).toBe(true);
    const [menu] = fig.layout.updatemenus as { active: number; buttons: { args: unknown[] }[] }[];
    expect(menu.active).toBe(1);
    expect(menu.buttons.map((b) => b.args[0])).toEqual([
      { "yaxis.type": "linear" },
      { "yaxis.type": "log" },
    ]);
    expect(fig.layout.yaxis).toMatchObject({ type: "log" });
  });

  it("draws an empty run (before the first step) without NaN", () => {
    const empty = makeHistory([]);
    const fig = learningCurve(empty);
    expect(JSON.stringify(fig)).not.toContain("NaN");
    expect(byName(fig.data, "train loss (smoothed)").y).toEqual([]);
  });

  it("says what is wrong with bad input", () => {
    expect(() => learningCurve(noisyHistory(), { beta: 1 })).toThrow(
      "learningCurve: beta must be in [0, 1), got 1",
    );
    expect(() => learningCurve([noisyHistory(), noisyHistory()], { names: ["a"] })).toThrow(
      "learningCurve: 2 runs but 1 names",
    );
    expect(() => learningCurve({} as never)).toThrow(/run 1 is not a History/);
    expect(() => learningCurve([])).toThrow(/no runs given/);
  });
});
