import { describe, expect, it } from "vitest";
import { Generator, tune } from "../../src";
import { gridVsRandom } from "../../widgets/figures/grid_vs_random";

const space = { lr: tune.logUniform(1e-4, 1), beta1: tune.oneMinusLogUniform(0.9, 0.999) };

describe("gridVsRandom", () => {
  it("25 trials: the grid gives 5 distinct values per hyperparameter, random gives 25, and the titles say so", () => {
    const fig = gridVsRandom(space, { nTrials: 25, seed: 0 });
    expect(fig.grid).toHaveLength(25);
    expect(fig.random).toHaveLength(25);
    expect(fig.distinct).toEqual({ grid: { lr: 5, beta1: 5 }, random: { lr: 25, beta1: 25 } });
    expect([...new Set(fig.grid.map((p) => p.lr))]).toEqual([1e-4, 1e-3, 1e-2, 0.1, 1]); // gridSearch's log grid
    const g = new Generator(0);
    expect(fig.random).toEqual(Array.from({ length: 25 }, () => tune.sampleSpace(space, g)));
    const notes = (fig.layout.annotations as { text: string }[]).map((a) => a.text);
    expect(notes).toContain("5 distinct lr, 5 distinct beta1");
    expect(notes).toContain("25 distinct lr, 25 distinct beta1");
    expect(String((fig.layout.title as { text: string }).text)).toContain(
      "5 distinct values on the grid, 25 at random",
    );
  });

  it("draws each layout with its projections: α on a log axis, β as 1 − β on a reversed log axis", () => {
    const fig = gridVsRandom(space, { nTrials: 9 });
    expect(fig.data).toHaveLength(6); // layout, x projection, y projection; twice
    const [layout, xRug, yRug] = fig.data;
    expect(layout.x).toEqual(fig.grid.map((p) => p.lr));
    expect(layout.y).toEqual(fig.grid.map((p) => 1 - (p.beta1 as number)));
    expect(xRug.x).toEqual(layout.x);
    expect(yRug.y).toEqual(layout.y);
    expect(new Set(xRug.x as number[]).size).toBe(3);
    expect(new Set(fig.data[4].x as number[]).size).toBe(9);
    expect(fig.layout.xaxis2).toMatchObject({ type: "log" });
    const y3 = fig.layout.yaxis3 as { type: string; range: number[] };
    expect(y3.type).toBe("log");
    expect(y3.range[0]).toBeGreaterThan(y3.range[1]); // from 1 − 0.9 down to 1 − 0.999: β grows upwards
  });

  it("defaults to lecture 002's important/unimportant uniform pair, options first", () => {
    const fig = gridVsRandom({ nTrials: 16, seed: 2 });
    expect(fig.distinct).toEqual({
      grid: { important: 4, unimportant: 4 },
      random: { important: 16, unimportant: 16 },
    });
  });

  it("refuses a non-square count or a space that is not two distributions", () => {
    expect(() => gridVsRandom(space, { nTrials: 24 })).toThrow(
      /nTrials must be a square k².*got 24; try 25/,
    );
    expect(() => gridVsRandom({ lr: space.lr })).toThrow(
      /expected a space of 2 distributions.*got 1 entries \(lr\)/,
    );
    expect(() => gridVsRandom({ lr: space.lr, wd: 0.1 } as unknown as tune.Space)).toThrow(
      /not distributions: wd/,
    );
  });
});
