import type { Tensor } from "../tensor/tensor";
import { Module } from "./module";

/**
 * A chain of modules, each applied to the output of the one before, as PyTorch's
 * `nn.Sequential`:
 *
 * $$ y = f_L(\cdots f_2(f_1(x))) $$
 *
 * Sub-modules are registered as "0", "1", …, so parameters are named "0.weight",
 * "2.bias", …, as in PyTorch (a state dict moves between the two by name). Lecture 000's
 * layer recursion A⁽ˡ⁾ = f(W⁽ˡ⁾A⁽ˡ⁻¹⁾ + B⁽ˡ⁾) is `Linear` then an activation, repeated.
 *
 * Shape: the first module's input → the last module's output.
 *
 * @example
 * const net = new nn.Sequential(
 *   new nn.Flatten(), new nn.Linear(784, 128), new nn.ReLU(), new nn.Linear(128, 10));
 */
export class Sequential extends Module {
  private readonly layers: Module[];

  constructor(...modules: Module[]) {
    super();
    modules.forEach((m, i) => {
      if (!(m instanceof Module)) {
        const got =
          typeof m === "function" ? `the class ${(m as { name: string }).name}` : typeof m;
        throw new TypeError(
          `Sequential: argument ${i} must be a Module instance, got ${got}${typeof m === "function" ? ' (forgot "new"?)' : ""}`,
        );
      }
      this.registerModule(String(i), m);
    });
    this.layers = modules;
  }

  /** Number of modules in the chain. */
  get length(): number {
    return this.layers.length;
  }

  /** The module at `index` (negative counts from the end), like PyTorch's `net[index]`. */
  at(index: number): Module {
    const m = this.layers.at(index);
    if (m === undefined || !Number.isInteger(index)) {
      throw new RangeError(
        `Sequential.at: index ${index} is out of range for ${this.layers.length} modules (expected an integer in [${-this.layers.length}, ${this.layers.length - 1}])`,
      );
    }
    return m;
  }

  /** x → module 0 → module 1 → …; an error is prefixed with the module that raised it. */
  override forward(x: Tensor): Tensor {
    let a = x;
    for (const [i, m] of this.layers.entries()) {
      try {
        a = m.forward(a); // a⁽ⁱ⁺¹⁾ = fᵢ(a⁽ⁱ⁾)
      } catch (e) {
        if (e instanceof Error) e.message = `${where(i, m, e.message)}: ${e.message}`;
        throw e;
      }
    }
    return a;
  }
}

/** "Sequential[1]", plus the class when the message does not start with it: "Sequential[3] (Softmax)". */
function where(i: number, m: Module, message: string): string {
  const name = m.constructor.name;
  return message.startsWith(name) ? `Sequential[${i}]` : `Sequential[${i}] (${name})`;
}
