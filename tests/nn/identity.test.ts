import { describe, expect, it } from "vitest";
import { randn } from "../../src";
import { Identity } from "../../src/nn/identity";

describe("Identity", () => {
  it("returns its input unchanged and has no parameters", () => {
    const x = randn([2, 3]);
    expect(new Identity().forward(x)).toBe(x);
    expect(new Identity().parameters()).toEqual([]);
  });
});
