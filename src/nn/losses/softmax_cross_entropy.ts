import { record } from "../../autograd/function";
import { allocate, floatOf } from "../../tensor/dtype";
import { formatShape, sameShape } from "../../tensor/shape";
import { Tensor } from "../../tensor/tensor";

/**
 * Softmax and the cross-entropy against target rows t as one op, the core of
 * `crossEntropy`:
 *
 * $$ \ell_i = -\sum_c t_{ic} \log p_{ic}, \qquad \log p_{ic} = z_{ic} - m_i - \log \sum_{c'} e^{z_{ic'} - m_i}, \quad m_i = \max_c z_{ic} $$
 *
 * t may be one-hot, smoothed, weighted (w_c t_ic) or any rows. Backward, for g = ∂L/∂ℓ:
 *
 * $$ \partial z_{ic} = g_i \Big( p_{ic} \sum_{c'} t_{ic'} - t_{ic} \Big), \qquad \partial t_{ic} = -g_i \log p_{ic} $$
 *
 * (for a one-hot row, p − onehot(y): lecture 004's "softmax output minus label"). Fused,
 * the step's loss is one graph node holding log p [N, C], instead of log-softmax, product,
 * row sum and negation (4 nodes, 4 tensors).
 *
 * Shapes: logits z `[N, C]`, t `[N, C]` → ℓ `[N]`.
 */
export function softmaxCrossEntropy(logits: Tensor, t: Tensor): Tensor {
  if (logits.ndim !== 2 || !sameShape(logits.shape, t.shape)) {
    throw new RangeError(
      `softmaxCrossEntropy: expected logits [N, C] and targets of the same shape, got ${formatShape(logits.shape)} and ${formatShape(t.shape)}`,
    );
  }
  const [N, C] = logits.shape;
  const dtype = floatOf(logits.dtype);
  const z = logits.data;
  const T = t.data;
  const logP = allocate(dtype, N * C);
  const loss = allocate(dtype, N);
  for (let i = 0, o = 0; i < N; i++, o += C) {
    let m = -Infinity;
    for (let c = 0; c < C; c++) m = Math.max(m, z[o + c]); // m = max_c z_c
    if (m === -Infinity) m = 0;
    let s = 0;
    for (let c = 0; c < C; c++) s += Math.exp(z[o + c] - m); // Σ e^{z − m}
    const logS = Math.log(s);
    let l = 0;
    for (let c = 0; c < C; c++) {
      logP[o + c] = z[o + c] - m - logS; // log p = z − m − log Σ
      l += logP[o + c] * T[o + c];
    }
    loss[i] = -l; // ℓ = −Σ t log p
  }
  return record(new Tensor(loss, [N]), "SoftmaxCrossEntropyBackward", [logits, t], (g) => {
    const G = g.data;
    const dz = logits.requiresGrad ? allocate(g.dtype, N * C) : null;
    const dt = t.requiresGrad ? allocate(g.dtype, N * C) : null;
    for (let i = 0, o = 0; i < N; i++, o += C) {
      let tSum = 0;
      for (let c = 0; c < C; c++) tSum += T[o + c]; // Σ_c t_c
      for (let c = 0; c < C; c++) {
        if (dz) dz[o + c] = G[i] * (Math.exp(logP[o + c]) * tSum - T[o + c]); // g(p Σt − t)
        if (dt) dt[o + c] = -G[i] * logP[o + c]; // −g log p
      }
    }
    return [dz && new Tensor(dz, [N, C]), dt && new Tensor(dt, [N, C])];
  });
}
