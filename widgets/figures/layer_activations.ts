import { type Tensor, nn, noGrad } from "../../src/index";
import { describe } from "./tensor_values";

/** One layer's output for a batch, with a name for its panel. */
export interface LayerActivation {
  name: string;
  output: Tensor;
}

/** Which outputs of a `Sequential` to keep. */
export interface LayerActivationsOptions {
  /**
   * "activations" (the default): the outputs of the activation layers (ReLU, Tanh, Sigmoid,
   * LeakyReLU, ELU, PReLU, Softmax), or of every layer when there are none; "all": every
   * layer's output; or the indices of the layers (`net.at(i)`) to keep.
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
 * The output of each layer of an `nn.Sequential` for the batch x: the chain
 * a⁽⁰⁾ = x, a⁽ˡ⁾ = f_l(a⁽ˡ⁻¹⁾) run one layer at a time, keeping the outputs asked for
 * (lecture 000's layer recursion A⁽ˡ⁾ = f(W⁽ˡ⁾A⁽ˡ⁻¹⁾ + B⁽ˡ⁾)).
 *
 * It leaves the model as it was: run under `noGrad`, in evaluation mode unless `training`,
 * and afterwards every module's mode and every buffer (BatchNorm's running statistics) is
 * restored. (In training mode, dropout draws from the default generator.)
 *
 * @example layerActivations(net, x).map((l) => l.name)   // ["layer 1 (Tanh)", …]
 */
export function layerActivations(
  model: nn.Module,
  x: Tensor,
  options: LayerActivationsOptions = {},
): LayerActivation[] {
  if (!(model instanceof nn.Sequential)) {
    throw new TypeError(
      `layerActivations: expected an nn.Sequential (its layers are run one at a time), got ${model?.constructor?.name ?? describe(model)}; for another model pass its activations as a list of tensors`,
    );
  }
  const layers = Array.from({ length: model.length }, (_, i) => model.at(i));
  const keep = chosenLayers(layers, options.layers ?? "activations");
  const modes = model.namedModules().map(([, m]) => [m, m.training] as const);
  const buffers = model.namedBuffers().map(([, t]) => [t, t.data.slice()] as const);
  try {
    model.train(options.training ?? false);
    return noGrad(() => {
      const out: LayerActivation[] = [];
      let a = x; // a⁽⁰⁾ = x
      layers.forEach((layer, i) => {
        a = model.at(i).forward(a); // a⁽ⁱ⁺¹⁾ = fᵢ(a⁽ⁱ⁾)
        if (keep.has(i)) out.push({ name: layerName(out.length, layer), output: a });
      });
      return out;
    });
  } finally {
    for (const [m, mode] of modes) m.training = mode;
    for (const [t, saved] of buffers) t.data.set(saved);
  }
}

/** "layer 3 (Tanh)": the count among the kept layers and the module's class. */
function layerName(k: number, layer: nn.Module): string {
  return `layer ${k + 1} (${layer.constructor.name})`;
}

function chosenLayers(
  layers: nn.Module[],
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
      `layerActivations: layers must be "activations", "all" or indices in 0…${layers.length - 1} of the Sequential's ${layers.length} modules, got ${String(bad)}`,
    );
  }
  return new Set(chosen);
}
