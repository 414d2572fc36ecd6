import { enableGrad, noGrad } from "../autograd/grad_mode";
import { type TypedArray, allocate } from "../tensor/dtype";
import { Tensor } from "../tensor/tensor";

/** The options every optimiser has: the learning rate α. */
export interface BaseOptions {
  lr: number;
}

/** A parameter group: some parameters and the options that apply to them. */
export type ParamGroup<O extends BaseOptions> = O & { params: Tensor[] };

/** What a constructor accepts: a list of parameters, or groups with their own options. */
export type ParamsInput<O extends BaseOptions> = Tensor[] | (Partial<O> & { params: Tensor[] })[];

/** Per-parameter state (moment estimates, step counts), saved with `stateDict()`. */
export type ParamState = Record<string, Tensor | number>;

/**
 * Re-evaluates the model and returns the loss, as PyTorch's closure: zero the gradients,
 * compute the loss, call `loss.backward()`, return the loss (a scalar tensor or a number).
 * `step(closure)` runs it with gradients on; LBFGS needs it, the others accept it.
 */
export type Closure = () => Tensor | number;

/** JSON form of an optimiser's state: group options and per-parameter state by index. */
export interface OptimizerStateDict {
  paramGroups: Record<string, unknown>[];
  state: Record<number, Record<string, number | { shape: number[]; data: number[] }>>;
}

/**
 * Base class of the optimisers, as `torch.optim.Optimizer`: parameter groups with their
 * own options (`opt.paramGroups[0].lr` is what schedules change), per-parameter state,
 * `zeroGrad()`, `step()`, and `stateDict()` / `loadStateDict()`.
 *
 * A subclass implements `update(p, g, state, group)`: one parameter's step, given its
 * gradient, written as one loop over the elements that updates `p.data` and the state
 * buffers (`buffer()`) in place, each line its formula (no tensor is allocated per step);
 * `step()` calls it, under `noGrad`, for every parameter that requires grad and has one.
 * An optimiser that moves all parameters together (LBFGS) overrides `step` itself,
 * keeping the signature `step(closure?) → loss | undefined`.
 */
export abstract class Optimizer<O extends BaseOptions> {
  readonly paramGroups: ParamGroup<O>[];
  readonly state = new Map<Tensor, ParamState>();

  constructor(
    readonly name: string,
    params: ParamsInput<O>,
    defaults: O,
  ) {
    const groups = isGroupList(params) ? params : [{ params }];
    if (groups.length === 0 || groups.every((g) => g.params.length === 0)) {
      throw new RangeError(`${name}: got no parameters to optimise (pass net.parameters())`);
    }
    this.paramGroups = groups.map((g) => ({ ...defaults, ...g }) as ParamGroup<O>);
    for (const g of this.paramGroups) this.checkOptions(g);
  }

  /** Validates one group's options; throws a message naming the option, its range and the value. */
  protected abstract checkOptions(options: O): void;

  /** One parameter's update, in place (under noGrad). */
  protected abstract update(p: Tensor, grad: Tensor, state: ParamState, group: ParamGroup<O>): void;

  /** Sets every parameter's `.grad` to null. */
  zeroGrad(): void {
    for (const g of this.paramGroups) for (const p of g.params) p.zeroGrad();
  }

  /**
   * Applies one update to every parameter that has a gradient. With a closure, first
   * re-evaluates the loss (gradients on) and returns it, as `torch.optim.Optimizer.step`.
   */
  step(closure?: Closure): number | undefined {
    const loss = closure === undefined ? undefined : lossValue(enableGrad(closure));
    noGrad(() => {
      for (const group of this.paramGroups) {
        for (const p of group.params) {
          if (!p.requiresGrad || p.grad === null) continue;
          this.update(p, p.grad, this.stateOf(p), group);
        }
      }
    });
    return loss;
  }

  /** The state of parameter `p`, created empty on first use. */
  protected stateOf(p: Tensor): ParamState {
    let s = this.state.get(p);
    if (s === undefined) {
      s = {};
      this.state.set(p, s);
    }
    return s;
  }

  /**
   * The state tensor `state[key]` of parameter `p` (same shape and dtype), created filled
   * with `initial` on first use, in float32 storage from `place` if it gives one (Adam's
   * moments in its WebAssembly kernel's memory). Updates write into its `data` in place,
   * so a training step allocates no new state.
   */
  protected buffer(
    state: ParamState,
    key: string,
    p: Tensor,
    initial = 0,
    place: (n: number) => TypedArray | null = () => null, // storage elsewhere (a kernel's memory)
  ): Tensor {
    let b = state[key] as Tensor | undefined;
    if (b === undefined) {
      const data = (p.dtype === "float32" ? place(p.size) : null) ?? allocate(p.dtype, p.size);
      b = new Tensor(data, [...p.shape]);
      if (initial !== 0) b.data.fill(initial);
      state[key] = b;
    }
    return b;
  }

  /** Options and state as JSON-serialisable data. */
  stateDict(): OptimizerStateDict {
    const all = this.paramGroups.flatMap((g) => g.params);
    const state: OptimizerStateDict["state"] = {};
    all.forEach((p, i) => {
      const s = this.state.get(p);
      if (!s) return;
      state[i] = Object.fromEntries(
        Object.entries(s).map(([k, v]) => [
          k,
          typeof v === "number" ? v : { shape: [...v.shape], data: Array.from(v.data) },
        ]),
      );
    });
    const paramGroups = this.paramGroups.map(({ params, ...options }) => ({
      ...structuredClone(options), // a copy: options such as betas are arrays
      params: params.map((p) => all.indexOf(p)),
    }));
    return { paramGroups, state };
  }

  /** Restores options and state saved by `stateDict()` for the same parameters, in the same order. */
  loadStateDict(saved: OptimizerStateDict): void {
    if (saved.paramGroups.length !== this.paramGroups.length) {
      throw new RangeError(
        `${this.name}.loadStateDict: expected ${this.paramGroups.length} parameter groups, got ${saved.paramGroups.length}`,
      );
    }
    const all = this.paramGroups.flatMap((g) => g.params);
    saved.paramGroups.forEach((options, i) => {
      const rest = Object.fromEntries(Object.entries(options).filter(([k]) => k !== "params"));
      Object.assign(this.paramGroups[i], structuredClone(rest));
      this.checkOptions(this.paramGroups[i]);
    });
    this.state.clear();
    for (const [index, entries] of Object.entries(saved.state)) {
      const p = all[Number(index)];
      if (p === undefined) {
        throw new RangeError(
          `${this.name}.loadStateDict: saved state for parameter ${index}, but there are only ${all.length} (indices 0…${all.length - 1})`,
        );
      }
      const s: ParamState = {};
      for (const [k, v] of Object.entries(entries)) {
        if (typeof v === "number") s[k] = v;
        else {
          const t = new Tensor(allocate(p.dtype, v.data.length), v.shape);
          t.data.set(v.data);
          s[k] = t;
        }
      }
      this.state.set(p, s);
    }
  }
}

/** The value of a closure's loss as a number: `loss.item()` for a tensor. */
export function lossValue(loss: Tensor | number): number {
  return typeof loss === "number" ? loss : loss.item();
}

function isGroupList<O extends BaseOptions>(
  params: ParamsInput<O>,
): params is (Partial<O> & { params: Tensor[] })[] {
  return params.length > 0 && !("data" in params[0]);
}

/** Throws unless `value` is a finite number ≥ 0: `SGD: lr must be ≥ 0, got -0.1`. */
export function checkNonNegative(where: string, name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0))
    throw new RangeError(`${where}: ${name} must be ≥ 0, got ${value}`);
}

/** Throws unless 0 ≤ value < 1: `Adam: betas[1] must be in [0, 1), got 1`. */
export function checkUnitInterval(where: string, name: string, value: number): void {
  if (!(value >= 0 && value < 1))
    throw new RangeError(`${where}: ${name} must be in [0, 1), got ${value}`);
}
