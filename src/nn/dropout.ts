import { rand } from "../tensor/creation";
import type { Generator } from "../tensor/random";
import type { Tensor } from "../tensor/tensor";
import { Module } from "./module";

/**
 * Dropout (lectures 002 and 003): in training, zero each activation independently with
 * probability p; a different random sub-network for every forward pass.
 *
 * p is the DROP probability here, as in PyTorch and lecture 002 ("Dropout 概率p 是丢掉
 * 某个神经元的概率"). Lecture 003's numpy code uses p for the KEEP probability
 * (`p = 0.5 # probability of keeping a unit active`): its p is 1 − p here.
 *
 * With a mask m, mᵢ ~ Bernoulli(1 − p) (1 = keep; lecture 003: `U = np.random.rand(*H.shape) < keep`):
 *
 * - `mode: "inverted"` (default, PyTorch's `nn.Dropout`, lecture 002 "翻转 dropout"):
 *   training  a = m ⊙ x / (1 − p),   test  a = x.
 * - `mode: "vanilla"` (lecture 002 "Dropout 工作流程", lecture 003 "Vanilla Dropout"):
 *   training  a = m ⊙ x,             test  a = (1 − p) x.
 *
 * Either way the test output is the expectation of the training output over masks,
 * lecture 003's argument E[a] = ½(w₁x + w₂y) for p = ½:
 *
 * $$ \mathbb{E}_m[m \odot x] = (1-p)\,x, \qquad \mathbb{E}_m\!\left[\frac{m \odot x}{1-p}\right] = x $$
 *
 * Inverted dropout moves the scaling into training, so the test-time network needs no
 * change. Masks come from the default generator (`manualSeed`) or `{ generator }`.
 * `net.train()` / `net.eval()` switch between the two behaviours.
 *
 * Shape: `[*] → [*]`.
 *
 * @example new nn.Sequential(new nn.Linear(784, 256), new nn.ReLU(), new nn.Dropout(0.5), new nn.Linear(256, 10));
 */
export type DropoutMode = "inverted" | "vanilla";

export interface DropoutOptions {
  /** "inverted" (default: scale by 1/(1−p) in training) or "vanilla" (scale by 1−p at test). */
  mode?: DropoutMode;
  generator?: Generator;
}

export class Dropout extends Module {
  /** Probability of dropping an activation, in [0, 1). */
  readonly p: number;
  readonly mode: DropoutMode;
  private readonly generator: Generator | undefined;

  constructor(p = 0.5, options: DropoutOptions = {}) {
    super();
    const { mode = "inverted", generator } = options;
    checkDropout("Dropout", p, mode);
    this.p = p;
    this.mode = mode;
    this.generator = generator;
  }

  override forward(x: Tensor): Tensor {
    const { p, mode } = this;
    if (!this.training) return mode === "vanilla" ? x.mul(1 - p) : x; // test: a = (1−p)x, or a = x
    const m = keepMask(x.shape, p, this.generator); // mᵢ ~ Bernoulli(1 − p)
    const a = x.mul(m); // a = m ⊙ x
    return mode === "inverted" ? a.div(1 - p) : a; // inverted: a = m ⊙ x / (1 − p)
  }
}

/** A bool mask of `shape`, true (keep) with probability 1 − p: lecture 003's `rand(...) < keep`. */
export function keepMask(shape: readonly number[], p: number, generator?: Generator): Tensor {
  return rand(shape.slice(), { generator }).lt(1 - p);
}

/** p ∈ [0, 1) and a known mode, or an error naming both (shared with DropConnect). */
export function checkDropout(where: string, p: number, mode: DropoutMode): void {
  if (typeof p !== "number" || !(p >= 0 && p < 1)) {
    throw new RangeError(`${where}: p must be in [0, 1), got ${String(p)}`);
  }
  if (mode !== "inverted" && mode !== "vanilla") {
    throw new RangeError(
      `${where}: mode must be "inverted" or "vanilla", got ${JSON.stringify(mode)}`,
    );
  }
}
