import { record } from "../autograd/function";
import { type DType, allocate, checkDType, isFloat } from "./dtype";
import { Tensor } from "./tensor";

/**
 * A copy of `x` as `dtype`. Float → int truncates toward zero (as PyTorch);
 * anything → bool is `x ≠ 0`. Gradients flow between float types (converted back
 * to the input's dtype); a conversion to an integer type ends the graph.
 *
 * @example x.to("float32")  // training precision
 */
export function convert(x: Tensor, dtype: DType): Tensor {
  checkDType("to", dtype);
  if (dtype === x.dtype) return x;
  const out = allocate(dtype, x.size);
  if (dtype === "bool") {
    for (let i = 0; i < x.size; i++) out[i] = x.data[i] !== 0 ? 1 : 0;
  } else if (dtype === "int32") {
    for (let i = 0; i < x.size; i++) out[i] = Math.trunc(x.data[i]);
  } else {
    out.set(x.data);
  }
  const result = new Tensor(out, x.shape);
  if (!isFloat(dtype) || !isFloat(x.dtype)) return result;
  return record(result, "ToCopyBackward", [x], (g) => [convert(g, x.dtype)]);
}
