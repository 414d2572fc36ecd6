import { describe, expect, it } from "vitest";
import { activationFigure } from "../../widgets/figures/activation_figure";
import { expectCloseArray } from "./fixtures";

const xs = [-4, -3, -2, -1, 0, 1, 2, 3, 4];
const sigma = (x: number) => 1 / (1 + Math.exp(-x));

describe("activationFigure", () => {
  it("draws each activation left and its autodiff derivative right, equal to the analytic derivative", () => {
    const fig = activationFigure(undefined, { range: [-4, 4], points: 9 });
    const names = [
      "sigmoid",
      "tanh",
      "ReLU",
      "Leaky ReLU (α = 0.1)",
      "PReLU (a = 0.25)",
      "ELU (α = 1)",
    ];
    expect(fig.data.map((t) => t.name)).toEqual(names.flatMap((n) => [n, n]));
    const analytic: [(x: number) => number, (x: number) => number][] = [
      [sigma, (x) => sigma(x) * (1 - sigma(x))], // σ′ = σ(1 − σ)
      [Math.tanh, (x) => 1 - Math.tanh(x) ** 2], // tanh′ = 1 − tanh²
      [(x) => Math.max(0, x), (x) => (x > 0 ? 1 : 0)], // ReLU′ = [x > 0], 0 at 0 as PyTorch
      [(x) => (x > 0 ? x : 0.1 * x), (x) => (x > 0 ? 1 : 0.1)],
      [(x) => (x > 0 ? x : 0.25 * x), (x) => (x > 0 ? 1 : 0.25)],
      [(x) => (x > 0 ? x : Math.expm1(x)), (x) => (x > 0 ? 1 : Math.exp(x))], // ELU′ = eˣ for x ≤ 0
    ];
    analytic.forEach(([f, df], i) => {
      const [value, slope] = [fig.data[2 * i], fig.data[2 * i + 1]];
      expectCloseArray(value.x, xs, 1e-12);
      expectCloseArray(value.y, xs.map(f), 1e-12);
      expectCloseArray(slope.y, xs.map(df), 1e-12);
      expect([value.xaxis, slope.xaxis]).toEqual(["x", "x2"]);
      expect(slope.showlegend).toBe(false);
      expect(slope.legendgroup).toBe(value.legendgroup);
    });
    const titles = (fig.layout.annotations as { text: string }[]).map((a) => a.text);
    expect(titles).toEqual(["f(x)", "f′(x), by nnlab's autodiff"]);
  });

  it("differentiates a function of your own (softplus, whose derivative is σ)", () => {
    const fig = activationFigure([{ name: "softplus", fn: (x) => x.exp().add(1).log() }], {
      range: [-4, 4],
      points: 9,
    });
    expectCloseArray(
      fig.data[0].y,
      xs.map((x) => Math.log1p(Math.exp(x))),
      1e-12,
    );
    expectCloseArray(fig.data[1].y, xs.map(sigma), 1e-12);
  });

  it("takes the slopes from the options", () => {
    const fig = activationFigure(["leakyRelu", "elu"], {
      range: [-2, 0],
      points: 2,
      negativeSlope: 0.3,
      eluAlpha: 2,
    });
    expectCloseArray(fig.data[1].y, [0.3, 0.3], 1e-12);
    expectCloseArray(fig.data[2].y, [2 * Math.expm1(-2), 0], 1e-12);
    expectCloseArray(fig.data[3].y, [2 * Math.exp(-2), 2], 1e-12); // ELU′ = αeˣ for x ≤ 0
  });

  it("names what it expected and what it got on bad input", () => {
    expect(() => activationFigure(["swish" as never])).toThrow(
      /unknown activation "swish"; expected one of sigmoid, tanh, relu, leakyRelu, prelu, elu/,
    );
    expect(() => activationFigure([])).toThrow(/expected at least one activation, got none/);
    expect(() => activationFigure(["relu"], { range: [1, -1] })).toThrow(
      /range must be \[low, high\] with low < high, got \[1,-1\]/,
    );
    expect(() => activationFigure(["relu"], { points: 1 })).toThrow(
      /points must be an integer ≥ 2, got 1/,
    );
    expect(() => activationFigure([{ name: "sum", fn: (x) => x.sum() }], { points: 5 })).toThrow(
      /sum must map \[5\] to \[5\] elementwise, got \[\]/,
    );
  });
});
