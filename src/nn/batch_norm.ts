import { noGrad } from "../autograd/grad_mode";
import { ones, zeros } from "../tensor/creation";
import { type FloatDType, isFloat } from "../tensor/dtype";
import { formatShape } from "../tensor/shape";
import type { Tensor } from "../tensor/tensor";
import { checkPositiveInteger } from "./linear";
import { Module } from "./module";

/**
 * Batch normalisation (lecture 001 §1.5, lecture 002), as PyTorch's `nn.BatchNorm1d` /
 * `nn.BatchNorm2d`. In training, each channel is normalised with the statistics of the
 * mini-batch (m values per channel), then scaled and shifted by learned γ (`weight`) and
 * β (`bias`):
 *
 * $$ \mu_B = \frac{1}{m}\sum_i x_i, \quad \sigma_B^2 = \frac{1}{m}\sum_i (x_i - \mu_B)^2, \quad \hat{x}_i = \frac{x_i - \mu_B}{\sqrt{\sigma_B^2 + \epsilon}}, \quad y_i = \gamma \hat{x}_i + \beta $$
 *
 * σ²_B is the biased (1/m) variance, as both lectures and PyTorch normalise. The forward
 * is built from tensor ops, so autodiff gives the backward; `functional.batchNormBackward`
 * writes lecture 001's formulas out by hand, and the tests check the two agree.
 *
 * Running estimates (test time, lecture 001 §1.5.4), an exponentially weighted average
 * updated by every training forward. Two ways to write the same update:
 *
 * - PyTorch (`momentum`, default 0.1, the weight of the NEW batch):
 *   running ← (1 − momentum)·running + momentum·batch
 * - lecture 002 (`rho`, ρ = 0.9 "for batch size 128", the weight of the OLD average):
 *   μ^{t+1} = ρ μ^t + (1 − ρ) μ_B^{t+1}
 *
 * They coincide for ρ = 1 − momentum, so the default (momentum 0.1) is lecture 002's
 * ρ = 0.9; pass `{ rho }` to write the lecture's symbol, or `{ momentum }` (not both).
 * As in PyTorch, `runningVar` averages the UNBIASED batch variance σ²_B·m/(m − 1) (lecture
 * 002 writes the update with σ and leaves this open); `momentum: null` gives PyTorch's
 * cumulative average (factor 1/numBatchesTracked). In `eval()` mode x̂ uses
 * `runningMean`/`runningVar` instead of the batch (with `trackRunningStats: false`, the
 * batch statistics are used in both modes).
 *
 * ε: default 1e-5 (PyTorch); lecture 001 suggests 1e-8.
 * Parameters: `weight` γ = 1 and `bias` β = 0, [C] each (none with `affine: false`).
 * Buffers (saved by `stateDict`): `runningMean` = 0, `runningVar` = 1, [C], and
 * `numBatchesTracked` (int32 scalar).
 *
 * Lecture mapping: lecture 001's z_norm is x̂ and z̃ is y; its m is the batch size N for
 * BatchNorm1d on [N, C], and N·H·W for BatchNorm2d (one mean per channel over the batch
 * and every pixel, as lecture 002's `nn.Conv2d(3, 6, 3), nn.BatchNorm2d(6)`).
 */
export interface BatchNormOptions {
  /** ε added to σ² (default 1e-5). */
  eps?: number;
  /** Weight of the new batch in the running averages (default 0.1); null: cumulative average. */
  momentum?: number | null;
  /** Lecture 002's ρ, the weight of the old average: the same as momentum = 1 − ρ. */
  rho?: number;
  /** Learn γ and β (default true). */
  affine?: boolean;
  /** Keep running estimates for eval mode (default true). */
  trackRunningStats?: boolean;
  /** dtype of parameters and running estimates (default "float64"). */
  dtype?: FloatDType;
}

export abstract class BatchNorm extends Module {
  readonly numFeatures: number;
  readonly eps: number;
  readonly momentum: number | null;
  readonly affine: boolean;
  readonly trackRunningStats: boolean;
  /** γ, [C]; null with `affine: false`. */
  readonly weight: Tensor | null;
  /** β, [C]; null with `affine: false`. */
  readonly bias: Tensor | null;
  readonly runningMean: Tensor | null;
  readonly runningVar: Tensor | null;
  readonly numBatchesTracked: Tensor | null;

  constructor(numFeatures: number, options: BatchNormOptions = {}) {
    super();
    const name = this.constructor.name;
    const { eps = 1e-5, affine = true, trackRunningStats = true, dtype = "float64" } = options;
    checkPositiveInteger(name, "numFeatures", numFeatures);
    if (!(eps > 0)) throw new RangeError(`${name}: eps must be > 0, got ${eps}`);
    if (!isFloat(dtype)) {
      throw new TypeError(
        `${name}: dtype must be "float64" or "float32", got ${JSON.stringify(dtype)}`,
      );
    }
    this.numFeatures = numFeatures;
    this.eps = eps;
    this.momentum = checkMomentum(name, options);
    this.affine = affine;
    this.trackRunningStats = trackRunningStats;
    const C = [numFeatures];
    this.weight = affine ? this.registerParameter("weight", ones(C, { dtype })) : null;
    this.bias = affine ? this.registerParameter("bias", zeros(C, { dtype })) : null;
    const track = trackRunningStats;
    this.runningMean = track ? this.registerBuffer("runningMean", zeros(C, { dtype })) : null;
    this.runningVar = track ? this.registerBuffer("runningVar", ones(C, { dtype })) : null;
    this.numBatchesTracked = track
      ? this.registerBuffer("numBatchesTracked", zeros([], { dtype: "int32" }))
      : null;
  }

  /** Lecture 002's ρ = 1 − momentum (null for the cumulative average). */
  get rho(): number | null {
    return this.momentum === null ? null : 1 - this.momentum;
  }

  /** Running mean 0, running variance 1, no batches seen. */
  resetRunningStats(): void {
    this.runningMean?.assign(0);
    this.runningVar?.assign(1);
    this.numBatchesTracked?.assign(0);
  }

  override forward(x: Tensor): Tensor {
    this.checkInput(x);
    const C = this.numFeatures;
    const axes = x.shape.map((_, k) => k).filter((k) => k !== 1); // all but the channel axis
    const perChannel = x.shape.map((d, k) => (k === 1 ? d : 1)); // [1, C] or [1, C, 1, 1]
    const m = x.size / C; // values per channel
    let mu: Tensor;
    let sigma2: Tensor;
    if (this.training || !this.runningMean || !this.runningVar) {
      if (this.training && m === 1) {
        throw new RangeError(
          `${this.label}: expected more than 1 value per channel when training, got input ${formatShape(x.shape)}; use a larger batch, or eval()`,
        );
      }
      mu = x.mean(axes, { keepDims: true }); // μ_B = (1/m) Σ xᵢ
      sigma2 = x.var(axes, { correction: 0, keepDims: true }); // σ²_B = (1/m) Σ (xᵢ − μ_B)²
      if (this.training) this.updateRunningStats(mu, sigma2, m);
    } else {
      mu = this.runningMean.reshape(perChannel);
      sigma2 = this.runningVar.reshape(perChannel);
    }
    const xHat = x.sub(mu).div(sigma2.add(this.eps).sqrt()); // x̂ = (x − μ)/√(σ² + ε)
    if (!this.weight || !this.bias) return xHat;
    return xHat.mul(this.weight.reshape(perChannel)).add(this.bias.reshape(perChannel)); // y = γx̂ + β
  }

  /** running ← (1 − momentum)·running + momentum·batch, i.e. ρ·running + (1 − ρ)·batch. */
  private updateRunningStats(mu: Tensor, sigma2: Tensor, m: number): void {
    const { runningMean, runningVar, numBatchesTracked, numFeatures: C } = this;
    if (!runningMean || !runningVar || !numBatchesTracked) return;
    noGrad(() => {
      const t = numBatchesTracked.assign(numBatchesTracked.item() + 1).item(); // batches seen
      const momentum = this.momentum ?? 1 / t; // null: cumulative average over t batches
      const unbiased = sigma2.reshape([C]).mul(m / (m - 1)); // σ²_B·m/(m − 1)
      runningMean.assign(runningMean.mul(1 - momentum).add(mu.reshape([C]).mul(momentum)));
      runningVar.assign(runningVar.mul(1 - momentum).add(unbiased.mul(momentum)));
    });
  }

  /** "BatchNorm1d(48)": how errors name this layer. */
  get label(): string {
    return `${this.constructor.name}(${this.numFeatures})`;
  }

  /** Throws unless x has the layer's layout with numFeatures channels on axis 1. */
  protected abstract checkInput(x: Tensor): void;

  protected checkDType(x: Tensor): void {
    const own = (this.weight ?? this.runningMean)?.dtype;
    if (own && isFloat(x.dtype) && x.dtype !== own) {
      throw new TypeError(
        `${this.label}: input is ${x.dtype} but the layer is ${own}; convert the input with x.to("${own}") or build the layer with { dtype: "${x.dtype}" }`,
      );
    }
  }
}

/**
 * BatchNorm over features: statistics per feature over the batch (and over L for [N, C, L]).
 *
 * Shape: `[N, C] → [N, C]` or `[N, C, L] → [N, C, L]`, C = numFeatures.
 *
 * @example new nn.Sequential(new nn.Linear(784, 48), new nn.BatchNorm1d(48), new nn.ReLU());
 */
export class BatchNorm1d extends BatchNorm {
  protected override checkInput(x: Tensor): void {
    const C = this.numFeatures;
    if ((x.ndim !== 2 && x.ndim !== 3) || x.shape[1] !== C) {
      const hint =
        x.ndim === 4 && x.shape[1] === C
          ? "for images use nn.BatchNorm2d"
          : x.ndim === 1
            ? "a single sample needs a batch axis: x.unsqueeze(0)"
            : `axis 1 must have ${C} features (check numFeatures, or the layer before)`;
      throw new RangeError(
        `${this.label}: expected input [N, ${C}] or [N, ${C}, L], got ${formatShape(x.shape)}; ${hint}`,
      );
    }
    this.checkDType(x);
  }
}

/**
 * BatchNorm over channels of images: statistics per channel over N, H and W.
 *
 * Shape: `[N, C, H, W] → [N, C, H, W]`, C = numFeatures.
 *
 * @example new nn.Sequential(new nn.Conv2d(3, 6, 3), new nn.BatchNorm2d(6), new nn.ReLU());
 */
export class BatchNorm2d extends BatchNorm {
  protected override checkInput(x: Tensor): void {
    const C = this.numFeatures;
    if (x.ndim !== 4 || x.shape[1] !== C) {
      const hint =
        x.ndim === 2 && x.shape[1] === C
          ? "after a Linear layer use nn.BatchNorm1d"
          : `axis 1 must have ${C} channels (check numFeatures, or the layer before)`;
      throw new RangeError(
        `${this.label}: expected input [N, ${C}, H, W], got ${formatShape(x.shape)}; ${hint}`,
      );
    }
    this.checkDType(x);
  }
}

/** momentum in [0, 1] or null, or rho in [0, 1] (not both): the factor on the new batch. */
function checkMomentum(where: string, options: BatchNormOptions): number | null {
  const { momentum, rho } = options;
  if (momentum !== undefined && rho !== undefined) {
    throw new RangeError(
      `${where}: give momentum (PyTorch's weight of the new batch) or rho (lecture 002's weight of the old average, = 1 − momentum), not both; got momentum ${momentum} and rho ${rho}`,
    );
  }
  const inUnit = (v: number): boolean => typeof v === "number" && v >= 0 && v <= 1;
  if (rho !== undefined) {
    if (!inUnit(rho)) throw new RangeError(`${where}: rho must be in [0, 1], got ${rho}`);
    return 1 - rho;
  }
  if (momentum === undefined) return 0.1;
  if (momentum !== null && !inUnit(momentum)) {
    throw new RangeError(`${where}: momentum must be in [0, 1] or null, got ${momentum}`);
  }
  return momentum;
}
