import { describe, expect, it } from "vitest";
import { placeOperands } from "../../../src/tensor/kernels/gemm_operands";
import { float32Resident, heapF32, placedAt } from "../../../src/tensor/kernels/wasm_memory";

describe("placeOperands", () => {
  it("uses a resident operand where it is and copies the others into the kernels' memory", () => {
    const w = float32Resident(12)!;
    w.set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const x = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const c = new Float32Array(8);
    const p = placeOperands(
      { array: x, offset: 2, size: 4 },
      { array: w, offset: 4, size: 8 },
      { array: c, offset: 0, size: 8 },
      false,
    );
    expect(p.b).toBe(placedAt(w)! + 16); // in place, from element 4
    const heap = heapF32();
    expect(Array.from(heap.subarray(p.a / 4, p.a / 4 + 4))).toEqual([3, 4, 5, 6]); // a copy
    heap.set([9, 8, 7, 6, 5, 4, 3, 2], p.c / 4); // what a kernel would write
    p.finish();
    expect(Array.from(c)).toEqual([9, 8, 7, 6, 5, 4, 3, 2]); // copied out
  });

  it("writes a resident C in place, unless it lies over A or B", () => {
    const r = float32Resident(20)!;
    const x = new Float32Array(4);
    const inPlace = placeOperands(
      { array: x, offset: 0, size: 4 },
      { array: r, offset: 0, size: 8 },
      { array: r, offset: 8, size: 8 }, // after B: apart
      false,
    );
    expect(inPlace.c).toBe(placedAt(r)! + 32);
    const over = placeOperands(
      { array: x, offset: 0, size: 4 },
      { array: r, offset: 0, size: 8 },
      { array: r, offset: 4, size: 8 }, // over B's last four
      true,
    );
    expect(over.c).not.toBe(placedAt(r)! + 16);
    r.fill(0);
    heapF32().set([1, 1, 1, 1, 1, 1, 1, 1], over.c / 4);
    over.finish();
    expect(Array.from(r.subarray(4, 12))).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  });
});
