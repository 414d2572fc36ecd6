import { zeros } from "../tensor/creation";
import type { FloatDType } from "../tensor/dtype";
import { float32Resident } from "../tensor/kernels/wasm_memory";
import { type Shape, sizeOf } from "../tensor/shape";
import { Tensor } from "../tensor/tensor";

/**
 * Zeros for a layer's weight or bias (before its initialisation fills them). float32 ones
 * live in the WebAssembly kernels' memory (`float32Resident`), where the gemm reads them
 * and SGD or Adam update them in place, nothing copied per step; float64 ones (and float32
 * ones where WebAssembly is missing) are ordinary arrays. Either way the tensor behaves
 * like any other: `data` is a Float32Array (over a SharedArrayBuffer).
 *
 * @example this.weight = this.registerParameter("weight", parameterZeros([out, inF], dtype));
 */
export function parameterZeros(shape: Shape, dtype: FloatDType): Tensor {
  const data = dtype === "float32" ? float32Resident(sizeOf(shape)) : null;
  return data === null ? zeros([...shape], { dtype }) : new Tensor(data, shape);
}
