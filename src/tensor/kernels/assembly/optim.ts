/**
 * Optimiser updates on float32 parameters in WebAssembly SIMD, 4 lanes at a time (compiled
 * by `npm run build:wasm` to `dist/src/tensor/kernels/optim.wasm`; `../optim_wasm.ts` loads
 * it, keeps the state (m, v, b) in its memory and copies θ and g in and θ out).
 * AssemblyScript, not TypeScript; `tsconfig.json` excludes this folder.
 *
 * Adam, the same step as `optim/adam.ts`:
 *
 * $$ \theta \leftarrow s\,\theta, \qquad g \leftarrow g + \lambda\theta $$
 * $$ m \leftarrow \beta_1 m + (1-\beta_1) g, \qquad v \leftarrow \beta_2 v + (1-\beta_2) g^2, \qquad \hat v = \max(\hat v_{\max}, v) \text{ (amsgrad)} $$
 * $$ \theta \leftarrow \theta - \frac{\alpha}{1-\beta_1^t}\, \frac{m}{\sqrt{v}/\sqrt{1-\beta_2^t} + \epsilon} $$
 *
 * s = 1 − αλ_W for AdamW (1 for Adam), λ Adam's L2 term (0 for AdamW). Pointers are byte
 * addresses of n float32 each; vMax is 0 without amsgrad.
 */
export function adamF32(
  n: i32,
  theta: usize,
  grad: usize,
  m: usize,
  v: usize,
  vMax: usize,
  shrink: f32,
  lambda: f32,
  beta1: f32,
  beta2: f32,
  stepSize: f32,
  sqrtC2: f32,
  eps: f32,
): void {
  const s = f32x4.splat(shrink);
  const l = f32x4.splat(lambda);
  const b1 = f32x4.splat(beta1);
  const b2 = f32x4.splat(beta2);
  const c1 = f32x4.splat(1 - beta1);
  const c2 = f32x4.splat(1 - beta2);
  const alpha = f32x4.splat(stepSize);
  const root = f32x4.splat(sqrtC2);
  const e = f32x4.splat(eps);
  const n4 = n & ~3;
  for (let i = 0; i < n4; i += 4) {
    const at = (<usize>i) << 2;
    const th = f32x4.mul(v128.load(theta + at), s); // θ ← sθ
    const g = f32x4.add(v128.load(grad + at), f32x4.mul(l, th)); // g ← g + λθ
    const mi = f32x4.add(f32x4.mul(b1, v128.load(m + at)), f32x4.mul(c1, g)); // m ← β₁m + (1−β₁)g
    let vi = f32x4.add(f32x4.mul(b2, v128.load(v + at)), f32x4.mul(c2, f32x4.mul(g, g))); // v ← β₂v + (1−β₂)g²
    v128.store(m + at, mi);
    v128.store(v + at, vi);
    if (vMax != 0) {
      vi = f32x4.max(v128.load(vMax + at), vi); // v_max ← max(v_max, v)
      v128.store(vMax + at, vi);
    }
    const denom = f32x4.add(f32x4.div(f32x4.sqrt(vi), root), e); // √v̂ + ε
    v128.store(theta + at, f32x4.sub(th, f32x4.mul(alpha, f32x4.div(mi, denom)))); // θ ← θ − α·m̂/(√v̂ + ε)
  }
  for (let i = n4; i < n; i++) {
    const at = (<usize>i) << 2;
    const th = load<f32>(theta + at) * shrink;
    const g = load<f32>(grad + at) + lambda * th;
    const mi = beta1 * load<f32>(m + at) + (1 - beta1) * g;
    let vi = beta2 * load<f32>(v + at) + (1 - beta2) * g * g;
    store<f32>(m + at, mi);
    store<f32>(v + at, vi);
    if (vMax != 0) {
      vi = max(load<f32>(vMax + at), vi);
      store<f32>(vMax + at, vi);
    }
    store<f32>(theta + at, th - stepSize * (mi / (sqrt<f32>(vi) / sqrtC2 + eps)));
  }
}

/**
 * SGD's update on float32 parameters, as `optim/sgd.ts`:
 *
 * $$ g \leftarrow g + \lambda w, \qquad b \leftarrow \rho b + (1-\tau) g \ (b_1 = g), \quad \text{or } v \leftarrow \beta v + (1-\beta) g \ \text{(ewa)} $$
 * $$ d = b \ \text{or}\ g + \rho b \ \text{(nesterov)}, \qquad w \leftarrow w - \alpha d $$
 *
 * b = 0 (no buffer) is plain SGD, d = g. `first` marks the step that sets b₁ = g.
 */
export function sgdF32(
  n: i32,
  w: usize,
  grad: usize,
  b: usize,
  alpha: f32,
  lambda: f32,
  rho: f32,
  tau: f32,
  ewa: bool,
  first: bool,
  nesterov: bool,
): void {
  const a = f32x4.splat(alpha);
  const l = f32x4.splat(lambda);
  const r = f32x4.splat(rho);
  const keep = f32x4.splat(ewa ? 1 - rho : 1 - tau); // the weight of g in the new b
  const n4 = n & ~3;
  for (let i = 0; i < n4; i += 4) {
    const at = (<usize>i) << 2;
    const wi = v128.load(w + at);
    const g = f32x4.add(v128.load(grad + at), f32x4.mul(l, wi)); // g ← g + λw
    let d = g;
    if (b != 0) {
      const bi = first && !ewa ? g : f32x4.add(f32x4.mul(r, v128.load(b + at)), f32x4.mul(keep, g)); // b ← ρb + (1−τ)g
      v128.store(b + at, bi);
      d = nesterov ? f32x4.add(g, f32x4.mul(r, bi)) : bi; // d = g + ρb  or  d = b
    }
    v128.store(w + at, f32x4.sub(wi, f32x4.mul(a, d))); // w ← w − αd
  }
  for (let i = n4; i < n; i++) {
    const at = (<usize>i) << 2;
    const wi = load<f32>(w + at);
    const g = load<f32>(grad + at) + lambda * wi;
    let d = g;
    if (b != 0) {
      const bi = first && !ewa ? g : rho * load<f32>(b + at) + (ewa ? 1 - rho : 1 - tau) * g;
      store<f32>(b + at, bi);
      d = nesterov ? g + rho * bi : bi;
    }
    store<f32>(w + at, wi - alpha * d);
  }
}
