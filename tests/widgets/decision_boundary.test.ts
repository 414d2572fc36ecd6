import { describe, expect, it } from "vitest";
import { type Tensor, nn, noGrad, tensor } from "../../src";
import { decisionBoundary } from "../../widgets/figures/decision_boundary";
import { separable, tinyMlp } from "../train/fixtures";

/** z = w·x + b as an nn.Linear(2, 1) with hand-set weights. */
function linear(w: [number, number], b: number): nn.Linear {
  const layer = new nn.Linear(2, 1);
  noGrad(() => {
    layer.weight.assign(tensor([w]));
    layer.bias!.assign(tensor([b]));
  });
  return layer;
}

type Heatmap = { x: number[]; y: number[]; z: number[][] };

describe("decisionBoundary", () => {
  it("shades class 1 exactly where w·x + b > 0 for a hand-set linear model (a logit)", () => {
    const x = tensor([
      [-2, -1],
      [0, 3],
      [1.5, 0.5],
      [2, -2],
    ]);
    const y = tensor([0, 1, 1, 0], { dtype: "int32" });
    const [w, b] = [[1, 2] as [number, number], -0.5];
    const fig = decisionBoundary(linear(w, b), x, y, { resolution: 41, margin: 0.1 });
    const map = fig.data[0] as unknown as Heatmap;
    expect(fig.data[0].type).toBe("heatmap");
    // the grid: 41 points from min − 10% of the range to max + 10%
    expect(map.x[0]).toBeCloseTo(-2 - 0.4, 12);
    expect(map.x[40]).toBeCloseTo(2 + 0.4, 12);
    expect(map.y[0]).toBeCloseTo(-2 - 0.5, 12);
    expect(map.y[40]).toBeCloseTo(3 + 0.5, 12);
    expect(map.z).toHaveLength(41);
    let ones = 0;
    map.z.forEach((row, r) =>
      row.forEach((cls, c) => {
        const z = w[0] * map.x[c] + w[1] * map.y[r] + b;
        expect(cls).toBe(z > 0 ? 1 : 0);
        ones += cls;
      }),
    );
    expect(ones).toBeGreaterThan(0);
    expect(ones).toBeLessThan(41 * 41);
  });

  it("puts the data points on top, one trace per class, in the class colours", () => {
    const x = tensor([
      [0, 0],
      [1, 1],
      [2, 0],
    ]);
    const y = tensor([0, 1, 0], { dtype: "int32" });
    const fig = decisionBoundary(linear([1, 1], -1), x, y, {
      resolution: 5,
      labels: ["no", "yes"],
    });
    expect(fig.data.map((t) => [t.type, t.name])).toEqual([
      ["heatmap", "prediction"],
      ["scatter", "no"],
      ["scatter", "yes"],
    ]);
    expect(fig.data[1]).toMatchObject({ x: [0, 2], y: [0, 0], mode: "markers" });
    expect(fig.data[2]).toMatchObject({ x: [1], y: [1] });
    expect((fig.data[1].marker as { color: string }).color).toBe("#1f77b4");
    expect((fig.data[2].marker as { color: string }).color).toBe("#ff7f0e");
  });

  it("takes a probability output (p > ½) and can shade by p(class 1)", () => {
    const x = tensor([
      [-1, -1],
      [1, 1],
    ]);
    const y = tensor([0, 1], { dtype: "int32" });
    const model = (g: Tensor) => g.select(1, 0).sigmoid(); // p = σ(x₁), [M]
    const fig = decisionBoundary(model, x, y, { resolution: 9, output: "probability" });
    const map = fig.data[0] as unknown as Heatmap;
    map.z.forEach((row) => row.forEach((cls, c) => expect(cls).toBe(map.x[c] > 0 ? 1 : 0)));
    const soft = decisionBoundary(model, x, y, {
      resolution: 9,
      output: "probability",
      probability: true,
    });
    const p = soft.data[0] as unknown as Heatmap;
    expect(p.z[4][8]).toBeCloseTo(1 / (1 + Math.exp(-p.x[8])), 12);
    expect(soft.data[0]).toMatchObject({ zmin: 0, zmax: 1 });
  });

  it("takes the argmax of a multi-class model's outputs, and leaves the model in its mode", () => {
    const { x, y } = separable(40);
    const net = tinyMlp(0, { dropout: 0.5 });
    const fig = decisionBoundary(net, x, y, { resolution: 12 });
    const map = fig.data[0] as unknown as Heatmap;
    net.eval();
    const corner = noGrad(() => net.forward(tensor([[map.x[11], map.y[0]]])));
    expect(map.z[0][11]).toBe(corner.argmax(1).item());
    net.train();
    decisionBoundary(net, x, y, { resolution: 4 });
    expect(net.namedModules().every(([, m]) => m.training)).toBe(true); // back in training mode
  });

  it("explains what it expected when the input is wrong", () => {
    const model = linear([1, 1], 0);
    const x3 = tensor([[1, 2, 3]]);
    const x = tensor([
      [1, 2],
      [3, 4],
    ]);
    expect(() => decisionBoundary(model, x3, tensor([0]))).toThrow(
      /expected x of shape \[N, 2\] .* got a \[1, 3\] tensor/,
    );
    expect(() => decisionBoundary(model, x, tensor([0, 1, 1]))).toThrow(
      /expected y of shape \[2\] .* got a \[3\] tensor/,
    );
    expect(() => decisionBoundary(model, x, tensor([-1, 1]))).toThrow(/got -1 at 0; map ±1 labels/);
    expect(() =>
      decisionBoundary((g: Tensor) => g.reshape(9, 1, 2), x, tensor([0, 1]), { resolution: 3 }),
    ).toThrow(/map \[9, 2\] grid points to \[9\], \[9, 1\] or \[9, C\] outputs, got \[9, 1, 2\]/);
    expect(() => decisionBoundary(model, x, tensor([0, 1]), { resolution: 1 })).toThrow(
      /resolution must be an integer ≥ 2, got 1/,
    );
  });
});
