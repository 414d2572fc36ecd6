import { describe, expect, it } from "vitest";
import {
  Generator,
  type Tensor,
  concat,
  gradcheck,
  oneHot,
  randn,
  rand,
  stack,
  tensor,
  where,
} from "../../src";

/**
 * Every differentiable op, checked against central differences (gradcheck, float64).
 * Inputs are seeded; positive inputs where the op needs them (log, sqrt, pow), and
 * values kept away from kinks (relu, abs, max) so differences are well-defined.
 */
const g = new Generator(7);
const n = (shape: number[]) => randn(shape, { generator: g, requiresGrad: true });
/** Marks a fresh tensor as a leaf that requires grad. */
const leaf = (t: Tensor): Tensor => {
  t.requiresGrad = true;
  return t;
};
const pos = (shape: number[]) => leaf(rand(shape, { generator: g }).add(0.5));
const awayFromZero = (shape: number[]) => {
  const t = randn(shape, { generator: g });
  return leaf(t.add(t.sign().mul(0.1)));
};

type Case = [string, (...xs: Tensor[]) => Tensor, () => Tensor[]];

const cases: Case[] = [
  ["add with broadcasting [3,4] + [4]", (a, b) => a.add(b), () => [n([3, 4]), n([4])]],
  ["sub with broadcasting [3,1] − [1,4]", (a, b) => a.sub(b), () => [n([3, 1]), n([1, 4])]],
  ["mul with broadcasting [2,3,4] · [3,1]", (a, b) => a.mul(b), () => [n([2, 3, 4]), n([3, 1])]],
  ["div", (a, b) => a.div(b), () => [n([3, 4]), pos([3, 4])]],
  ["div by a scalar", (a) => a.div(3), () => [n([5])]],
  ["pow with a tensor exponent", (a, b) => a.pow(b), () => [pos([3, 2]), n([3, 2])]],
  ["pow with a number exponent", (a) => a.pow(3), () => [n([4])]],
  ["neg", (a) => a.neg(), () => [n([3])]],
  ["exp", (a) => a.exp(), () => [n([2, 3])]],
  ["log", (a) => a.log(), () => [pos([2, 3])]],
  ["sqrt", (a) => a.sqrt(), () => [pos([2, 3])]],
  ["abs", (a) => a.abs(), () => [awayFromZero([2, 3])]],
  ["maximum", (a, b) => a.maximum(b), () => [awayFromZero([3, 3]), n([3])]],
  ["minimum", (a, b) => a.minimum(b), () => [awayFromZero([3, 3]), n([3])]],
  ["clamp", (a) => a.clamp(-0.5, 0.5), () => [awayFromZero([4, 4])]],
  ["where", (a, b) => where(a.gt(0), a, b), () => [awayFromZero([3, 4]), n([4])]],
  ["sigmoid", (a) => a.sigmoid(), () => [n([3, 4])]],
  ["tanh", (a) => a.tanh(), () => [n([3, 4])]],
  ["relu", (a) => a.relu(), () => [awayFromZero([3, 4])]],
  ["leakyRelu", (a) => a.leakyRelu(0.1), () => [awayFromZero([3, 4])]],
  ["elu", (a) => a.elu(1.5), () => [awayFromZero([3, 4])]],
  ["softmax over the last axis", (a) => a.softmax(), () => [n([3, 5])]],
  ["softmax over axis 0", (a) => a.softmax(0), () => [n([3, 5])]],
  ["logSoftmax", (a) => a.logSoftmax(-1), () => [n([4, 3])]],
  ["sum of everything", (a) => a.sum(), () => [n([3, 4])]],
  ["sum over an axis with keepDims", (a) => a.sum(1, { keepDims: true }), () => [n([3, 4])]],
  ["sum over two axes", (a) => a.sum([0, 2]), () => [n([2, 3, 4])]],
  ["mean over axis 0", (a) => a.mean(0), () => [n([3, 4])]],
  ["var (unbiased) over axis 1", (a) => a.var(1), () => [n([3, 4])]],
  ["var (biased, as BatchNorm)", (a) => a.var(0, { correction: 0 }), () => [n([5, 2])]],
  ["max over an axis", (a) => a.max(1), () => [n([3, 4])]],
  ["min of everything", (a) => a.min(), () => [n([3, 4])]],
  ["matmul 2-D", (a, b) => a.matmul(b), () => [n([3, 4]), n([4, 2])]],
  ["matmul matrix · vector", (a, b) => a.matmul(b), () => [n([3, 4]), n([4])]],
  ["matmul vector · vector", (a, b) => a.matmul(b), () => [n([4]), n([4])]],
  ["matmul batched with broadcasting", (a, b) => a.matmul(b), () => [n([2, 3, 4]), n([4, 5])]],
  ["transpose .T", (a) => a.T.mul(tensor([1, 2])), () => [n([2, 3])]],
  ["permute", (a) => a.permute(2, 0, 1), () => [n([2, 3, 4])]],
  ["reshape", (a) => a.reshape(4, -1), () => [n([2, 6])]],
  ["flatten", (a) => a.flatten(1), () => [n([2, 3, 2])]],
  ["unsqueeze and expand", (a) => a.unsqueeze(0).expand(3, 4), () => [n([4])]],
  ["slice rows with a step", (a) => a.slice(0, 1, 5, 2), () => [n([6, 2])]],
  ["select a column", (a) => a.select(1, 1), () => [n([3, 4])]],
  ["indexSelect with repeats", (a) => a.indexSelect(0, [2, 0, 2]), () => [n([3, 2])]],
  ["gather p[y] per row", (a) => a.gather(1, tensor([[2], [0], [1]])), () => [n([3, 4])]],
  ["concat along axis 1", (a, b) => concat([a, b], 1), () => [n([2, 3]), n([2, 2])]],
  ["stack", (a, b) => stack([a, b], 1), () => [n([3]), n([3])]],
  [
    "cross-entropy from logits, composed",
    (a) =>
      a
        .logSoftmax()
        .mul(oneHot([1, 0, 2], 3))
        .sum()
        .neg(),
    () => [n([3, 3])],
  ],
];

describe("gradients of every op agree with central differences", () => {
  for (const [name, fn, inputs] of cases) {
    it(`${name}`, () => {
      const result = gradcheck(fn, inputs());
      expect(result.ok).toBe(true);
      for (const r of result.inputs) expect(r.maxRelError).toBeLessThan(1e-5);
    });
  }
});
