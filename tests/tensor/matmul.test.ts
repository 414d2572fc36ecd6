import { describe, expect, it } from "vitest";
import { randn, tensor, Generator } from "../../src";
import { expectClose, expectShape } from "../helpers/close";

describe("matmul", () => {
  it("multiplies 2-D matrices: [[1,2],[3,4]]·[[5],[6]] = [[1·5+2·6],[3·5+4·6]] = [[17],[39]]", () => {
    const c = tensor([
      [1, 2],
      [3, 4],
    ]).matmul(tensor([[5], [6]]));
    expectShape(c, [2, 1]);
    expectClose(c, [17, 39]);
  });

  it("treats 1-D operands as vectors and drops their axis", () => {
    const A = tensor([
      [1, 2],
      [3, 4],
    ]);
    const v = tensor([1, 1]);
    expectClose(A.matmul(v), [3, 7]);
    expectShape(A.matmul(v), [2]);
    expectClose(v.matmul(A), [4, 6]);
    expectClose(v.matmul(v), 2);
    expectShape(v.matmul(v), []);
  });

  it("broadcasts batch axes: [2,3,4]·[4,5] → [2,3,5], each batch item a matrix product", () => {
    const g = new Generator(1);
    const a = randn([2, 3, 4], { generator: g });
    const b = randn([4, 5], { generator: g });
    const c = a.matmul(b);
    expectShape(c, [2, 3, 5]);
    expectClose(c.select(0, 1), a.select(0, 1).matmul(b), 1e-12);
  });

  it("float32 in, float32 out", () => {
    const a = randn([3, 3], { dtype: "float32" });
    expect(a.matmul(a).dtype).toBe("float32");
  });

  it("explains an inner-dimension mismatch with both shapes", () => {
    expect(() => randn([3, 4]).matmul(randn([5, 2]))).toThrow(
      "matmul: cannot multiply [3, 4] by [5, 2]: inner dimensions 4 and 5 differ",
    );
  });

  it("refuses to mix float32 and float64 and says how to convert", () => {
    expect(() => randn([2, 2]).matmul(randn([2, 2], { dtype: "float32" }))).toThrow(
      'matmul: both operands must have the same dtype, got float64 [2, 2] and float32 [2, 2]; convert one with .to("float64")',
    );
  });
});
