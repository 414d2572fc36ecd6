/**
 * The gain g of a nonlinearity: the factor by which init scales the standard deviation
 * so that activations keep their variance from layer to layer (PyTorch's
 * `nn.init.calculate_gain`, same table).
 *
 * | nonlinearity                          | gain            |
 * | ------------------------------------- | --------------- |
 * | linear, conv1d/2d/3d, convTranspose…  | 1               |
 * | sigmoid                               | 1               |
 * | tanh                                  | 5/3             |
 * | relu                                  | √2              |
 * | leakyRelu (slope a, default 0.01)     | √(2 / (1 + a²)) |
 * | selu                                  | 3/4             |
 *
 * ReLU zeroes half of its inputs, halving the second moment: √2 puts it back (He et al.
 * 2015, the "MSRA" initialisation of lecture 002). Names are camelCase; PyTorch's
 * spellings (`leaky_relu`, `conv_transpose2d`) are accepted too.
 *
 * @example init.calculateGain("leakyRelu", 0.2)  // √(2 / 1.04) ≈ 1.3868
 */
export type Nonlinearity =
  | "linear"
  | "identity"
  | "conv1d"
  | "conv2d"
  | "conv3d"
  | "convTranspose1d"
  | "convTranspose2d"
  | "convTranspose3d"
  | "conv_transpose1d"
  | "conv_transpose2d"
  | "conv_transpose3d"
  | "sigmoid"
  | "tanh"
  | "relu"
  | "leakyRelu"
  | "leaky_relu"
  | "selu";

const GAINS: Record<Exclude<Nonlinearity, "leakyRelu" | "leaky_relu">, number> = {
  linear: 1,
  identity: 1,
  conv1d: 1,
  conv2d: 1,
  conv3d: 1,
  convTranspose1d: 1,
  convTranspose2d: 1,
  convTranspose3d: 1,
  conv_transpose1d: 1,
  conv_transpose2d: 1,
  conv_transpose3d: 1,
  sigmoid: 1,
  tanh: 5 / 3,
  relu: Math.SQRT2,
  selu: 3 / 4,
};

/** `param` is Leaky ReLU's negative slope a (default 0.01); other nonlinearities ignore it. */
export function calculateGain(nonlinearity: Nonlinearity, param?: number): number {
  if (nonlinearity === "leakyRelu" || nonlinearity === "leaky_relu") {
    const a = param ?? 0.01;
    if (!Number.isFinite(a)) {
      throw new TypeError(`calculateGain: the negative slope must be a finite number, got ${a}`);
    }
    return Math.sqrt(2 / (1 + a * a)); // g = √(2 / (1 + a²))
  }
  if (!Object.hasOwn(GAINS, nonlinearity)) {
    throw new RangeError(
      `calculateGain: unknown nonlinearity ${JSON.stringify(nonlinearity)}; expected one of ${[...Object.keys(GAINS), "leakyRelu"].join(", ")}`,
    );
  }
  return GAINS[nonlinearity as keyof typeof GAINS];
}
