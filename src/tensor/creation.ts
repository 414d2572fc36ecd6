import { type DType, type TypedArray, allocate, checkDType, isFloat } from "./dtype";
import { Generator, defaultGenerator } from "./random";
import { checkShape, formatShape, sizeOf } from "./shape";
import { Tensor } from "./tensor";

/**
 * Making tensors: from nested arrays, filled, ranges, and random draws. Numbers become
 * float64 unless `{ dtype }` says otherwise (labels: `{ dtype: "int32" }`); every random
 * function draws from the seeded default generator (`manualSeed`) or `{ generator }`.
 */
export interface TensorOptions {
  dtype?: DType;
  requiresGrad?: boolean;
}

export interface RandomOptions extends TensorOptions {
  generator?: Generator;
}

/** Nested arrays of numbers (or booleans), any depth: a scalar, a vector, a matrix, … */
export type NestedArray = number | boolean | readonly NestedArray[];

/**
 * A tensor from nested arrays, a typed array (1-D) or a number (0-d).
 * @example tensor([[0.25, 0.15], [0.25, 0.20]])            // [2, 2] float64
 * @example tensor([2, 0, 1], { dtype: "int32" })          // labels
 */
export function tensor(data: NestedArray | TypedArray, options: TensorOptions = {}): Tensor {
  if (ArrayBuffer.isView(data)) {
    const flat = data as TypedArray;
    return finish(
      fill(options.dtype ?? dtypeOfArray(flat), Array.from(flat)),
      [flat.length],
      options,
    );
  }
  const shape: number[] = [];
  for (let d: NestedArray = data; Array.isArray(d); d = (d as readonly NestedArray[])[0]) {
    shape.push(d.length);
    if (d.length === 0) break;
  }
  const flat: number[] = [];
  let sawBool = false;
  const walk = (node: NestedArray, dim: number, path: number[]): void => {
    if (dim === shape.length) {
      if (typeof node === "boolean") sawBool = true;
      else if (typeof node !== "number") {
        throw new TypeError(
          `tensor: expected a number at [${path.join("][")}], got ${JSON.stringify(node)}`,
        );
      }
      flat.push(Number(node));
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[dim]) {
      const got = Array.isArray(node) ? `${node.length} elements` : JSON.stringify(node);
      throw new RangeError(
        `tensor: ragged nested array: [${path.join("][")}] has ${got}, expected ${shape[dim]} (shape ${formatShape(shape)} from the first elements)`,
      );
    }
    node.forEach((child: NestedArray, i: number) => walk(child, dim + 1, [...path, i]));
  };
  walk(data, 0, []);
  const dtype = options.dtype ?? (sawBool ? "bool" : "float64");
  return finish(fill(dtype, flat), shape, options);
}

/** Zeros of `shape`. */
export function zeros(shape: number[] | number, options: TensorOptions = {}): Tensor {
  return full(shape, 0, options);
}

/** Ones of `shape`. */
export function ones(shape: number[] | number, options: TensorOptions = {}): Tensor {
  return full(shape, 1, options);
}

/** `shape` filled with `value`. */
export function full(shape: number[] | number, value: number, options: TensorOptions = {}): Tensor {
  const s = asShape("full", shape);
  const data = allocate(checkDType("full", options.dtype ?? "float64"), sizeOf(s));
  data.fill(value);
  return finish(data, s, options);
}

/** Zeros shaped like `t` (and of its dtype unless told). */
export function zerosLike(t: Tensor, options: TensorOptions = {}): Tensor {
  return zeros(t.shape.slice(), { dtype: t.dtype, ...options });
}

/** Ones shaped like `t`. */
export function onesLike(t: Tensor, options: TensorOptions = {}): Tensor {
  return ones(t.shape.slice(), { dtype: t.dtype, ...options });
}

/** The n×m identity (m = n by default). */
export function eye(n: number, m = n, options: TensorOptions = {}): Tensor {
  const out = zeros([n, m], options);
  for (let i = 0; i < Math.min(n, m); i++) out.data[i * m + i] = 1;
  return out;
}

/**
 * start, start+step, … (< end), like NumPy: `arange(5)` = [0, 1, 2, 3, 4].
 * int32 when every argument is an integer, float64 otherwise.
 */
export function arange(start: number, end?: number, step = 1, options: TensorOptions = {}): Tensor {
  const [lo, hi] = end === undefined ? [0, start] : [start, end];
  if (step === 0 || !Number.isFinite(step))
    throw new RangeError(`arange: step must be non-zero, got ${step}`);
  const n = Math.max(0, Math.ceil((hi - lo) / step));
  const ints = [lo, hi, step].every(Number.isInteger);
  const data = allocate(options.dtype ?? (ints ? "int32" : "float64"), n);
  for (let i = 0; i < n; i++) data[i] = lo + i * step;
  return finish(data, [n], options);
}

/** `steps` evenly spaced values from start to end inclusive. */
export function linspace(
  start: number,
  end: number,
  steps: number,
  options: TensorOptions = {},
): Tensor {
  if (!Number.isInteger(steps) || steps < 0) {
    throw new RangeError(`linspace: steps must be a non-negative integer, got ${steps}`);
  }
  const data = allocate(options.dtype ?? "float64", steps);
  for (let i = 0; i < steps; i++)
    data[i] = steps === 1 ? start : start + ((end - start) * i) / (steps - 1);
  return finish(data, [steps], options);
}

/** Uniform samples in [0, 1). */
export function rand(shape: number[] | number, options: RandomOptions = {}): Tensor {
  const g = options.generator ?? defaultGenerator;
  return sample("rand", shape, options, () => g.random());
}

/** Standard normal samples N(0, 1). */
export function randn(shape: number[] | number, options: RandomOptions = {}): Tensor {
  const g = options.generator ?? defaultGenerator;
  return sample("randn", shape, options, () => g.normal());
}

/** Uniform integers in [low, high) (int32 by default). */
export function randint(
  low: number,
  high: number,
  shape: number[] | number,
  options: RandomOptions = {},
): Tensor {
  if (!Number.isInteger(low) || !Number.isInteger(high) || low >= high) {
    throw new RangeError(`randint: need integers low < high, got low=${low}, high=${high}`);
  }
  const g = options.generator ?? defaultGenerator;
  return sample("randint", shape, { dtype: "int32", ...options }, () => g.int(low, high));
}

// ── helpers ────────────────────────────────────────────────────────────────────
function asShape(where: string, shape: number[] | number): number[] {
  return checkShape(where, typeof shape === "number" ? [shape] : shape);
}

function sample(
  where: string,
  shape: number[] | number,
  options: RandomOptions,
  draw: () => number,
): Tensor {
  const s = asShape(where, shape);
  const data = allocate(checkDType(where, options.dtype ?? "float64"), sizeOf(s));
  for (let i = 0; i < data.length; i++) data[i] = draw();
  return finish(data, s, options);
}

function fill(dtype: DType, values: number[]): TypedArray {
  const data = allocate(checkDType("tensor", dtype), values.length);
  for (let i = 0; i < values.length; i++)
    data[i] = dtype === "bool" ? (values[i] !== 0 ? 1 : 0) : values[i];
  return data;
}

/** float32 and int32 arrays keep their type; any other typed array (bytes, …) becomes float64. */
function dtypeOfArray(a: ArrayBufferView): DType {
  if (a instanceof Float32Array) return "float32";
  if (a instanceof Int32Array) return "int32";
  return "float64";
}

function finish(data: TypedArray, shape: number[], options: TensorOptions): Tensor {
  const t = new Tensor(data, shape);
  if (options.requiresGrad) {
    if (!isFloat(t.dtype)) {
      throw new TypeError(
        `requiresGrad: only float tensors can have gradients, got dtype ${t.dtype}`,
      );
    }
    t.requiresGrad = true;
  }
  return t;
}
