import { describe, expect, it } from "vitest";
import { DTYPES, allocate, allocateEmpty } from "../../src/tensor/dtype";

describe("allocateEmpty", () => {
  it("gives the array type and length of allocate, on its own buffer from offset 0", () => {
    for (const dtype of DTYPES) {
      for (const n of [0, 3, 1024, 5000]) {
        const a = allocateEmpty(dtype, n);
        expect(a.constructor).toBe(allocate(dtype, n).constructor);
        expect(a.length).toBe(n);
        expect(a.byteOffset).toBe(0);
        expect(a.buffer.byteLength).toBe(a.byteLength);
      }
    }
  });

  it("is zero-filled below 4 KiB, where it is allocate itself", () => {
    expect(Array.from(allocateEmpty("float64", 511)).every((v) => v === 0)).toBe(true);
  });

  it("gives arrays that do not share memory", () => {
    const a = allocateEmpty("float32", 4096);
    const b = allocateEmpty("float32", 4096);
    a.fill(1);
    b.fill(2);
    expect(a[4095]).toBe(1);
  });
});
