import { describe, expect, it } from "vitest";
import { arange, randn } from "../../src";
import { Flatten } from "../../src/nn/flatten";
import { expectShape } from "../helpers/close";

describe("Flatten", () => {
  it("keeps the batch axis by default: [N, 1, 28, 28] → [N, 784], values in row-major order", () => {
    expectShape(new Flatten().forward(randn([5, 1, 28, 28])), [5, 784]);
    const x = arange(24).reshape(2, 3, 4);
    expect(Array.from(new Flatten().forward(x).data)).toEqual(Array.from(x.data));
  });

  it("merges startDim…endDim only", () => {
    expectShape(new Flatten(0, 1).forward(randn([2, 3, 4])), [6, 4]);
    expectShape(new Flatten(1, 2).forward(randn([2, 3, 4, 5])), [2, 12, 5]);
    expectShape(new Flatten(-2).forward(randn([2, 3, 4])), [2, 12]);
  });

  it("passes the gradient back in the input's shape", () => {
    const x = randn([2, 3, 2], { requiresGrad: true });
    new Flatten().forward(x).sum().backward();
    expectShape(x.grad!, [2, 3, 2]);
  });

  it("explains a missing batch axis", () => {
    expect(() => new Flatten().forward(randn([784]))).toThrow(
      "Flatten(1, -1): cannot merge axes 1…-1 of a 1-d input [784]; a single sample needs a batch axis: x.unsqueeze(0)",
    );
    expect(() => new Flatten(2, 1).forward(randn([2, 3, 4]))).toThrow(
      "Flatten(2, 1): cannot merge axes 2…1 of a 3-d input [2, 3, 4]",
    );
  });
});
