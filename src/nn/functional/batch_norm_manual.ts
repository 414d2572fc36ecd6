import { noGrad } from "../../autograd/grad_mode";
import { formatShape } from "../../tensor/shape";
import type { Tensor } from "../../tensor/tensor";

/**
 * Batch normalisation in training mode, forward and backward by hand (no autograd graph),
 * exactly as lecture 001 §1.5.2 writes them (m values per feature: the batch):
 *
 * $$ \mu_B = \tfrac{1}{m}\textstyle\sum_i x_i, \quad \sigma_B^2 = \tfrac{1}{m}\sum_i (x_i - \mu_B)^2, \quad \hat{x}_i = \frac{x_i - \mu_B}{\sqrt{\sigma_B^2 + \epsilon}}, \quad y_i = \gamma \hat{x}_i + \beta $$
 *
 * $$ \frac{\partial \ell}{\partial \hat{x}_i} = \frac{\partial \ell}{\partial y_i}\,\gamma, \qquad
 *    \frac{\partial \ell}{\partial \sigma_B^2} = \sum_i \frac{\partial \ell}{\partial \hat{x}_i}(x_i - \mu_B)\cdot\frac{-1}{2}(\sigma_B^2 + \epsilon)^{-3/2} $$
 * $$ \frac{\partial \ell}{\partial \mu_B} = \Big(\sum_i \frac{\partial \ell}{\partial \hat{x}_i}\cdot\frac{-1}{\sqrt{\sigma_B^2 + \epsilon}}\Big) + \frac{\partial \ell}{\partial \sigma_B^2}\cdot\frac{\sum_i -2(x_i - \mu_B)}{m} $$
 * $$ \frac{\partial \ell}{\partial x_i} = \frac{\partial \ell}{\partial \hat{x}_i}\cdot\frac{1}{\sqrt{\sigma_B^2 + \epsilon}} + \frac{\partial \ell}{\partial \sigma_B^2}\cdot\frac{2(x_i - \mu_B)}{m} + \frac{\partial \ell}{\partial \mu_B}\cdot\frac{1}{m}, \qquad
 *    \frac{\partial \ell}{\partial \gamma} = \sum_i \frac{\partial \ell}{\partial y_i}\hat{x}_i, \qquad \frac{\partial \ell}{\partial \beta} = \sum_i \frac{\partial \ell}{\partial y_i} $$
 *
 * (The second term of ∂ℓ/∂μ_B is 0, since Σ(xᵢ − μ_B) = 0; it is kept as the lecture has it.)
 * `batchNormBackward` returns every one of these, so a notebook can show each step; its
 * ∂ℓ/∂x equals what `backward()` gives through `nn.BatchNorm1d`.
 *
 * Shape: x `[N, C]` (the lecture: m = N), or `[N, C, *]` with statistics per channel
 * over N and the trailing axes (m = N·H·W for images); γ, β and the statistics `[C]`.
 * ε: default 1e-5 as PyTorch (lecture 001 suggests 1e-8).
 *
 * @example
 * const { out, cache } = batchNormForward(x, gamma, beta);
 * const { dxHat, dSigma2, dMu, dx, dGamma, dBeta } = batchNormBackward(dout, cache);
 */
export interface BatchNormCache {
  x: Tensor;
  /** μ_B, σ²_B: kept with size-1 axes ([1, C] or [1, C, 1, 1]) so they broadcast against x. */
  mu: Tensor;
  sigma2: Tensor;
  xHat: Tensor;
  gamma: Tensor;
  eps: number;
  /** Values per feature: N, or N·H·W. */
  m: number;
}

export interface BatchNormGrads {
  dxHat: Tensor;
  dSigma2: Tensor;
  dMu: Tensor;
  dx: Tensor;
  dGamma: Tensor;
  dBeta: Tensor;
}

export function batchNormForward(
  x: Tensor,
  gamma: Tensor,
  beta: Tensor,
  eps = 1e-5,
): { out: Tensor; cache: BatchNormCache } {
  const C = x.shape[1];
  if (x.ndim < 2 || gamma.size !== C || beta.size !== C) {
    throw new RangeError(
      `batchNormForward: expected x [N, C, …] with gamma and beta [C], got x ${formatShape(x.shape)}, gamma ${formatShape(gamma.shape)}, beta ${formatShape(beta.shape)}`,
    );
  }
  const axes = statAxes(x);
  const m = x.size / C;
  return noGrad(() => {
    const mu = x.mean(axes, { keepDims: true }); // μ_B = (1/m) Σ xᵢ
    const sigma2 = x.var(axes, { correction: 0, keepDims: true }); // σ²_B = (1/m) Σ (xᵢ − μ_B)²
    const xHat = x.sub(mu).div(sigma2.add(eps).sqrt()); // x̂ᵢ = (xᵢ − μ_B)/√(σ²_B + ε)
    const out = xHat.mul(perChannel(gamma, x)).add(perChannel(beta, x)); // yᵢ = γ x̂ᵢ + β
    return { out, cache: { x, mu, sigma2, xHat, gamma, eps, m } };
  });
}

export function batchNormBackward(dout: Tensor, cache: BatchNormCache): BatchNormGrads {
  const { x, mu, sigma2, xHat, gamma, eps, m } = cache;
  const axes = statAxes(x);
  const C = x.shape[1];
  const sum = (t: Tensor): Tensor => t.sum(axes, { keepDims: true }); // Σᵢ over the batch
  return noGrad(() => {
    const d = x.sub(mu); // xᵢ − μ_B
    const v = sigma2.add(eps); // σ²_B + ε
    const dxHat = dout.mul(perChannel(gamma, x)); // ∂ℓ/∂x̂ᵢ = ∂ℓ/∂yᵢ · γ
    const dSigma2 = sum(dxHat.mul(d)).mul(v.pow(-1.5).mul(-0.5)); // Σ ∂ℓ/∂x̂ᵢ(xᵢ − μ_B) · (−½)(σ²_B + ε)^{−3/2}
    const dMu = sum(dxHat.mul(v.sqrt().pow(-1).neg())) // Σ ∂ℓ/∂x̂ᵢ · (−1/√(σ²_B + ε))
      .add(dSigma2.mul(sum(d.mul(-2)).div(m))); //   + ∂ℓ/∂σ²_B · Σ −2(xᵢ − μ_B) / m
    const dx = dxHat
      .div(v.sqrt()) // ∂ℓ/∂x̂ᵢ / √(σ²_B + ε)
      .add(dSigma2.mul(d.mul(2).div(m))) // + ∂ℓ/∂σ²_B · 2(xᵢ − μ_B)/m
      .add(dMu.div(m)); // + ∂ℓ/∂μ_B / m
    return {
      dxHat,
      dSigma2: dSigma2.reshape(C),
      dMu: dMu.reshape(C),
      dx,
      dGamma: sum(dout.mul(xHat)).reshape(C), // ∂ℓ/∂γ = Σ ∂ℓ/∂yᵢ · x̂ᵢ
      dBeta: sum(dout).reshape(C), // ∂ℓ/∂β = Σ ∂ℓ/∂yᵢ
    };
  });
}

/** Every axis but the feature axis 1: the m values of one feature. */
function statAxes(x: Tensor): number[] {
  return x.shape.map((_, k) => k).filter((k) => k !== 1);
}

/** A [C] vector as [1, C] or [1, C, 1, 1], to broadcast along axis 1 of x. */
function perChannel(v: Tensor, x: Tensor): Tensor {
  return v.reshape(x.shape.map((d, k) => (k === 1 ? d : 1)));
}
