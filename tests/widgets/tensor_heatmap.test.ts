import { describe, expect, it } from "vitest";
import { arange, tensor, zeros } from "../../src";
import { tensorHeatmap } from "../../widgets/figures/tensor_heatmap";

describe("tensorHeatmap", () => {
  it("draws a 2-D tensor as one heatmap, z[row][column] = t[row, column], row 0 on top", () => {
    const t = tensor([
      [1, -2, 3],
      [-4, 5, -6],
    ]);
    const fig = tensorHeatmap(t, { title: "W" });
    expect(fig.data).toHaveLength(1);
    expect(fig.data[0]).toMatchObject({
      type: "heatmap",
      z: [
        [1, -2, 3],
        [-4, 5, -6],
      ],
      zmin: -6,
      zmax: 6, // signed values: symmetric around 0, diverging scale
      colorscale: "RdBu",
      texttemplate: "%{z:.2f}", // 6 cells: values written in
    });
    expect(String(fig.data[0].hovertemplate)).toContain("row %{y}, column %{x}: %{z:.4g}");
    expect(fig.layout.yaxis).toMatchObject({ autorange: "reversed" });
    expect(fig.layout.title).toEqual({ text: "W" });
  });

  it("draws a [C, H, W] stack as C panels sharing one colour range, one colour bar", () => {
    const t = arange(0, 2 * 3 * 3).reshape(2, 3, 3); // 0 … 17, non-negative
    const fig = tensorHeatmap(t, { names: ["filter a", "filter b"] });
    expect(fig.data).toHaveLength(2);
    expect(fig.data[1].z).toEqual([
      [9, 10, 11],
      [12, 13, 14],
      [15, 16, 17],
    ]);
    expect(fig.data.map((d) => [d.xaxis, d.yaxis, d.zmin, d.zmax, d.showscale])).toEqual([
      ["x", "y", 0, 17, true],
      ["x2", "y2", 0, 17, false],
    ]);
    expect(fig.data[0].colorscale).toBe("Viridis");
    const titles = (fig.layout.annotations as { text: string }[]).map((a) => a.text);
    expect(titles).toEqual(["filter a", "filter b"]);
  });

  it("refuses other ranks, naming the shape it got", () => {
    expect(() => tensorHeatmap(tensor([1, 2, 3]))).toThrow(
      /expected a 2-D \[H, W\] tensor or a 3-D \[C, H, W\] stack, got 1-D \[3\]/,
    );
    expect(() => tensorHeatmap(zeros([8, 1, 3, 3]))).toThrow(
      /got 4-D \[8, 1, 3, 3\]; for conv weights \[out, in, kH, kW\] pick an input channel \(w.select\(1, 0\)\)/,
    );
    expect(() => tensorHeatmap(zeros([2, 2, 2]), { names: ["a"] })).toThrow(/2 panels but 1 names/);
  });
});
