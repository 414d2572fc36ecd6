import type { GradFn } from "../autograd/function";
import { backward as runBackward } from "../autograd/backward";
import { type DType, type TypedArray, dtypeOf, isFloat } from "./dtype";
import { type Shape, formatShape, sizeOf, stridesOf } from "./shape";
import * as ew from "./elementwise";
import * as act from "./activations";
import * as red from "./reduce";
import * as so from "./shape_ops";
import * as ix from "./indexing";
import { matmul } from "./matmul";
import { convert } from "./convert";
import { formatTensor, type LatexOptions, toLatex } from "./format";

/** A tensor or a plain number (broadcast as a scalar). */
export type TensorLike = Tensor | number;

/** Options of the reductions: `t.sum(1, { keepDims: true })` keeps the reduced axis as size 1. */
export interface ReduceOptions {
  keepDims?: boolean;
}

/**
 * An n-dimensional array with reverse-mode automatic differentiation.
 *
 * Storage is one contiguous row-major typed array (`data`) of `shape` and `dtype`.
 * Ops return new tensors (no views; `transpose` copies), so `data` is always laid out
 * as `shape` says. An op on tensors that `requiresGrad` records itself, and
 * `loss.backward()` fills `.grad` of the leaves, accumulating like PyTorch.
 *
 * @example
 * const W = tensor([[0.25, 0.15], [0.25, 0.20]], { requiresGrad: true });
 * const z = W.matmul(tensor([[0.02], [0.04]])).add(0.4);
 * z.sum().backward();  // W.grad = [[0.02, 0.04], [0.02, 0.04]]
 */
export class Tensor {
  readonly data: TypedArray;
  readonly shape: Shape;
  readonly dtype: DType;
  /** ∂L/∂this after `backward()`: filled on leaves, and on others after `retainGrad()`. */
  grad: Tensor | null = null;
  private _requiresGrad = false;
  private _gradFn: GradFn | null = null;
  private _retainsGrad = false;

  constructor(data: TypedArray, shape: Shape) {
    if (data.length !== sizeOf(shape)) {
      throw new RangeError(
        `Tensor: shape ${formatShape(shape)} needs ${sizeOf(shape)} elements, got ${data.length}`,
      );
    }
    this.data = data;
    this.shape = Object.freeze(shape.slice());
    this.dtype = dtypeOf(data);
  }

  // ── properties ────────────────────────────────────────────────────────────────
  get ndim(): number {
    return this.shape.length;
  }
  /** Number of elements. */
  get size(): number {
    return this.data.length;
  }
  numel(): number {
    return this.data.length;
  }
  get strides(): number[] {
    return stridesOf(this.shape);
  }
  /** The op that made this tensor, or null for a leaf. */
  get gradFn(): GradFn | null {
    return this._gradFn;
  }
  get isLeaf(): boolean {
    return this._gradFn === null;
  }
  get requiresGrad(): boolean {
    return this._requiresGrad;
  }
  set requiresGrad(value: boolean) {
    if (value && !isFloat(this.dtype)) {
      throw new TypeError(
        `requiresGrad: only float tensors can have gradients, this one is ${this.dtype}; convert it with .to("float64")`,
      );
    }
    if (!value && this._gradFn !== null) {
      throw new Error(
        "requiresGrad: cannot turn gradients off for a tensor computed by an op; use .detach()",
      );
    }
    this._requiresGrad = value;
  }
  /** Keeps `.grad` on this intermediate tensor after `backward()` (PyTorch's retain_grad). */
  retainGrad(): this {
    this._retainsGrad = true;
    return this;
  }
  get retainsGrad(): boolean {
    return this._retainsGrad || this.isLeaf;
  }
  /** @internal used by `record()`. */
  _setGradFn(fn: GradFn): void {
    this._gradFn = fn;
    this._requiresGrad = true;
  }

  // ── autodiff ──────────────────────────────────────────────────────────────────
  /**
   * Back-propagates from this tensor: ∂this/∂leaf accumulates into each leaf's `.grad`.
   * A scalar needs no argument; otherwise pass ∂L/∂this of the same shape.
   */
  backward(gradient?: Tensor): void {
    runBackward(this, gradient);
  }
  /** Sets `.grad` to null (PyTorch's `zero_grad(set_to_none=True)`). */
  zeroGrad(): void {
    this.grad = null;
  }
  /** The same values without history: a leaf that does not require grad. */
  detach(): Tensor {
    return new Tensor(this.data, this.shape);
  }
  /** A copy with its own storage, recorded in the graph. */
  clone(): Tensor {
    return so.clone(this);
  }

  // ── elementwise arithmetic (NumPy broadcasting) ──────────────────────────────
  add(other: TensorLike): Tensor {
    return ew.add(this, other);
  }
  sub(other: TensorLike): Tensor {
    return ew.sub(this, other);
  }
  mul(other: TensorLike): Tensor {
    return ew.mul(this, other);
  }
  div(other: TensorLike): Tensor {
    return ew.div(this, other);
  }
  pow(exponent: TensorLike): Tensor {
    return ew.pow(this, exponent);
  }
  maximum(other: TensorLike): Tensor {
    return ew.maximum(this, other);
  }
  minimum(other: TensorLike): Tensor {
    return ew.minimum(this, other);
  }
  neg(): Tensor {
    return ew.neg(this);
  }
  exp(): Tensor {
    return ew.exp(this);
  }
  log(): Tensor {
    return ew.log(this);
  }
  sqrt(): Tensor {
    return ew.sqrt(this);
  }
  abs(): Tensor {
    return ew.abs(this);
  }
  sign(): Tensor {
    return ew.sign(this);
  }
  square(): Tensor {
    return ew.mul(this, this);
  }
  clamp(min: number | null, max?: number | null): Tensor {
    return ew.clamp(this, min, max ?? null);
  }
  eq(other: TensorLike): Tensor {
    return ew.eq(this, other);
  }
  ne(other: TensorLike): Tensor {
    return ew.ne(this, other);
  }
  lt(other: TensorLike): Tensor {
    return ew.lt(this, other);
  }
  le(other: TensorLike): Tensor {
    return ew.le(this, other);
  }
  gt(other: TensorLike): Tensor {
    return ew.gt(this, other);
  }
  ge(other: TensorLike): Tensor {
    return ew.ge(this, other);
  }

  // ── activations ──────────────────────────────────────────────────────────────
  sigmoid(): Tensor {
    return act.sigmoid(this);
  }
  tanh(): Tensor {
    return act.tanh(this);
  }
  relu(): Tensor {
    return act.relu(this);
  }
  leakyRelu(negativeSlope = 0.01): Tensor {
    return act.leakyRelu(this, negativeSlope);
  }
  elu(alpha = 1): Tensor {
    return act.elu(this, alpha);
  }
  softmax(axis = -1): Tensor {
    return act.softmax(this, axis);
  }
  logSoftmax(axis = -1): Tensor {
    return act.logSoftmax(this, axis);
  }

  // ── reductions ───────────────────────────────────────────────────────────────
  sum(axis?: number | number[] | null, options?: ReduceOptions): Tensor {
    return red.sum(this, axis, options);
  }
  mean(axis?: number | number[] | null, options?: ReduceOptions): Tensor {
    return red.mean(this, axis, options);
  }
  max(axis?: number | null, options?: ReduceOptions): Tensor {
    return red.max(this, axis, options);
  }
  min(axis?: number | null, options?: ReduceOptions): Tensor {
    return red.min(this, axis, options);
  }
  argmax(axis?: number | null, options?: ReduceOptions): Tensor {
    return red.argmax(this, axis, options);
  }
  argmin(axis?: number | null, options?: ReduceOptions): Tensor {
    return red.argmin(this, axis, options);
  }
  var(axis?: number | number[] | null, options?: red.VarOptions): Tensor {
    return red.variance(this, axis, options);
  }

  // ── linear algebra and shape ─────────────────────────────────────────────────
  matmul(other: Tensor): Tensor {
    return matmul(this, other);
  }
  /** Reverses the axes: the matrix transpose for 2-D (NumPy's `.T`). */
  get T(): Tensor {
    return so.permute(
      this,
      this.shape.map((_, i) => this.ndim - 1 - i),
    );
  }
  transpose(dim0 = -2, dim1 = -1): Tensor {
    return so.transpose(this, dim0, dim1);
  }
  permute(...dims: number[]): Tensor {
    return so.permute(this, dims);
  }
  reshape(...shape: (number | number[])[]): Tensor {
    return so.reshape(this, shape.flat());
  }
  flatten(startDim = 0, endDim = -1): Tensor {
    return so.flatten(this, startDim, endDim);
  }
  squeeze(axis?: number): Tensor {
    return so.squeeze(this, axis);
  }
  unsqueeze(axis: number): Tensor {
    return so.unsqueeze(this, axis);
  }
  /** Elements `start, start+step, …` (< end) along `axis`: `X.slice(0, 0, 32)` = first 32 rows. */
  slice(axis: number, start: number, end?: number, step = 1): Tensor {
    return ix.slice(this, axis, start, end, step);
  }
  /** Index `index` along `axis`, removing that axis: `W.select(1, 0)` = first column. */
  select(axis: number, index: number): Tensor {
    return ix.select(this, axis, index);
  }
  /** Rows (or entries along `axis`) at `indices`, in that order: a mini-batch `X.indexSelect(0, idx)`. */
  indexSelect(axis: number, indices: ArrayLike<number> | Tensor): Tensor {
    return ix.indexSelect(this, axis, indices);
  }
  /** out[i][j] = this[i][index[i][j]] for axis 1 (PyTorch's gather): picks p[y] per row. */
  gather(axis: number, index: Tensor): Tensor {
    return ix.gather(this, axis, index);
  }
  /** Repeats size-1 axes to `shape` (a copy; gradients sum back). */
  expand(...shape: (number | number[])[]): Tensor {
    return so.broadcastTo(this, shape.flat());
  }

  /**
   * Overwrites the values in place (broadcasting `value` to this shape) without
   * recording anything: what optimisers and `loadStateDict` do to parameters.
   * Refused on a tensor computed by an op, whose history would no longer match.
   * @example noGrad(() => w.assign(w.sub(w.grad!.mul(lr))));  // w ← w − α∇w
   */
  assign(value: TensorLike): this {
    if (this._gradFn !== null) {
      throw new Error(
        "assign: cannot overwrite a tensor computed by an op (its graph would be wrong); assign to a leaf",
      );
    }
    const src = typeof value === "number" ? null : so.broadcastTo(value.detach(), this.shape);
    if (src === null) this.data.fill(value as number);
    else this.data.set(src.dtype === this.dtype ? src.data : convert(src, this.dtype).data);
    return this;
  }

  // ── conversion and display ───────────────────────────────────────────────────
  /** A copy converted to `dtype` (gradients flow between float types). */
  to(dtype: DType): Tensor {
    return convert(this, dtype);
  }
  /** The only element of a one-element tensor, as a number. */
  item(): number {
    if (this.size !== 1) {
      throw new RangeError(
        `item(): only a one-element tensor converts to a number, this one has shape ${formatShape(this.shape)}`,
      );
    }
    return this.data[0];
  }
  /** The element at the given indices (negative counts from the end). */
  get(...indices: number[]): number {
    return this.data[ix.flatIndex("get", this.shape, indices)];
  }
  /** Nested JS arrays (a number for a 0-d tensor). */
  toArray(): unknown {
    return ix.toNested(this);
  }
  toString(): string {
    return formatTensor(this);
  }
  /** LaTeX `bmatrix` of the values: `$$ z = ${z.toLatex({ decimals: 4 })} $$`. */
  toLatex(options?: LatexOptions): string {
    return toLatex(this, options);
  }
  /** How Node's console.log, and a tslab cell's value, show a tensor. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return formatTensor(this);
  }
}
