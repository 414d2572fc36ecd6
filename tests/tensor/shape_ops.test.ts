import { describe, expect, it } from "vitest";
import { arange, tensor } from "../../src";
import { expectClose, expectShape } from "../helpers/close";

describe("shape ops", () => {
  it("reshape infers one −1 and keeps row-major order", () => {
    const t = arange(6).reshape(2, -1);
    expectShape(t, [2, 3]);
    expect(t.toArray()).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expectShape(arange(6).reshape([3, 2]), [3, 2]);
  });

  it("reshape explains an impossible shape", () => {
    expect(() => arange(6).reshape(4, -1)).toThrow(
      "reshape: cannot view [6] (6 elements) as [4, -1]",
    );
  });

  it(".T transposes a matrix; transpose swaps the last two axes of a batch", () => {
    const W = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(W.T.toArray()).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    const b = arange(12).reshape(2, 2, 3);
    expectShape(b.transpose(), [2, 3, 2]);
    expect(b.transpose().select(0, 1).toArray()).toEqual([
      [6, 9],
      [7, 10],
      [8, 11],
    ]);
  });

  it("permute, flatten, squeeze and unsqueeze", () => {
    const x = arange(24).reshape(2, 3, 4);
    expectShape(x.permute(2, 0, 1), [4, 2, 3]);
    expect(x.permute(2, 0, 1).get(3, 1, 2)).toBe(x.get(1, 2, 3));
    expectShape(arange(6).reshape(1, 2, 1, 3).flatten(1), [1, 6]);
    expectShape(arange(6).reshape(1, 2, 1, 3).squeeze(), [2, 3]);
    expectShape(arange(3).unsqueeze(0), [1, 3]);
    expectShape(arange(3).unsqueeze(-1), [3, 1]);
  });

  it("expand repeats size-1 axes", () => {
    expectClose(tensor([[1], [2]]).expand(2, 3), [1, 1, 1, 2, 2, 2]);
    expect(() => tensor([1, 2]).expand(3)).toThrow(/expand: cannot broadcast \[2\]/);
  });
});
