import { enableGrad, noGrad } from "../autograd/grad_mode";
import { zerosLike } from "../tensor/creation";
import { concat } from "../tensor/indexing";
import type { Tensor } from "../tensor/tensor";
import { checkOneOf, checkPositiveInteger } from "./checks";
import {
  type LBFGSMemory,
  dot,
  loadMemory,
  remember,
  saveMemory,
  twoLoopDirection,
} from "./lbfgs_memory";
import {
  type BaseOptions,
  type Closure,
  type ParamState,
  type ParamsInput,
  Optimizer,
  checkNonNegative,
  lossValue,
} from "./optimizer";
import { type LinePoint, strongWolfe } from "./strong_wolfe";

/** Options of `LBFGS`; defaults are PyTorch's. */
export interface LBFGSOptions extends BaseOptions {
  /** Iterations per `step(closure)`. Default 20. */
  maxIter: number;
  /** Loss evaluations per `step(closure)`. Default ⌊1.25·maxIter⌋. */
  maxEval: number;
  /** Stop when every |∂f/∂x| ≤ this. Default 1e-7. */
  toleranceGrad: number;
  /** Stop when the loss or the step changes by less. Default 1e-9. */
  toleranceChange: number;
  /** m, the (s, y) pairs remembered. Default 100. */
  historySize: number;
  /** "strongWolfe": search the step along d; null: fixed step t = lr. Default null. */
  lineSearchFn: "strongWolfe" | null;
}

/**
 * L-BFGS, a quasi-Newton method, as `torch.optim.LBFGS`. Lecture 003 §8: Newton's step
 * θ* = θ₀ − H⁻¹∇J(θ₀) without forming H; works very well full batch and deterministic,
 * badly on mini-batches. Each iteration, with g = ∇f(x) over all parameters as one vector:
 *
 * $$ d = -H g \quad (\text{two-loop recursion on the last } m \text{ pairs } s_i, y_i;\ d = -g \text{ at first}) $$
 * $$ x \leftarrow x + t\, d, \qquad t = \text{lr} \ (\text{first ever: } \min(1, 1/\lVert g\rVert_1)\cdot\text{lr}) $$
 *
 * or t from a strong-Wolfe line search (`lineSearchFn: "strongWolfe"`). One `step(closure)`
 * runs up to `maxIter` iterations, stopping early when the gradient, the loss change or the
 * step fall below the tolerances, and returns the loss before the step (as PyTorch).
 * The closure re-evaluates the model: zero the gradients, compute the loss, call backward.
 *
 * Unlike the other optimisers it moves all parameters together, so it overrides `step`
 * (`update` is unused) and allows one parameter group. Its state — the memory s, y, ρ, γ,
 * the last d, t and gradient, counters `nIter`, `funcEvals` — lives on the first parameter.
 *
 * @example
 * const opt = new LBFGS(net.parameters(), { lineSearchFn: "strongWolfe" });
 * opt.step(() => { opt.zeroGrad(); const loss = lossFn(net.forward(X), y); loss.backward(); return loss; });
 */
export class LBFGS extends Optimizer<LBFGSOptions> {
  constructor(params: ParamsInput<LBFGSOptions>, options: Partial<LBFGSOptions> = {}) {
    const maxIter = options.maxIter ?? 20;
    super("LBFGS", params, {
      lr: 1,
      maxIter,
      maxEval: Math.floor((maxIter * 5) / 4),
      toleranceGrad: 1e-7,
      toleranceChange: 1e-9,
      historySize: 100,
      lineSearchFn: null,
      ...options,
    });
    if (this.paramGroups.length !== 1) {
      throw new RangeError(
        `LBFGS: supports 1 parameter group (as PyTorch), got ${this.paramGroups.length}`,
      );
    }
  }

  protected checkOptions(o: LBFGSOptions): void {
    checkNonNegative(this.name, "lr", o.lr);
    checkPositiveInteger(this.name, "maxIter", o.maxIter);
    checkPositiveInteger(this.name, "maxEval", o.maxEval);
    checkNonNegative(this.name, "toleranceGrad", o.toleranceGrad);
    checkNonNegative(this.name, "toleranceChange", o.toleranceChange);
    checkPositiveInteger(this.name, "historySize", o.historySize);
    checkOneOf(this.name, "lineSearchFn", o.lineSearchFn, ["strongWolfe", null]);
  }

  /** Unused: L-BFGS moves all parameters together in `step(closure)`. */
  protected update(): void {
    throw new Error("LBFGS: update() is not used; call step(closure)");
  }

  /** Runs up to `maxIter` L-BFGS iterations; returns the loss at the start. */
  override step(closure?: Closure): number {
    if (typeof closure !== "function") {
      throw new TypeError(
        `LBFGS.step: needs a closure that re-evaluates the loss, got ${closure}: opt.step(() => { opt.zeroGrad(); const loss = f(); loss.backward(); return loss; })`,
      );
    }
    return noGrad(() => this.iterate(closure));
  }

  private iterate(closure: Closure): number {
    const o = this.paramGroups[0];
    const state = this.stateOf(o.params[0]);
    state.nIter = count(state, "nIter");
    state.funcEvals = count(state, "funcEvals") + 1;
    const firstLoss = this.evaluate(closure);
    let g = this.flatGrad();
    if (maxAbs(g) <= o.toleranceGrad) return firstLoss; // already optimal
    const memory = loadMemory(state);
    let [loss, evals] = [firstLoss, 1];
    for (let n = 1; n <= o.maxIter; n++) {
      state.nIter = count(state, "nIter") + 1;
      const d = this.direction(state, memory, g);
      const prevLoss = loss;
      const t = state.nIter === 1 ? Math.min(1, 1 / g.abs().sum().item()) * o.lr : o.lr;
      Object.assign(state, { d, t, prevFlatGrad: g, prevLoss });
      const gtd = dot(g, d); // slope along d
      if (gtd > -o.toleranceChange) break; // not a descent direction
      const moved = this.move(closure, state, d, { t, f: loss, g, gtd }, n === o.maxIter);
      [loss, g] = [moved.f, moved.g];
      evals += moved.evals;
      state.funcEvals = count(state, "funcEvals") + moved.evals;
      if (n === o.maxIter || evals >= o.maxEval || maxAbs(g) <= o.toleranceGrad) break;
      if (maxAbs(d.mul(state.t)) <= o.toleranceChange) break; // step too small
      if (Math.abs(loss - prevLoss) < o.toleranceChange) break; // loss stalls
    }
    saveMemory(state, memory);
    return firstLoss;
  }

  /** d = −g on the very first iteration, else the two-loop direction after remembering (s, y). */
  private direction(state: ParamState, memory: LBFGSMemory, g: Tensor): Tensor {
    if (state.nIter === 1) return g.neg();
    const s = (state.d as Tensor).mul(state.t as number); // s = t·d, the last step
    const y = g.sub(state.prevFlatGrad as Tensor); // y = g − g_prev
    remember(memory, s, y, this.paramGroups[0].historySize);
    return twoLoopDirection(g, memory);
  }

  /** x ← x + t·d, with t from the line search or fixed; the loss and gradient there. */
  private move(
    closure: Closure,
    state: ParamState,
    d: Tensor,
    start: LinePoint,
    last: boolean,
  ): { f: number; g: Tensor; evals: number } {
    if (this.paramGroups[0].lineSearchFn === "strongWolfe") {
      const x0 = this.paramGroups[0].params.map((p) => p.clone());
      const phi = (t: number): [number, Tensor] => {
        this.addScaled(t, d);
        const f = this.evaluate(closure);
        const g = this.flatGrad();
        this.paramGroups[0].params.forEach((p, i) => p.assign(x0[i])); // back to x
        return [f, g];
      };
      const found = strongWolfe(
        phi,
        start.t,
        d,
        { ...start, t: 0 },
        this.paramGroups[0].toleranceChange,
      );
      state.t = found.t;
      this.addScaled(found.t, d);
      return found;
    }
    this.addScaled(start.t, d);
    if (last) return { f: start.f, g: start.g, evals: 0 }; // PyTorch skips the last evaluation
    return { f: this.evaluate(closure), g: this.flatGrad(), evals: 1 };
  }

  private evaluate(closure: Closure): number {
    return lossValue(enableGrad(closure));
  }

  /** All gradients as one vector (zeros for a parameter without one). */
  private flatGrad(): Tensor {
    return concat(this.paramGroups[0].params.map((p) => (p.grad ?? zerosLike(p)).reshape(-1)));
  }

  /** x ← x + t·d, d cut into the parameters' shapes. */
  private addScaled(t: number, d: Tensor): void {
    let offset = 0;
    for (const p of this.paramGroups[0].params) {
      p.assign(
        p.add(
          d
            .slice(0, offset, offset + p.size)
            .reshape(...p.shape)
            .mul(t),
        ),
      );
      offset += p.size;
    }
  }
}

/** A counter kept in the state (0 if absent). */
function count(state: ParamState, key: "nIter" | "funcEvals"): number {
  return (state[key] as number | undefined) ?? 0;
}

function maxAbs(x: Tensor): number {
  return x.abs().max().item();
}
