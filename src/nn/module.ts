import type { Tensor } from "../tensor/tensor";
import type { DType } from "../tensor/dtype";
import { formatShape } from "../tensor/shape";
import { type ForwardHook, addForwardHook } from "./forward_hooks";

export type { ForwardHook } from "./forward_hooks";

/** One saved tensor of a state dict: plain JSON (numbers are exact: a float32 or float64 round-trips bit for bit). */
export interface SavedTensor {
  shape: number[];
  dtype: DType;
  data: number[];
}

/** Parameters and buffers by dotted name ("fc1.weight"), as `JSON.stringify` can write them. */
export type StateDict = Record<string, SavedTensor>;

/**
 * Base class of every layer and model, as PyTorch's `nn.Module`.
 *
 * A module registers its trainable tensors with `registerParameter` and its non-trainable
 * state (BatchNorm's running mean) with `registerBuffer`; sub-modules are found by
 * walking its own properties (any property holding a Module, or an array of them), or
 * registered with `registerModule`. Names are dotted paths: `fc1.weight`.
 *
 * - `forward(x)` computes the output; `train()` / `eval()` switch dropout and BatchNorm.
 * - `parameters()` lists every parameter, frozen ones included (optimisers skip tensors
 *   that do not require grad); `net.fc1.requiresGrad = false` freezes a sub-module.
 * - `stateDict()` / `loadStateDict()` save and restore parameters and buffers as JSON.
 * - `registerForwardHook(hook)` sees each forward's input and output (layer activations).
 *
 * @example
 * class TwoLayer extends Module {
 *   fc1 = new Linear(784, 128);
 *   fc2 = new Linear(128, 10);
 *   forward(x: Tensor) { return this.fc2.forward(this.fc1.forward(x).relu()); }
 * }
 */
export abstract class Module {
  /** True in training mode (the default), false after `eval()`. */
  training = true;
  private readonly _parameters = new Map<string, Tensor>();
  private readonly _buffers = new Map<string, Tensor>();
  private readonly _modules = new Map<string, Module>();

  abstract forward(x: Tensor): Tensor;

  /**
   * Calls `hook(module, input, output)` after each `forward` of this module, in the order
   * registered, as PyTorch's `register_forward_hook` (for looking, not changing: its return
   * value is ignored). Returns a handle; `remove()` takes the hook off (`forward_hooks.ts`).
   *
   * @example const h = net.fc1.registerForwardHook((m, x, y) => seen.push(y)); net.forward(x); h.remove();
   */
  registerForwardHook(hook: ForwardHook): { remove(): void } {
    return addForwardHook(this, hook);
  }

  /** Registers a trainable tensor (sets requiresGrad) and returns it. */
  protected registerParameter(name: string, t: Tensor): Tensor {
    t.requiresGrad = true;
    this._parameters.set(name, t);
    return t;
  }

  /** Registers non-trainable state saved with the model (running statistics). */
  protected registerBuffer(name: string, t: Tensor): Tensor {
    this._buffers.set(name, t);
    return t;
  }

  /** Registers a sub-module under an explicit name (Sequential uses "0", "1", …). */
  protected registerModule(name: string, m: Module): Module {
    this._modules.set(name, m);
    return m;
  }

  /** Direct sub-modules with their names: registered ones, then Module-valued properties. */
  namedChildren(): [string, Module][] {
    const out: [string, Module][] = [...this._modules];
    const seen = new Set<Module>(this._modules.values());
    for (const [key, value] of Object.entries(this)) {
      const list = Array.isArray(value)
        ? value.map((v, i) => [`${key}.${i}`, v] as const)
        : [[key, value] as const];
      for (const [name, v] of list) {
        if (v instanceof Module && !seen.has(v)) {
          seen.add(v);
          out.push([name, v]);
        }
      }
    }
    return out;
  }

  /** This module and all below it, with dotted names ("" for this one). */
  namedModules(prefix = ""): [string, Module][] {
    const out: [string, Module][] = [[prefix, this]];
    for (const [name, child] of this.namedChildren()) {
      out.push(...child.namedModules(prefix ? `${prefix}.${name}` : name));
    }
    return out;
  }

  /** Every parameter once (a module used twice is listed once, as PyTorch), with dotted names. */
  namedParameters(): [string, Tensor][] {
    const seen = new Set<Tensor>();
    return this.namedModules()
      .flatMap(([path, m]) =>
        [...m._parameters].map(([name, t]): [string, Tensor] => [
          path ? `${path}.${name}` : name,
          t,
        ]),
      )
      .filter(([, t]) => !seen.has(t) && seen.add(t) !== undefined);
  }

  parameters(): Tensor[] {
    return this.namedParameters().map(([, t]) => t);
  }

  namedBuffers(): [string, Tensor][] {
    return this.namedModules().flatMap(([path, m]) =>
      [...m._buffers].map(([name, t]): [string, Tensor] => [path ? `${path}.${name}` : name, t]),
    );
  }

  /** Training mode (dropout on, BatchNorm on batch statistics), for this module and all below. */
  train(mode = true): this {
    for (const [, m] of this.namedModules()) m.training = mode;
    return this;
  }

  /** Evaluation mode: dropout off, BatchNorm on its running statistics. */
  eval(): this {
    return this.train(false);
  }

  /** Freezes (false) or unfreezes (true) every parameter below: transfer learning. */
  set requiresGrad(flag: boolean) {
    for (const p of this.parameters()) p.requiresGrad = flag;
  }
  /** True when every parameter below requires grad. */
  get requiresGrad(): boolean {
    return this.parameters().every((p) => p.requiresGrad);
  }

  /** Clears `.grad` of every parameter. */
  zeroGrad(): void {
    for (const p of this.parameters()) p.zeroGrad();
  }

  /** Parameters and buffers as plain JSON-serialisable data. */
  stateDict(): StateDict {
    const out: StateDict = {};
    for (const [name, t] of [...this.namedParameters(), ...this.namedBuffers()]) {
      out[name] = { shape: [...t.shape], dtype: t.dtype, data: Array.from(t.data) };
    }
    return out;
  }

  /**
   * Copies saved values into this model's tensors, in place (optimisers keep their
   * references). Every name must match, with the same shape; nothing is changed
   * unless everything matches.
   */
  loadStateDict(state: StateDict): void {
    const own = new Map([...this.namedParameters(), ...this.namedBuffers()]);
    const missing = [...own.keys()].filter((k) => !(k in state));
    const unexpected = Object.keys(state).filter((k) => !own.has(k));
    if (missing.length || unexpected.length) {
      throw new Error(
        `loadStateDict: names differ; missing ${JSON.stringify(missing)}, unexpected ${JSON.stringify(unexpected)}`,
      );
    }
    for (const [name, t] of own) {
      const saved = state[name];
      const problem =
        saved.shape.join() !== t.shape.join()
          ? `has shape ${formatShape(t.shape)} here, ${formatShape(saved.shape)} in the state dict`
          : saved.dtype !== t.dtype
            ? `is ${t.dtype} here, ${saved.dtype} in the state dict (loading would not be exact)`
            : saved.data.length !== t.size
              ? `needs ${t.size} values, the state dict has ${saved.data.length}`
              : null;
      if (problem) throw new Error(`loadStateDict: "${name}" ${problem}; nothing was loaded`);
    }
    for (const [name, t] of own) t.data.set(state[name].data);
  }
}
