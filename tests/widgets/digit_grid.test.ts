import { describe, expect, it } from "vitest";
import { Generator, rand, tensor } from "../../src";
import { digitGrid } from "../../widgets/figures/digit_grid";

const images = (n: number, shape: number[]) => rand([n, ...shape], { generator: new Generator(0) });

describe("digitGrid", () => {
  it("draws N images as N heatmap panels titled with label and prediction, the wrong ones in red", () => {
    const x = images(3, [28, 28]);
    const fig = digitGrid(x, { labels: [7, 2, 1], predictions: tensor([7, 3, 1]), cols: 2 });
    expect(fig.data).toHaveLength(3);
    expect(fig.data.every((t) => t.type === "heatmap" && t.showscale === false)).toBe(true);
    expect(fig.data.map((t) => t.xaxis)).toEqual(["x", "x2", "x3"]);
    const notes = fig.layout.annotations as { text: string; font: { color?: string } }[];
    expect(notes.map((a) => a.text)).toEqual([
      "true 7 · pred 7",
      "true 2 · pred 3",
      "true 1 · pred 1",
    ]);
    expect(notes.map((a) => a.font.color)).toEqual(["#444", "#d62728", "#444"]);
    const z = fig.data[1].z as number[][];
    expect(z).toHaveLength(28);
    expect(z[5][9]).toBe(x.get(1, 5, 9)); // z[row][column] = image[row, column]
    expect(fig.layout.yaxis3).toMatchObject({ autorange: "reversed", scaleanchor: "x3" });
    // cols 2: image 3 starts the second row
    const dom = (k: string) => (fig.layout[k] as { domain: number[] }).domain;
    expect(dom("xaxis3")).toEqual(dom("xaxis"));
    expect(dom("yaxis3")[1]).toBeLessThan(dom("yaxis")[0]);
  });

  it("reads flattened [N, 784] and [N, 1, 28, 28] images as 28 × 28, ink dark on one shared grey scale", () => {
    const flat = images(2, [784]);
    const fig = digitGrid(flat);
    expect((fig.data[0].z as number[][])[27][27]).toBe(flat.get(0, 783));
    expect(fig.data[0]).toMatchObject({ colorscale: "Greys", reversescale: true });
    expect(fig.data[0].zmin).toBe(fig.data[1].zmin);
    expect(fig.layout.annotations).toEqual([]); // no labels: no titles
    expect(digitGrid(images(4, [1, 28, 28])).data).toHaveLength(4);
  });

  it("explains what it expected when the input is wrong", () => {
    expect(() => digitGrid(images(2, [28, 27]))).toThrow(
      /expected images \[N, 28, 28\], \[N, 1, 28, 28\] or \[N, 784\] \(square, N ≥ 1\), got \[2, 28, 27\]/,
    );
    expect(() => digitGrid(images(2, [780]))).toThrow(/got \[2, 780\]/);
    expect(() => digitGrid(images(2, [784]), { labels: [1, 2, 3] })).toThrow(
      /expected labels of shape \[2\] \(one per image\), got 3 values/,
    );
    expect(() => digitGrid(images(2, [784]), { predictions: tensor([[1, 2]]) })).toThrow(
      /predictions must be a \[N\] tensor of class indices, got \[1, 2\]/,
    );
  });
});
