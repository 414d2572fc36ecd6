import { describe, expect, it } from "vitest";
import { Generator, Tensor, gradcheck, randn, tensor } from "../../../src";
import { record } from "../../../src/autograd/function";
import { BatchNorm1d, BatchNorm2d } from "../../../src/nn/batch_norm";
import { batchNormBackward, batchNormForward } from "../../../src/nn/functional/batch_norm_manual";
import { expectClose } from "../../helpers/close";

describe("batchNormForward / batchNormBackward (lecture 001's formulas)", () => {
  const g = new Generator(3);
  const x = randn([6, 3], { generator: g }).mul(2).add(1);
  const gamma = tensor([1.5, -0.5, 2]);
  const beta = tensor([0.1, 0.2, -0.3]);
  const dout = randn([6, 3], { generator: g });

  /** BatchNorm1d in training mode with the same γ and β. */
  function layer(): BatchNorm1d {
    const bn = new BatchNorm1d(3);
    bn.weight!.assign(gamma);
    bn.bias!.assign(beta);
    return bn;
  }

  it("forward equals BatchNorm1d in training mode", () => {
    expectClose(batchNormForward(x, gamma, beta).out, layer().forward(x), 1e-14);
  });

  it("∂ℓ/∂x, ∂ℓ/∂γ, ∂ℓ/∂β equal backward() through BatchNorm1d", () => {
    const bn = layer();
    const xa = x.detach();
    xa.requiresGrad = true;
    bn.forward(xa).backward(dout);
    const grads = batchNormBackward(dout, batchNormForward(x, gamma, beta).cache);
    expectClose(grads.dx, xa.grad!, 1e-12);
    expectClose(grads.dGamma, bn.weight!.grad!, 1e-12);
    expectClose(grads.dBeta, bn.bias!.grad!, 1e-12);
  });

  it("every intermediate (∂ℓ/∂x̂, ∂ℓ/∂σ², ∂ℓ/∂μ) equals the .grad of that node in the lecture's graph", () => {
    // μ, σ², x̂ as separate graph nodes; backward() fills their total derivatives
    const eps = 1e-5;
    const xa = x.detach();
    xa.requiresGrad = true;
    const mu = xa.mean(0, { keepDims: true }).retainGrad(); // μ_B
    const sigma2 = xa.sub(mu).pow(2).mean(0, { keepDims: true }).retainGrad(); // σ²_B
    const xHat = xa.sub(mu).div(sigma2.add(eps).sqrt()).retainGrad(); // x̂
    xHat.mul(gamma).add(beta).backward(dout); // y = γx̂ + β
    const grads = batchNormBackward(dout, batchNormForward(x, gamma, beta, eps).cache);
    expectClose(grads.dxHat, xHat.grad!, 1e-12);
    expectClose(grads.dSigma2, sigma2.grad!, 1e-12);
    expectClose(grads.dMu, mu.grad!, 1e-12);
    expectClose(grads.dx, xa.grad!, 1e-12);
  });

  it("∂ℓ/∂μ's second term vanishes because Σ(xᵢ − μ) = 0", () => {
    const { cache } = batchNormForward(x, gamma, beta);
    const { dxHat, dMu } = batchNormBackward(dout, cache);
    const firstTerm = dxHat.mul(cache.sigma2.add(cache.eps).sqrt().pow(-1).neg()).sum(0); // Σ ∂ℓ/∂x̂ᵢ · (−1/√(σ² + ε))
    expectClose(dMu, firstTerm, 1e-12);
  });

  it("passes gradcheck for x, γ and β", () => {
    const op = (x: Tensor, gamma: Tensor, beta: Tensor): Tensor => {
      const { out, cache } = batchNormForward(x, gamma, beta);
      return record(out, "BatchNormManualBackward", [x, gamma, beta], (g) => {
        const { dx, dGamma, dBeta } = batchNormBackward(g, cache);
        return [dx, dGamma, dBeta];
      });
    };
    expect(gradcheck(op, [x, gamma, beta]).ok).toBe(true);
  });

  it("on images [N, C, H, W] equals backward() through BatchNorm2d (m = N·H·W)", () => {
    const xi = randn([2, 3, 4, 5], { generator: g });
    const di = randn([2, 3, 4, 5], { generator: g });
    const bn = new BatchNorm2d(3);
    bn.weight!.assign(gamma);
    bn.bias!.assign(beta);
    const xa = xi.detach();
    xa.requiresGrad = true;
    const y = bn.forward(xa);
    y.backward(di);
    const { out, cache } = batchNormForward(xi, gamma, beta);
    expect(cache.m).toBe(40);
    expectClose(out, y, 1e-12);
    const grads = batchNormBackward(di, cache);
    expectClose(grads.dx, xa.grad!, 1e-12);
    expectClose(grads.dGamma, bn.weight!.grad!, 1e-12);
    expectClose(grads.dBeta, bn.bias!.grad!, 1e-12);
  });

  it("explains mismatched shapes", () => {
    expect(() => batchNormForward(x, tensor([1, 1]), beta)).toThrow(
      "batchNormForward: expected x [N, C, …] with gamma and beta [C], got x [6, 3], gamma [2], beta [3]",
    );
  });
});
