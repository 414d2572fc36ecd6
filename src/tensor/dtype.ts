/**
 * Element types of a tensor and the typed arrays that hold them.
 *
 * - `float64`: the default. Derivations and gradient checks need its 16 digits.
 * - `float32`: fast training; half the memory.
 * - `int32`: labels and indices.
 * - `bool`: results of comparisons (`a.gt(b)`), stored as 0/1 bytes.
 *
 * Promotion (PyTorch's and NumPy's rule): an op on two tensors computes in the
 * wider type, bool < int32 < float32 < float64, and a plain JS number never widens
 * a tensor (`x32.mul(0.5)` stays float32). Ops that only make sense on floats
 * (exp, log, sqrt, division, …) compute in float64 when given integers, unless a
 * float32 operand is present.
 */
export type DType = "float64" | "float32" | "int32" | "bool";

export type FloatDType = "float64" | "float32";

export type TypedArray = Float64Array | Float32Array | Int32Array | Uint8Array;

export type FloatArray = Float64Array | Float32Array;

const RANK: Record<DType, number> = { bool: 0, int32: 1, float32: 2, float64: 3 };

export const DTYPES: readonly DType[] = ["float64", "float32", "int32", "bool"];

/** Allocates a zero-filled array of `n` elements of `dtype`. */
export function allocate(dtype: DType, n: number): TypedArray {
  switch (dtype) {
    case "float64":
      return new Float64Array(n);
    case "float32":
      return new Float32Array(n);
    case "int32":
      return new Int32Array(n);
    case "bool":
      return new Uint8Array(n);
  }
}

/**
 * An array of `n` elements of `dtype` whose contents are whatever its memory held
 * (PyTorch's `torch.empty`): only for outputs whose every element is written next. From
 * 4 KiB on, it skips `allocate`'s zero-fill, which costs more than the op that fills it
 * (a 400 KB float32 gradient: ~50 µs zeroed vs ~10 µs here). Its own ArrayBuffer, from
 * offset 0, like `allocate`'s.
 */
export function allocateEmpty(dtype: DType, n: number): TypedArray {
  const Type = ARRAY_TYPES[dtype];
  const bytes = n * Type.BYTES_PER_ELEMENT;
  if (bytes < 4096) return allocate(dtype, n);
  return new Type(Buffer.allocUnsafeSlow(bytes).buffer, 0, n); // not from Node's shared pool
}

const ARRAY_TYPES = {
  float64: Float64Array,
  float32: Float32Array,
  int32: Int32Array,
  bool: Uint8Array,
} as const satisfies Record<DType, unknown>;

/** The dtype whose array type `data` is. */
export function dtypeOf(data: TypedArray): DType {
  if (data instanceof Float64Array) return "float64";
  if (data instanceof Float32Array) return "float32";
  if (data instanceof Int32Array) return "int32";
  return "bool";
}

export function isFloat(dtype: DType): dtype is FloatDType {
  return dtype === "float64" || dtype === "float32";
}

/** The wider of two dtypes: bool < int32 < float32 < float64. */
export function promote(a: DType, b: DType): DType {
  return RANK[a] >= RANK[b] ? a : b;
}

/** The float dtype an op like `exp` or `div` computes in for an input of `dtype`. */
export function floatOf(dtype: DType): FloatDType {
  return dtype === "float32" ? "float32" : "float64";
}

export function checkDType(where: string, dtype: unknown): DType {
  if (typeof dtype === "string" && (DTYPES as readonly string[]).includes(dtype)) {
    return dtype as DType;
  }
  throw new TypeError(
    `${where}: dtype must be one of ${DTYPES.join(", ")}, got ${JSON.stringify(dtype)}`,
  );
}
