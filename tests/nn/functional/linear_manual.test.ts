import { describe, expect, it } from "vitest";
import { Generator, Tensor, gradcheck, randn, tensor } from "../../../src";
import { record } from "../../../src/autograd/function";
import { sigmoidBackward, sigmoidForward } from "../../../src/nn/functional/activation_manual";
import { linearBackward, linearForward } from "../../../src/nn/functional/linear_manual";
import { expectClose } from "../../helpers/close";

/** The hand-written forward/backward pair as one recorded op, so gradcheck tests the backward. */
function asOp(x: Tensor, W: Tensor, b: Tensor): Tensor {
  const { out, cache } = linearForward(x, W, b);
  return record(out, "LinearManualBackward", [x, W, b], (g) => {
    const { dx, dW, db } = linearBackward(g, cache);
    return [dx, dW, db];
  });
}

describe("linearForward / linearBackward", () => {
  const g = new Generator(1);
  const x = randn([4, 3], { generator: g });
  const W = randn([2, 3], { generator: g });
  const b = randn([2], { generator: g });
  const dout = randn([4, 2], { generator: g });

  it("computes z = x Wᵀ + b without recording a graph", () => {
    const xs = x.detach();
    xs.requiresGrad = true;
    const { out } = linearForward(xs, W, b);
    expect(out.requiresGrad).toBe(false);
    expectClose(out, x.matmul(W.T).add(b), 1e-15);
  });

  it("gives dx = G W, dW = Gᵀ x, db = Σₙ G: what backward() gives", () => {
    const [xa, Wa, ba] = [x, W, b].map((t) => t.detach());
    [xa, Wa, ba].forEach((t) => (t.requiresGrad = true));
    xa.matmul(Wa.T).add(ba).backward(dout);
    const { dx, dW, db } = linearBackward(dout, linearForward(x, W, b).cache);
    expectClose(dx, xa.grad!, 1e-14);
    expectClose(dW, Wa.grad!, 1e-14);
    expectClose(db!, ba.grad!, 1e-14);
  });

  it("passes gradcheck", () => {
    expect(gradcheck(asOp, [x, W, b]).ok).toBe(true);
  });

  it("without bias returns db = null", () => {
    const { out, cache } = linearForward(x, W);
    expectClose(out, x.matmul(W.T), 0);
    expect(linearBackward(dout, cache).db).toBeNull();
  });

  it("reproduces lecture 004's ∂L/∂w⁽²⁾₂,₁ = −0.0152 through linear and sigmoid layers by hand", () => {
    // lecture 004: x = [0.02, 0.04, 0.01], L = ½Σ(y − ŷ)², y = [0.9, 0.5]; its W⁽ˡ⁾ are [in, out],
    // so nnlab's W = W⁽ˡ⁾ᵀ and w⁽²⁾₂,₁ (from h₂ to output 1) is W2[0][1].
    const X = tensor([[0.02, 0.04, 0.01]]);
    const W1 = tensor([
      [0.25, 0.15, 0.3],
      [0.25, 0.2, 0.35],
      [0.1, 0.25, 0.15],
    ]).T;
    const W2 = tensor([
      [0.4, 0.25],
      [0.35, 0.3],
      [0.01, 0.35],
    ]).T;
    const l1 = linearForward(X, W1, tensor([0.4, 0.4, 0.4]));
    const a1 = sigmoidForward(l1.out);
    const l2 = linearForward(a1.out, W2, tensor([0.7, 0.7]));
    const a2 = sigmoidForward(l2.out);
    expectClose(a2.out, [0.7609, 0.776], 1e-4); // ŷ
    const dyHat = a2.out.sub(tensor([[0.9, 0.5]])); // ∂L/∂ŷ = −(y − ŷ)
    const { dW } = linearBackward(sigmoidBackward(dyHat, a2.cache).dx, l2.cache);
    expectClose(dW.get(0, 1), -0.015229867316056689, 1e-12); // the value tests/autograd/lecture004 checks
    expect(Math.round((0.35 - dW.get(0, 1)) * 1e4) / 1e4).toBe(0.3652); // w ← w − α∂L/∂w, α = 1
  });

  it("explains mismatched shapes", () => {
    expect(() => linearForward(randn([4, 3]), randn([2, 5]))).toThrow(
      "linearForward: expected x [N, in] and W [out, in], got x [4, 3] and W [2, 5]",
    );
  });
});
