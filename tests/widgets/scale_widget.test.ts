import { describe, expect, it } from "vitest";
import { Generator, tune } from "../../src";
import { binCounts, decadeEdges, decadeShares } from "../../widgets/figures/binning";
import { scaleWidget } from "../../widgets/figures/scale_widget";

const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);

describe("scaleWidget", () => {
  it("logUniform(1e-4, 1): per-decade counts add up to n and match a direct count of the same draws", () => {
    const fig = scaleWidget(tune.logUniform(1e-4, 1), { n: 4000, seed: 3 });
    const g = new Generator(3);
    const direct = Array.from({ length: 4000 }, () => tune.logUniform(1e-4, 1).sample(g));
    expect(fig.samples).toEqual(direct); // the draws are new Generator(seed)'s
    const counts = [-4, -3, -2, -1].map(
      (e) =>
        direct.filter((v) => v >= 10 ** e && v < 10 ** (e + 1)).length +
        (e === -1 ? direct.filter((v) => v === 1).length : 0),
    );
    const decades = fig.decades!;
    expect(decades.map((d) => [d.lo, d.hi])).toEqual([
      [1e-4, 1e-3],
      [1e-3, 1e-2],
      [1e-2, 0.1],
      [0.1, 1],
    ]);
    expect(decades.map((d) => d.count)).toEqual(counts);
    expect(sum(decades.map((d) => d.count))).toBe(4000);
    for (const d of decades) {
      expect(d.expected).toBeCloseTo(0.25, 12);
      expect(Math.abs(d.share - 0.25)).toBeLessThan(0.03); // lecture 001: each decade gets the same share
    }
    const notes = (fig.layout.annotations as { text: string }[]).map((a) => a.text);
    for (const d of decades) expect(notes).toContain(`${(100 * d.share).toFixed(1)}%`);
    // the dotted decade dividers on the log panel: plotly places shapes on a log axis by value
    const lines = fig.layout.shapes as { xref: string; x0: number; x1: number }[];
    expect(lines.map((l) => [l.xref, l.x0, l.x1])).toEqual([
      ["x2", 1e-3, 1e-3],
      ["x2", 1e-2, 1e-2],
      ["x2", 0.1, 0.1],
    ]);
  });

  it("draws α on a linear axis beside a log axis, with uniform(lo, hi) from the same seed putting ~90% in [0.1, 1]", () => {
    const fig = scaleWidget(tune.logUniform(1e-4, 1), { n: 2000, seed: 0, bins: 20 });
    expect(fig.data.map((t) => [t.type, t.xaxis, t.name])).toEqual([
      ["bar", "x", "logUniform(0.0001, 1)"],
      ["bar", "x", "uniform(0.0001, 1)"],
      ["scatter", "x2", "logUniform(0.0001, 1)"],
      ["scatter", "x2", "uniform(0.0001, 1)"],
    ]);
    expect(fig.layout.xaxis2).toMatchObject({ type: "log" });
    expect((fig.layout.xaxis as { type?: string }).type).toBeUndefined();
    const linear = fig.data[1].customdata as number[];
    expect(sum(linear)).toBe(2000);
    const g = new Generator(0);
    const u = Array.from({ length: 2000 }, () => tune.uniform(1e-4, 1).sample(g));
    const top = u.filter((v) => v >= 0.1).length / 2000;
    expect(Math.abs(top - 0.9)).toBeLessThan(0.03);
    const title = (fig.layout.annotations as { text: string }[])[0].text;
    expect(title).toContain(`puts ${Number((100 * top).toFixed(1))}% in [0.1, 1]`);
    // bars are fractions of the draws: they sum to 1 on each panel
    expect(sum(fig.data[0].y as number[])).toBeCloseTo(1, 12);
  });

  it("oneMinusLogUniform(0.9, 0.999): 1 − β and the window 1/(1 − β) are exact transforms of the draws", () => {
    const fig = scaleWidget(tune.oneMinusLogUniform(0.9, 0.999), { n: 3000, seed: 1 });
    const beta = fig.samples as number[];
    const oneMinus = beta.map((b) => 1 - b);
    expect(fig.data.map((t) => t.xaxis)).toEqual(["x", "x", "x2", "x3"]);
    const round = (axis: unknown) =>
      (axis as { range: number[] }).range.map((v) => Number(v.toFixed(9)));
    expect(fig.layout.xaxis2).toMatchObject({ type: "log" });
    expect(round(fig.layout.xaxis2)).toEqual([-1, -3]); // log₁₀(1 − β) from 0.9 to 0.999, reversed: β grows →
    expect(fig.layout.xaxis3).toMatchObject({ type: "log" });
    expect(round(fig.layout.xaxis3)).toEqual([1, 3]); // windows 10 … 1000
    // the step outlines hold the counts of the transformed draws in their bins
    const edges1 = [...new Set(fig.data[2].x as number[])];
    const counts1 = (fig.data[2].customdata as number[]).filter((_, i) => i % 2 === 0);
    expect(counts1).toEqual(binCounts(oneMinus, edges1));
    const edges2 = [...new Set(fig.data[3].x as number[])];
    const counts2 = (fig.data[3].customdata as number[]).filter((_, i) => i % 2 === 0);
    expect(counts2).toEqual(
      binCounts(
        oneMinus.map((x) => 1 / x),
        edges2,
      ),
    );
    expect(edges2[0]).toBeCloseTo(10, 9);
    expect(edges2.at(-1)).toBeCloseTo(1000, 9);
    // half of the draws on each side of β = 0.99; a uniform β puts 91% below it
    const d = fig.decades!;
    expect(sum(d.map((x) => x.count))).toBe(3000);
    expect(d.map((x) => x.count)).toEqual([
      oneMinus.filter((x) => x < 0.01).length,
      oneMinus.filter((x) => x >= 0.01).length,
    ]);
    const titles = (fig.layout.annotations as { text: string }[]).map((a) => a.text);
    expect(titles.join(" ")).toContain("β 0.9 → 0.9005: 10 → 10.05");
    expect(titles.join(" ")).toContain("β 0.999 → 0.9995: 1000 → 2000");
  });

  it("choice and intUniform: one bar per value with the expected level 1/m; uniform: equal bins", () => {
    const c = scaleWidget(tune.choice(["sgd", "adam", "rmsprop"]), { n: 900, seed: 0 });
    expect(c.layout.xaxis).toMatchObject({ ticktext: ["sgd", "adam", "rmsprop"] });
    const counts = c.data[0].customdata as number[];
    expect(counts).toEqual(
      ["sgd", "adam", "rmsprop"].map((o) => c.samples.filter((s) => s === o).length),
    );
    expect(c.data[1].y).toEqual([1 / 3, 1 / 3]);
    const i = scaleWidget(tune.intUniform(16, 128, { q: 16 }), { n: 800 });
    expect(i.layout.xaxis).toMatchObject({
      ticktext: ["16", "32", "48", "64", "80", "96", "112", "128"],
    });
    expect(sum(i.data[0].customdata as number[])).toBe(800);
    const u = scaleWidget(tune.uniform(0, 0.5), { n: 500, bins: 10 });
    expect((u.data[0].x as number[]).length).toBe(10);
    expect(u.data[1].y).toEqual([0.1, 0.1]);
  });

  it("decade edges cut at the powers of ten inside the range", () => {
    expect(decadeEdges(3e-5, 0.3)).toEqual([3e-5, 1e-4, 1e-3, 1e-2, 0.1, 0.3]);
    const shares = decadeShares([2e-4, 5e-3, 0.05, 0.2, 0.3], 1e-4, 1);
    expect(shares.map((s) => s.count)).toEqual([1, 1, 1, 2]);
  });

  it("refuses what it cannot draw, naming expected and got", () => {
    expect(() => scaleWidget(tune.logUniform(1e-4, 1), { n: 0 })).toThrow(
      /n must be a positive integer, got 0/,
    );
    expect(() => scaleWidget({} as tune.Distribution)).toThrow(
      /expected a distribution .* got \[object Object\]/,
    );
    expect(() => scaleWidget(tune.uniform(0, 1), { seed: 0.5 })).toThrow(
      /seed must be an integer, got 0.5/,
    );
  });
});
