import { describe, expect, it } from "vitest";
import { data } from "../../src";
import { foldScores } from "../../widgets/figures/fold_scores";

describe("foldScores", () => {
  it("bars per fold, the mean as a line and a ±1 std band, numbers in the title", async () => {
    const scores = [0.9, 0.92, 0.94, 0.96, 0.98];
    const cv = await data.crossValidate(
      ({ fold }) => ({ accuracy: scores[fold] }),
      new data.KFold(5),
      10,
    );
    const fig = foldScores(cv);
    // numpy: np.array([0.9, 0.92, 0.94, 0.96, 0.98]).mean() = 0.94, .std(ddof=1) = 0.0316227766
    expect(cv.mean.accuracy).toBeCloseTo(0.94, 12);
    expect(cv.std.accuracy).toBeCloseTo(0.03162277660168377, 12);
    const [bars, lower, upper, mean] = fig.data;
    expect(bars).toMatchObject({ type: "bar", x: [0, 1, 2, 3, 4], y: scores });
    expect(lower.y).toEqual([
      cv.mean.accuracy - cv.std.accuracy,
      cv.mean.accuracy - cv.std.accuracy,
    ]);
    expect(upper).toMatchObject({
      fill: "tonexty",
      y: [cv.mean.accuracy + cv.std.accuracy, cv.mean.accuracy + cv.std.accuracy],
    });
    expect(mean.y).toEqual([cv.mean.accuracy, cv.mean.accuracy]);
    expect(mean.x).toEqual([-0.5, 4.5]);
    expect((fig.layout.title as { text: string }).text).toBe(
      "accuracy over 5 folds: 0.9400 ± 0.0316 (std, ddof = 1)",
    );
  });

  it("marks failed folds and picks the metric asked for", async () => {
    const cv = await data.crossValidate(
      ({ fold }) => {
        if (fold === 1) throw new Error("boom");
        return { accuracy: 0.8 + 0.05 * fold, loss: 1 - fold / 10 };
      },
      new data.KFold(3),
      9,
    );
    const fig = foldScores(cv, { metric: "loss" });
    expect(fig.data[0].x).toEqual([0, 2]);
    expect(fig.data[0].y).toEqual([1, 0.8]);
    expect(fig.layout.annotations).toEqual([expect.objectContaining({ x: 1, text: "failed" })]);
    expect((fig.layout.title as { text: string }).text).toContain("; 1 failed");
    expect(() => foldScores(cv)).toThrow(
      /report 2 metrics, pass \{ metric \}: one of "accuracy", "loss"/,
    );
    expect(() => foldScores(cv, { metric: "acc" })).toThrow(
      /expected a metric the folds report \("accuracy", "loss"\), got "acc"/,
    );
  });

  it("a single fold has no std band and says why", async () => {
    const cv = await data.crossValidate(
      () => ({ accuracy: 0.9 }),
      new data.HoldOut({ seed: 0 }),
      8,
    );
    const fig = foldScores(cv);
    expect(fig.data.map((t) => t.type)).toEqual(["bar", "scatter"]);
    expect((fig.layout.title as { text: string }).text).toContain("std undefined for one fold");
  });
});
