import { allocate } from "../tensor/dtype";
import { formatShape, sameShape } from "../tensor/shape";
import { Tensor } from "../tensor/tensor";
import { isFreshGradient } from "./function";
import { noGrad } from "./grad_mode";

/**
 * Reverse-mode differentiation from `root`: the chain rule applied once per recorded op,
 * in reverse topological order, so each op's backward receives ∂L/∂(its output) summed
 * over every path:  ∂L/∂x = Σ_{ops using x} (∂L/∂out)·(∂out/∂x).
 *
 * Leaves that require grad (and tensors that called `retainGrad()`) accumulate into
 * `.grad` (+=, like PyTorch: call `zeroGrad()` between steps). The backward pass itself
 * records nothing (it runs under `noGrad`). Calling it twice accumulates twice.
 */
export function backward(root: Tensor, gradient?: Tensor): void {
  if (!root.requiresGrad) {
    throw new Error(
      `backward(): this ${formatShape(root.shape)} tensor does not require grad; create the inputs with { requiresGrad: true } (or set x.requiresGrad = true) before computing it`,
    );
  }
  const given = gradient ?? implicitGradient(root);
  const seed = given.dtype === root.dtype ? given : given.to(root.dtype);
  if (!sameShape(seed.shape, root.shape)) {
    throw new RangeError(
      `backward(): the gradient must have the tensor's shape ${formatShape(root.shape)}, got ${formatShape(seed.shape)}`,
    );
  }
  const order = topologicalOrder(root);
  const grads = new Map<Tensor, Tensor>([[root, seed]]);
  noGrad(() => {
    for (let i = order.length - 1; i >= 0; i--) {
      const node = order[i];
      const g = grads.get(node);
      if (g === undefined) continue;
      grads.delete(node);
      if (node.retainsGrad) accumulateInto(node, g);
      const fn = node.gradFn;
      if (fn === null) continue;
      const inputGrads = fn.backward(g);
      fn.inputs.forEach((input, k) => {
        const gi = inputGrads[k];
        if (!input.requiresGrad || gi === null || gi === undefined) return;
        if (!sameShape(gi.shape, input.shape)) {
          throw new Error(
            `internal error in ${fn.name}: gradient ${formatShape(gi.shape)} for an input of shape ${formatShape(input.shape)}`,
          );
        }
        const cast = gi.dtype === input.dtype ? gi : gi.to(input.dtype);
        const previous = grads.get(input);
        grads.set(input, previous === undefined ? cast : previous.add(cast));
      });
    }
  });
}

function implicitGradient(root: Tensor): Tensor {
  if (root.size !== 1) {
    throw new RangeError(
      `backward(): called on a ${formatShape(root.shape)} tensor; reduce to a scalar (loss.mean()) or pass the upstream gradient`,
    );
  }
  const one = allocate(root.dtype, 1);
  one[0] = 1;
  return new Tensor(one, root.shape);
}

/** Ops before the ops that use them (iterative depth-first search: deep nets don't overflow the stack). */
function topologicalOrder(root: Tensor): Tensor[] {
  const order: Tensor[] = [];
  const visited = new Set<Tensor>();
  const stack: [Tensor, number][] = [[root, 0]];
  visited.add(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const [node, next] = top;
    const inputs = node.gradFn?.inputs ?? [];
    if (next < inputs.length) {
      top[1]++;
      const child = inputs[next];
      if (child.requiresGrad && !visited.has(child)) {
        visited.add(child);
        stack.push([child, 0]);
      }
    } else {
      stack.pop();
      order.push(node);
    }
  }
  return order;
}

/**
 * node.grad += g. The first time, g itself when its op made it for this input alone
 * (`freshGradient`), else a private copy (gradients may be shared between ops).
 */
function accumulateInto(node: Tensor, g: Tensor): void {
  if (node.grad === null) {
    node.grad = isFreshGradient(g) ? g : new Tensor(g.data.slice(), node.shape);
    return;
  }
  const acc = node.grad.data;
  for (let i = 0; i < acc.length; i++) acc[i] += g.data[i];
}
