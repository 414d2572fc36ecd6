import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { arange, tensor } from "../../src";

describe("printing", () => {
  it("prints aligned columns (room for the sign) with 4 decimals, the shape and the dtype, like PyTorch", () => {
    const W = tensor([
      [0.25, 0.15],
      [0.25, -0.2],
    ]);
    expect(W.toString()).toBe(
      "tensor([[ 0.2500,  0.1500],\n" + "        [ 0.2500, -0.2000]], shape=[2, 2], dtype=float64)",
    );
  });

  it("prints whole numbers PyTorch-style and integers plainly", () => {
    expect(tensor([1, 2]).toString()).toBe("tensor([1., 2.], shape=[2], dtype=float64)");
    expect(arange(3).toString()).toBe("tensor([0, 1, 2], shape=[3], dtype=int32)");
  });

  it("marks tensors in the graph", () => {
    const w = tensor([1.5], { requiresGrad: true });
    expect(w.toString()).toContain("requiresGrad=true");
    expect(w.mul(2).toString()).toContain("gradFn=<MulBackward>");
  });

  it("summarises large tensors with ...", () => {
    const s = arange(2000).toString();
    expect(s).toBe("tensor([   0,    1,    2, ..., 1997, 1998, 1999], shape=[2000], dtype=int32)");
  });

  it("console.log and tslab show the same text (util.inspect)", () => {
    const t = tensor([0.5]);
    expect(inspect(t)).toBe(t.toString());
  });

  it("toLatex renders a bmatrix; vectors as columns, as the lectures write them", () => {
    expect(tensor([0.416, 0.4135]).toLatex()).toBe(
      "\\begin{bmatrix} 0.4160 \\\\ 0.4135 \\end{bmatrix}",
    );
    expect(
      tensor([
        [1, 2],
        [3, 4],
      ]).toLatex({ decimals: 1 }),
    ).toBe("\\begin{bmatrix} 1.0 & 2.0 \\\\ 3.0 & 4.0 \\end{bmatrix}");
    expect(tensor([1, 2]).toLatex({ column: false, decimals: 0 })).toBe(
      "\\begin{bmatrix} 1 & 2 \\end{bmatrix}",
    );
  });
});
