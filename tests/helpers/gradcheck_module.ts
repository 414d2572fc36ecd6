import { type GradcheckOptions, type GradcheckResult, type Tensor, gradcheck } from "../../src";
import type { Module } from "../../src/nn/module";

/**
 * `gradcheck` of a module's forward with respect to its input and every parameter that
 * requires grad. gradcheck differentiates copies of its inputs, so each call runs the
 * module with those copies put in place of its own parameters (PyTorch's
 * `torch.func.functional_call`): a parameter registered as "fc1.weight" is the property
 * `weight` of the sub-module `fc1`, which is how every nnlab layer stores it.
 * Input 0 is x (checked when it requires grad); inputs 1… follow `namedParameters()`.
 */
export function gradcheckModule(
  module: Module,
  x: Tensor,
  options?: GradcheckOptions,
): GradcheckResult {
  const owners = new Map(module.namedModules());
  const named = module.namedParameters();
  const slots = named.map(([name]) => {
    const dot = name.lastIndexOf(".");
    const owner = owners.get(dot < 0 ? "" : name.slice(0, dot)) as unknown as Record<
      string,
      unknown
    >;
    const key = name.slice(dot + 1);
    if (owner?.[key] !== named.find(([n]) => n === name)?.[1]) {
      throw new Error(
        `gradcheckModule: parameter "${name}" is not the property "${key}" of its module`,
      );
    }
    return { owner, key };
  });
  const fn = (xc: Tensor, ...ps: Tensor[]): Tensor => {
    const saved = slots.map(({ owner, key }) => owner[key]);
    slots.forEach(({ owner, key }, i) => (owner[key] = ps[i]));
    try {
      return module.forward(xc);
    } finally {
      slots.forEach(({ owner, key }, i) => (owner[key] = saved[i]));
    }
  };
  return gradcheck(fn, [x, ...named.map(([, p]) => p)], options);
}
