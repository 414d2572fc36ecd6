import { expect } from "vitest";
import type { Tensor } from "../../src";

type Nested = number | Nested[];

/** Asserts every value of `actual` is within `tol` of `expected` (absolute, or relative for large values). */
export function expectClose(actual: Tensor | number, expected: Nested | Tensor, tol = 1e-9): void {
  const got = typeof actual === "number" ? [actual] : Array.from(actual.data);
  const want =
    typeof expected === "number"
      ? [expected]
      : Array.isArray(expected)
        ? (expected.flat(Infinity as 1) as number[])
        : Array.from(expected.data);
  expect(got.length, "number of elements").toBe(want.length);
  got.forEach((g, i) => {
    const w = want[i];
    const ok = Math.abs(g - w) <= tol * Math.max(1, Math.abs(w));
    if (!ok) expect.fail(`element ${i}: expected ${w} ± ${tol}, got ${g} (all: ${got.join(", ")})`);
  });
}

/** Asserts the shape of a tensor. */
export function expectShape(t: Tensor, shape: number[]): void {
  expect([...t.shape]).toEqual(shape);
}
