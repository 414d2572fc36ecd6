import { describe, expect, it } from "vitest";
import { Generator, gradcheck, rand, randn } from "../../../src";
import { softmaxCrossEntropy } from "../../../src/nn/losses/softmax_cross_entropy";
import { expectClose } from "../../helpers/close";

describe("softmaxCrossEntropy", () => {
  it("gradchecks ∂z = g(p·Σt − t) and ∂t = −g log p on odd shapes", () => {
    for (const [N, C, seed] of [
      [1, 1, 1],
      [5, 3, 2],
      [7, 11, 3],
    ]) {
      const z = randn([N, C], { generator: new Generator(seed) });
      const t = rand([N, C], { generator: new Generator(seed + 10) }); // weighted, unnormalised rows
      z.requiresGrad = true;
      t.requiresGrad = true;
      expect(gradcheck((a, b) => softmaxCrossEntropy(a, b), [z, t]).ok).toBe(true);
    }
  });

  for (const dtype of ["float64", "float32"] as const) {
    it(`agrees with −(logSoftmax(z)·t).sum(1), values and ∂z (${dtype}, logits up to ±200)`, () => {
      const tol = dtype === "float64" ? 1e-12 : 1e-5;
      const results = [false, true].map((fused) => {
        const z = randn([64, 10], { generator: new Generator(4), dtype }).mul(60);
        z.requiresGrad = true;
        const t = rand([64, 10], { generator: new Generator(5), dtype });
        const loss = fused ? softmaxCrossEntropy(z, t) : z.logSoftmax(1).mul(t).sum(1).neg();
        loss
          .mul(randn([64], { generator: new Generator(6), dtype }))
          .sum()
          .backward();
        return [loss, z.grad!];
      });
      expectClose(results[1][0], results[0][0], tol);
      expectClose(results[1][1], results[0][1], tol);
    });
  }

  it("names both shapes when they differ", () => {
    expect(() => softmaxCrossEntropy(randn([4, 3]), randn([4, 2]))).toThrow(
      "softmaxCrossEntropy: expected logits [N, C] and targets of the same shape, got [4, 3] and [4, 2]",
    );
  });
});
