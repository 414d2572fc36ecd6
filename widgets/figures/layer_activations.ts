import { type Tensor, nn, noGrad } from "../../src/index";
import { describe } from "./tensor_values";

/** One layer's output for a batch, with a name for its panel. */
export interface LayerActivation {
  name: string;
  output: Tensor;
}

/** Which layers' outputs to keep. */
export interface LayerActivationsOptions {
  /**
   * "activations" (the default): the outputs of the activation layers (ReLU, Tanh, Sigmoid,
   * LeakyReLU, ELU, PReLU, Softmax), or of every layer when there are none; "all": every
   * layer's output; or the indices of the layers to keep (`net.at(i)` of a Sequential; else
   * the i-th module call of the forward pass).
   */
  layers?: "activations" | "all" | number[];
  /**
   * Run the layers in training mode: BatchNorm normalises with the batch's own statistics
   * (what a fresh network does in its first step) and dropout drops. The running statistics
   * are put back afterwards. Default false: evaluation mode.
   */
  training?: boolean;
}

const ACTIVATIONS = [nn.ReLU, nn.Tanh, nn.Sigmoid, nn.LeakyReLU, nn.ELU, nn.PReLU, nn.Softmax];

/**
 * The output of each layer for the batch x. For an `nn.Sequential`, the chain a⁽⁰⁾ = x,
 * a⁽ˡ⁾ = f_l(a⁽ˡ⁻¹⁾) run one layer at a time (lecture 000's layer recursion
 * A⁽ˡ⁾ = f(W⁽ˡ⁾A⁽ˡ⁻¹⁾ + B⁽ˡ⁾)), layer i being `net.at(i)`. For any other model, one
 * `forward` with a forward hook (`registerForwardHook`) on each module that has no
 * sub-modules, the layers being those calls in the order they ran (a nested Sequential's
 * layers, a custom model's Linear layers; an activation written as a tensor method, such as
 * `x.relu()`, is no module and is not seen: its Linear's output is). It keeps the outputs
 * asked for.
 *
 * It leaves the model as it was: run under `noGrad`, in evaluation mode unless `training`,
 * and afterwards every module's mode and every buffer (BatchNorm's running statistics) is
 * restored, and the hooks removed. (In training mode, dropout draws from the default
 * generator.)
 *
 * @example layerActivations(net, x).map((l) => l.name)   // ["layer 1 (Tanh)", …]
 */
export function layerActivations(
  model: nn.Module,
  x: Tensor,
  options: LayerActivationsOptions = {},
): LayerActivation[] {
  if (!(model instanceof nn.Module)) {
    throw new TypeError(
      `layerActivations: expected an nn.Module, got ${describe(model)}; for another model pass its activations as a list of tensors`,
    );
  }
  const modes = model.namedModules().map(([, m]) => [m, m.training] as const);
  const buffers = model.namedBuffers().map(([, t]) => [t, t.data.slice()] as const);
  try {
    model.train(options.training ?? false);
    const calls = noGrad(() =>
      model instanceof nn.Sequential ? chain(model, x) : hooked(model, x),
    );
    const keep = chosenLayers(
      calls.map((c) => c.layer),
      options.layers ?? "activations",
    );
    const kept = calls.filter((_, i) => keep.has(i));
    return kept.map((c, k) => ({ name: layerName(k, c.layer), output: c.output }));
  } finally {
    for (const [m, mode] of modes) m.training = mode;
    for (const [t, saved] of buffers) t.data.set(saved);
  }
}

type Call = { layer: nn.Module; output: Tensor };

/** A Sequential's layers one at a time: a⁽ⁱ⁺¹⁾ = fᵢ(a⁽ⁱ⁾). */
function chain(net: nn.Sequential, x: Tensor): Call[] {
  const calls: Call[] = [];
  let a = x; // a⁽⁰⁾ = x
  for (let i = 0; i < net.length; i++) {
    a = net.at(i).forward(a);
    calls.push({ layer: net.at(i), output: a });
  }
  return calls;
}

/** One forward of `model`, with each module that has no sub-modules (or the model itself) hooked. */
function hooked(model: nn.Module, x: Tensor): Call[] {
  const calls: Call[] = [];
  const leaves = model
    .namedModules()
    .map(([, m]) => m)
    .filter((m) => m.namedChildren().length === 0);
  const handles = leaves.map((m) =>
    m.registerForwardHook((layer, _input, output) => calls.push({ layer, output })),
  );
  try {
    model.forward(x);
  } finally {
    for (const h of handles) h.remove();
  }
  return calls;
}

/** "layer 3 (Tanh)": the count among the kept layers and the module's class. */
function layerName(k: number, layer: nn.Module): string {
  return `layer ${k + 1} (${layer.constructor.name})`;
}

function chosenLayers(
  layers: readonly nn.Module[],
  chosen: NonNullable<LayerActivationsOptions["layers"]>,
): Set<number> {
  const all = layers.map((_, i) => i);
  if (chosen === "all") return new Set(all);
  if (chosen === "activations") {
    const act = all.filter((i) => ACTIVATIONS.some((A) => layers[i] instanceof A));
    return new Set(act.length ? act : all);
  }
  const bad = Array.isArray(chosen)
    ? chosen.find((i) => !(Number.isInteger(i) && i >= 0 && i < layers.length))
    : chosen;
  if (bad !== undefined) {
    throw new RangeError(
      `layerActivations: layers must be "activations", "all" or indices in 0…${layers.length - 1} of the model's ${layers.length} layers, got ${String(bad)}`,
    );
  }
  return new Set(chosen);
}
