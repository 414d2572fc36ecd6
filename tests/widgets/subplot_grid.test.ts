import { describe, expect, it } from "vitest";
import { subplotGrid } from "../../widgets/figures/subplot_grid";

describe("subplotGrid", () => {
  it("places n panels in reading order, cols per row, each axis anchored to its partner", () => {
    const grid = subplotGrid(5, { cols: 2, gap: [0, 0] });
    expect([grid.rows, grid.cols]).toEqual([3, 2]);
    expect(grid.cells.map((c) => c.xaxis)).toEqual(["x", "x2", "x3", "x4", "x5"]);
    // no gaps: columns [0, ½], [½, 1]; rows [⅔, 1], [⅓, ⅔], [0, ⅓]
    expect(grid.layout.xaxis).toMatchObject({ domain: [0, 0.5], anchor: "y" });
    expect(grid.layout.xaxis4).toMatchObject({ domain: [0.5, 1], anchor: "y4" });
    expect((grid.layout.yaxis5 as { domain: number[] }).domain[0]).toBeCloseTo(0, 12);
    expect((grid.layout.yaxis5 as { domain: number[] }).domain[1]).toBeCloseTo(1 / 3, 12);
    expect(grid.layout.yaxis3).toMatchObject({ anchor: "x3" });
  });

  it("titles each panel over its own x domain; with plotHeight, one annotation per line, stacked upwards", () => {
    const one = subplotGrid(2, { titles: ["a<br>b", "c"], titleColors: ["red"] });
    expect(one.layout.annotations).toMatchObject([
      { text: "a<br>b", xref: "x domain", yref: "y domain", y: 1, font: { color: "red" } },
      { text: "c", xref: "x2 domain", yref: "y2 domain", y: 1 },
    ]);
    const lines = subplotGrid(1, { titles: ["a<br>b"], plotHeight: 140 });
    const [a, b] = lines.layout.annotations as { text: string; y: number }[];
    expect([a.text, b.text]).toEqual(["a", "b"]);
    expect(b.y).toBe(1);
    expect(a.y).toBeCloseTo(1 + 14 / 140, 12); // 14 px above, in units of the panel's height
  });

  it("makes image panels bare, row 0 on top, with square pixels", () => {
    const grid = subplotGrid(2, { image: true });
    expect(grid.layout.yaxis2).toMatchObject({
      autorange: "reversed",
      scaleanchor: "x2",
      showticklabels: false,
    });
    expect(grid.layout.xaxis).toMatchObject({ showgrid: false, zeroline: false });
  });

  it("refuses a grid without panels", () => {
    expect(() => subplotGrid(0)).toThrow(/expected a positive number of panels, got 0/);
    expect(() => subplotGrid(3, { cols: 0 })).toThrow(/cols must be a positive integer, got 0/);
  });
});
