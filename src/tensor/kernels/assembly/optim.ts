/**
 * Optimiser updates on float32 parameters in WebAssembly SIMD (compiled by
 * `npm run build:wasm` to `dist/src/tensor/kernels/optim.wasm`; `../optim_wasm.ts` loads
 * it, keeps the state (m, v, b) in its memory and copies θ and g in and θ out).
 * AssemblyScript, not TypeScript; `tsconfig.json` excludes this folder.
 *
 * Each loop is the JavaScript loop of `optim/adam.ts` or `optim/sgd.ts`, so both give the
 * same bits: Adam two elements at a time, float32 values widened to float64, the same
 * float64 operations in the same order, rounded to float32 where the JavaScript stores
 * into a Float32Array (and read back rounded); SGD four at a time in float32 arithmetic.
 * Pointers are byte addresses of n float32 each.
 */

/** Two float32 at p, widened to float64. */
function load2(p: usize): v128 {
  return f64x2.promote_low_f32x4(v128.load64_zero(p));
}

/** Rounds two float64 to float32, stores them at p, and returns the rounded values widened back. */
function store2(p: usize, x: v128): v128 {
  const r = f32x4.demote_f64x2_zero(x);
  v128.store64_lane(p, r, 0);
  return f64x2.promote_low_f32x4(r);
}

/**
 * Adam, as `adamStep` in `optim/adam.ts`:
 *
 * $$ \theta \leftarrow s\,\theta, \qquad g \leftarrow g + \lambda\theta $$
 * $$ m \leftarrow \beta_1 m + (1-\beta_1) g, \qquad v \leftarrow \beta_2 v + (1-\beta_2) g^2, \qquad \hat v = \max(\hat v_{\max}, v) \text{ (amsgrad)} $$
 * $$ \theta \leftarrow \theta - \frac{\alpha}{1-\beta_1^t}\, \frac{m}{\sqrt{v}/\sqrt{1-\beta_2^t} + \epsilon} $$
 *
 * s = 1 − αλ_W for AdamW (1 for Adam), λ Adam's L2 term (0 for AdamW); vMax is 0 without
 * amsgrad.
 */
export function adamF32(
  n: i32,
  theta: usize,
  grad: usize,
  m: usize,
  v: usize,
  vMax: usize,
  shrink: f64,
  lambda: f64,
  beta1: f64,
  beta2: f64,
  stepSize: f64,
  sqrtC2: f64,
  eps: f64,
): void {
  const s = f64x2.splat(shrink);
  const l = f64x2.splat(lambda);
  const b1 = f64x2.splat(beta1);
  const b2 = f64x2.splat(beta2);
  const c1 = f64x2.splat(1 - beta1);
  const c2 = f64x2.splat(1 - beta2);
  const alpha = f64x2.splat(stepSize);
  const root = f64x2.splat(sqrtC2);
  const e = f64x2.splat(eps);
  const n2 = n & ~1;
  for (let i = 0; i < n2; i += 2) {
    const at = (<usize>i) << 2;
    let th = load2(theta + at);
    if (shrink != 1) th = store2(theta + at, f64x2.mul(th, s)); // θ ← (1 − αλ)θ (AdamW)
    let g = load2(grad + at);
    if (lambda != 0) g = f64x2.add(g, f64x2.mul(th, l)); // g ← g + λθ
    const mi = store2(m + at, f64x2.add(f64x2.mul(load2(m + at), b1), f64x2.mul(g, c1))); // m ← β₁m + (1−β₁)g
    const gg = f64x2.mul(f64x2.mul(g, g), c2);
    let vi = store2(v + at, f64x2.add(f64x2.mul(load2(v + at), b2), gg)); // v ← β₂v + (1−β₂)g²
    if (vMax != 0) vi = store2(vMax + at, f64x2.max(load2(vMax + at), vi)); // v_max ← max(v_max, v)
    const denom = f64x2.add(f64x2.div(f64x2.sqrt(vi), root), e); // √v̂ + ε
    store2(theta + at, f64x2.sub(th, f64x2.mul(alpha, f64x2.div(mi, denom)))); // θ ← θ − α·m̂/(√v̂ + ε)
  }
  if (n2 < n) {
    // the last element: the same, in scalars
    const at = (<usize>n2) << 2;
    let th = <f64>load<f32>(theta + at);
    if (shrink != 1) {
      store<f32>(theta + at, <f32>(th * shrink));
      th = <f64>load<f32>(theta + at);
    }
    let g = <f64>load<f32>(grad + at);
    if (lambda != 0) g = g + th * lambda;
    store<f32>(m + at, <f32>(<f64>load<f32>(m + at) * beta1 + g * (1 - beta1)));
    store<f32>(v + at, <f32>(<f64>load<f32>(v + at) * beta2 + g * g * (1 - beta2)));
    let vi = <f64>load<f32>(v + at);
    if (vMax != 0) {
      store<f32>(vMax + at, <f32>max(<f64>load<f32>(vMax + at), vi));
      vi = <f64>load<f32>(vMax + at);
    }
    const denom = sqrt<f64>(vi) / sqrtC2 + eps;
    store<f32>(theta + at, <f32>(th - stepSize * (<f64>load<f32>(m + at) / denom)));
  }
}

/**
 * SGD, as `sgdStepF32` in `optim/sgd.ts`, in float32 arithmetic (as PyTorch's float32 step):
 *
 * $$ g \leftarrow g + \lambda w, \qquad b \leftarrow \rho b + (1-\tau) g \ (b_1 = g), \quad \text{or } v \leftarrow \beta v + (1-\beta) g \ \text{(ewa)} $$
 * $$ d = b \ \text{or}\ g + \rho b \ \text{(nesterov)}, \qquad w \leftarrow w - \alpha d $$
 *
 * Four elements at a time, each product and sum rounded to float32 in the order of the
 * JavaScript loop (which rounds with Math.fround), so both give the same bits. The
 * coefficients come already rounded to float32. b = 0 (no buffer) is plain SGD, d = g.
 * `first` marks the step that sets b₁ = g.
 */
export function sgdF32(
  n: i32,
  w: usize,
  grad: usize,
  b: usize,
  alpha: f32,
  lambda: f32,
  rho: f32,
  keep: f32,
  first: bool,
  nesterov: bool,
): void {
  const a = f32x4.splat(alpha);
  const l = f32x4.splat(lambda);
  const r = f32x4.splat(rho);
  const k = f32x4.splat(keep); // g's weight in the new b: 1 − τ, or 1 − β (ewa)
  const n4 = n & ~3;
  for (let i = 0; i < n4; i += 4) {
    const at = (<usize>i) << 2;
    const wi = v128.load(w + at);
    let g = v128.load(grad + at);
    if (lambda != 0) g = f32x4.add(g, f32x4.mul(wi, l)); // g ← g + λw
    let d = g;
    if (b != 0) {
      const bi = first ? g : f32x4.add(f32x4.mul(v128.load(b + at), r), f32x4.mul(g, k)); // b ← ρb + (1−τ)g
      v128.store(b + at, bi);
      d = nesterov ? f32x4.add(g, f32x4.mul(bi, r)) : bi; // d = g + ρb  or  d = b
    }
    v128.store(w + at, f32x4.sub(wi, f32x4.mul(d, a))); // w ← w − αd
  }
  for (let i = n4; i < n; i++) {
    // the last n mod 4 elements: the same, in scalars
    const at = (<usize>i) << 2;
    const wi = load<f32>(w + at);
    let g = load<f32>(grad + at);
    if (lambda != 0) g = g + wi * lambda;
    let d = g;
    if (b != 0) {
      const bi = first ? g : load<f32>(b + at) * rho + g * keep;
      store<f32>(b + at, bi);
      d = nesterov ? g + bi * rho : bi;
    }
    store<f32>(w + at, wi - d * alpha);
  }
}
