import type { Tensor } from "../tensor/tensor";
import type { Module } from "./module";

/** What `registerForwardHook` calls after a module's forward: the module, its input, its output. */
export type ForwardHook = (module: Module, input: Tensor, output: Tensor) => void;

/** A module's hooks, and the own `forward` it had before the first (an arrow-function field, say). */
interface Hooked {
  hooks: ForwardHook[];
  own: PropertyDescriptor | undefined;
}

const hooked = new WeakMap<Module, Hooked>();

/**
 * `Module.registerForwardHook`: the first hook puts a wrapper of `forward` on the instance
 * (calling the hooks after it, in order), the last removal takes it away, putting back the
 * class's `forward` or the instance's own.
 */
export function addForwardHook(module: Module, hook: ForwardHook): { remove(): void } {
  if (typeof hook !== "function") {
    throw new TypeError(
      `registerForwardHook: expected a function (module, input, output) => void, got ${typeof hook}`,
    );
  }
  let state = hooked.get(module);
  if (state === undefined) {
    state = { hooks: [], own: Object.getOwnPropertyDescriptor(module, "forward") };
    const { hooks } = state;
    const forward = module.forward;
    const wrapper = (x: Tensor): Tensor => {
      const y = forward.call(module, x);
      for (const h of [...hooks]) h(module, x, y);
      return y;
    };
    Object.defineProperty(module, "forward", {
      value: wrapper,
      configurable: true,
      writable: true,
    });
    hooked.set(module, state);
  }
  const { hooks, own } = state;
  hooks.push(hook);
  let removed = false;
  return {
    remove: () => {
      if (removed) return;
      removed = true;
      hooks.splice(hooks.indexOf(hook), 1);
      if (hooks.length > 0) return;
      hooked.delete(module);
      if (own) Object.defineProperty(module, "forward", own);
      else delete (module as { forward?: unknown }).forward; // back to the class's
    },
  };
}
