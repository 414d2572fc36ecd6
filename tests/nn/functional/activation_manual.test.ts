import { describe, expect, it } from "vitest";
import { Generator, Tensor, gradcheck, randn, tensor } from "../../../src";
import { record } from "../../../src/autograd/function";
import {
  type ActivationCache,
  reluBackward,
  reluForward,
  sigmoidBackward,
  sigmoidForward,
  tanhBackward,
  tanhForward,
} from "../../../src/nn/functional/activation_manual";
import { expectClose } from "../../helpers/close";

type Pair = {
  name: string;
  forward: (x: Tensor) => { out: Tensor; cache: ActivationCache };
  backward: (dout: Tensor, cache: ActivationCache) => { dx: Tensor };
  autodiff: (x: Tensor) => Tensor;
};
const pairs: Pair[] = [
  {
    name: "sigmoid",
    forward: sigmoidForward,
    backward: sigmoidBackward,
    autodiff: (x) => x.sigmoid(),
  },
  { name: "tanh", forward: tanhForward, backward: tanhBackward, autodiff: (x) => x.tanh() },
  { name: "relu", forward: reluForward, backward: reluBackward, autodiff: (x) => x.relu() },
];

describe("activation forward / backward by hand", () => {
  const g = new Generator(2);
  const x = randn([3, 4], { generator: g }); // no exact zeros: ReLU's kink is not hit
  const dout = randn([3, 4], { generator: g });

  for (const { name, forward, backward, autodiff } of pairs) {
    it(`${name}: forward and backward agree with the tensor op and backward()`, () => {
      const xa = x.detach();
      xa.requiresGrad = true;
      const y = autodiff(xa);
      y.backward(dout);
      const { out, cache } = forward(x);
      expectClose(out, y, 1e-15);
      expectClose(backward(dout, cache).dx, xa.grad!, 1e-15);
    });

    it(`${name}: passes gradcheck`, () => {
      const op = (x: Tensor): Tensor => {
        const { out, cache } = forward(x);
        return record(out, `${name}ManualBackward`, [x], (g) => [backward(g, cache).dx]);
      };
      expect(gradcheck(op, [x]).ok).toBe(true);
    });
  }

  it("follows the derivatives of lecture 004 by hand", () => {
    const z = tensor([-1, 0.5, 2]);
    const ones = tensor([1, 1, 1]);
    const s = sigmoidForward(z);
    expectClose(sigmoidBackward(ones, s.cache).dx, s.out.mul(s.out.neg().add(1)), 0); // σ(1 − σ)
    const t = tanhForward(z);
    expectClose(tanhBackward(ones, t.cache).dx, t.out.mul(t.out).neg().add(1), 0); // 1 − tanh²
    expectClose(reluBackward(ones, reluForward(z).cache).dx, [0, 1, 1]); // [z > 0]
  });
});
