import { tensor } from "../tensor/creation";
import { stack } from "../tensor/indexing";
import type { Tensor } from "../tensor/tensor";
import type { ParamState } from "./optimizer";

/**
 * What L-BFGS remembers instead of a Hessian (lecture 003 §8: "does not form/store the full
 * inverse Hessian"): the last m steps and gradient changes, and a scale for H₀ = γI,
 *
 * $$ s_i = x_{i+1} - x_i, \qquad y_i = \nabla f(x_{i+1}) - \nabla f(x_i), \qquad \rho_i = 1 / (y_i^\top s_i), \qquad \gamma = \frac{s^\top y}{y^\top y} \text{ of the newest pair} $$
 *
 * A pair is kept only if yᵀs > 1e-10 (positive curvature keeps H positive definite), as PyTorch.
 * PyTorch's names: old_stps = s, old_dirs = y, ro = ρ, H_diag = γ.
 */
export interface LBFGSMemory {
  s: Tensor[];
  y: Tensor[];
  rho: number[];
  gamma: number;
}

/** xᵀy of two flat vectors. */
export function dot(x: Tensor, y: Tensor): number {
  return x.mul(y).sum().item();
}

/** Adds the pair (s, y) if yᵀs > 1e-10, dropping the oldest beyond `historySize`; updates γ. */
export function remember(memory: LBFGSMemory, s: Tensor, y: Tensor, historySize: number): void {
  const ys = dot(y, s); // yᵀs
  if (ys <= 1e-10) return;
  if (memory.s.length === historySize) {
    memory.s.shift();
    memory.y.shift();
    memory.rho.shift();
  }
  memory.s.push(s);
  memory.y.push(y);
  memory.rho.push(1 / ys); // ρ = 1/(yᵀs)
  memory.gamma = ys / dot(y, y); // γ = yᵀs / yᵀy
}

/**
 * The L-BFGS direction d = −H∇f by the two-loop recursion (Nocedal & Wright, Algorithm 7.4):
 *
 * $$ q \leftarrow -g;\ \text{for } i = k{-}1 \dots 0:\ a_i = \rho_i s_i^\top q,\ q \leftarrow q - a_i y_i $$
 * $$ r \leftarrow \gamma q;\ \text{for } i = 0 \dots k{-}1:\ b_i = \rho_i y_i^\top r,\ r \leftarrow r + (a_i - b_i)\, s_i;\ d = r $$
 */
export function twoLoopDirection(g: Tensor, memory: LBFGSMemory): Tensor {
  const { s, y, rho } = memory;
  const a: number[] = [];
  let q = g.neg(); // q ← −g
  for (let i = s.length - 1; i >= 0; i--) {
    a[i] = dot(s[i], q) * rho[i]; // a_i = ρ_i s_iᵀq
    q = q.sub(y[i].mul(a[i])); // q ← q − a_i y_i
  }
  let r = q.mul(memory.gamma); // r ← γq
  for (let i = 0; i < s.length; i++) {
    const b = dot(y[i], r) * rho[i]; // b_i = ρ_i y_iᵀr
    r = r.add(s[i].mul(a[i] - b)); // r ← r + (a_i − b_i)s_i
  }
  return r;
}

/** Writes the memory into a parameter's state: `sHistory`, `yHistory` [k, n], `rho` [k], `gamma`. */
export function saveMemory(state: ParamState, memory: LBFGSMemory): void {
  state.gamma = memory.gamma;
  delete state.sHistory;
  delete state.yHistory;
  delete state.rho;
  if (memory.s.length === 0) return;
  state.sHistory = stack(memory.s);
  state.yHistory = stack(memory.y);
  state.rho = tensor(memory.rho, { dtype: memory.s[0].dtype });
}

/** Reads the memory back from a state written by `saveMemory` (empty if there is none). */
export function loadMemory(state: ParamState): LBFGSMemory {
  const rows = (key: string): Tensor[] => {
    const m = state[key] as Tensor | undefined;
    return m === undefined ? [] : Array.from({ length: m.shape[0] }, (_, i) => m.select(0, i));
  };
  const rho = state.rho as Tensor | undefined;
  return {
    s: rows("sHistory"),
    y: rows("yHistory"),
    rho: rho === undefined ? [] : Array.from(rho.data),
    gamma: (state.gamma as number | undefined) ?? 1,
  };
}
