import { record } from "../autograd/function";
import { allocateEmpty, floatOf } from "./dtype";
import { mapBinary, mapUnary } from "./broadcast";
import { reluBackwardLoop } from "./kernels/elementwise_loops";
import { mul, sub } from "./elementwise";
import { sum } from "./reduce";
import { normalizeAxis, sizeOf } from "./shape";
import { Tensor } from "./tensor";

/**
 * Activation functions as tensor ops (lecture 004 lists them), numerically stable, each
 * with its derivative written in terms of the output where the lectures do so.
 */

/** σ(x) = 1 / (1 + e^{−x});  σ′ = σ(1 − σ).  For x < 0 computed as eˣ/(1 + eˣ) (no overflow). */
export function sigmoid(x: Tensor): Tensor {
  const out = mapUnary(x, floatOf(x.dtype), (v) => {
    if (v >= 0) return 1 / (1 + Math.exp(-v));
    const e = Math.exp(v);
    return e / (1 + e);
  });
  return record(out, "SigmoidBackward", [x], (g) => [
    mapBinary("sigmoid", g, out, g.dtype, (gv, s) => gv * s * (1 - s)),
  ]);
}

/** tanh(x) = (eˣ − e^{−x}) / (eˣ + e^{−x});  tanh′ = 1 − tanh². */
export function tanh(x: Tensor): Tensor {
  const out = mapUnary(x, floatOf(x.dtype), Math.tanh);
  return record(out, "TanhBackward", [x], (g) => [
    mapBinary("tanh", g, out, g.dtype, (gv, t) => gv * (1 - t * t)),
  ]);
}

/**
 * ReLU(x) = max(0, x);  ReLU′ = 1 for x > 0, else 0 (0 at x = 0, as PyTorch). A NaN stays
 * NaN and passes its gradient, as in PyTorch, so a diverging run shows NaN in its loss.
 */
export function relu(x: Tensor): Tensor {
  const out = mapUnary(x, x.dtype, "relu");
  return record(out, "ReluBackward", [x], (g) => {
    const gx = allocateEmpty(g.dtype, g.size); // ∂x = g where x > 0, else 0
    reluBackwardLoop(gx, g.data, x.data);
    return [new Tensor(gx, x.shape)];
  });
}

/** LeakyReLU(x) = x for x > 0, αx otherwise (α = `negativeSlope`, PyTorch default 0.01). */
export function leakyRelu(x: Tensor, negativeSlope = 0.01): Tensor {
  const a = negativeSlope;
  const out = mapUnary(x, floatOf(x.dtype), (v) => (v > 0 ? v : a * v));
  return record(out, "LeakyReluBackward", [x], (g) => [
    mapBinary("leakyRelu", g, x, g.dtype, (gv, v) => (v > 0 ? gv : a * gv)),
  ]);
}

/** ELU(x) = x for x > 0, α(eˣ − 1) otherwise;  ELU′ = 1, or ELU(x) + α. */
export function elu(x: Tensor, alpha = 1): Tensor {
  const out = mapUnary(x, floatOf(x.dtype), (v) => (v > 0 ? v : alpha * Math.expm1(v)));
  return record(out, "EluBackward", [x], (g) => [
    mapBinary("elu", g, out, g.dtype, (gv, y) => (y > 0 ? gv : gv * (y + alpha))),
  ]);
}

/**
 * softmax(x)ᵢ = e^{xᵢ − m} / Σⱼ e^{xⱼ − m} along `axis`, with m = maxⱼ xⱼ (same value,
 * no overflow).  Backward: ∂x = s ⊙ (g − Σⱼ gⱼ sⱼ).
 */
export function softmax(x: Tensor, axis = -1): Tensor {
  const out = normalized(x, axis, false);
  return record(out, "SoftmaxBackward", [x], (g) => {
    const dot = sum(mul(g, out), axis, { keepDims: true });
    return [mul(out, sub(g, dot))];
  });
}

/**
 * log softmax(x)ᵢ = xᵢ − m − log Σⱼ e^{xⱼ − m}: stable even when e^{xᵢ} overflows.
 * Backward: ∂x = g − softmax(x) · Σⱼ gⱼ.
 */
export function logSoftmax(x: Tensor, axis = -1): Tensor {
  const out = normalized(x, axis, true);
  return record(out, "LogSoftmaxBackward", [x], (g) => {
    const s = mapUnary(out, out.dtype, Math.exp);
    return [sub(g, mul(s, sum(g, axis, { keepDims: true })))];
  });
}

/** The shared loop of softmax (log = false) and log-softmax (log = true). */
function normalized(x: Tensor, axis: number, log: boolean): Tensor {
  const ax = normalizeAxis(log ? "logSoftmax" : "softmax", axis, x.ndim);
  const n = x.ndim === 0 ? 1 : x.shape[ax];
  const inner = sizeOf(x.shape.slice(ax + 1));
  const outer = x.size / Math.max(n * inner, 1);
  const src = x.data;
  const out = allocateEmpty(floatOf(x.dtype), x.size);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      let m = -Infinity;
      for (let k = 0; k < n; k++) m = Math.max(m, src[base + k * inner]);
      if (m === -Infinity) m = 0;
      let z = 0;
      for (let k = 0; k < n; k++) z += Math.exp(src[base + k * inner] - m);
      const logZ = Math.log(z);
      for (let k = 0; k < n; k++) {
        const p = base + k * inner;
        out[p] = log ? src[p] - m - logZ : Math.exp(src[p] - m) / z;
      }
    }
  }
  return new Tensor(out, x.shape);
}
