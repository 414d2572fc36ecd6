import { Tensor } from "../../tensor/tensor";
import { generatorFrom } from "../seeding";
import { type Augmentation, type ImageBatch, imageBatch } from "./augmentation";

/** Options of `randomShift`. */
export interface RandomShiftOptions {
  /** The value of the pixels that move in from outside. Default 0 (MNIST's black background). */
  fill?: number;
}

/**
 * Random horizontal and vertical shifts (lecture 002 "随机的水平/垂直移动"): each image
 * moves by its own whole-pixel offset (dy, dx), both uniform in {−m, …, m}:
 *
 *     out[r, c] = x[r − dy, c − dx]   (or `fill` where r − dy, c − dx is off the image)
 *
 * Positive dy moves the image down, positive dx right. A digit 2 pixels off centre is
 * still the same digit; torchvision's closest is `RandomAffine(0, translate=…)`.
 *
 * @example const aug = randomShift(2); const xb2 = aug.apply(xb, { seed: 0 });
 */
export function randomShift(maxPixels: number, options: RandomShiftOptions = {}): Augmentation {
  if (!Number.isInteger(maxPixels) || maxPixels < 0) {
    throw new RangeError(`randomShift: maxPixels must be an integer ≥ 0, got ${maxPixels}`);
  }
  const { fill = 0 } = options;
  return {
    name: `randomShift(${maxPixels})`,
    apply(x, seed = {}) {
      const batch = imageBatch("randomShift", x);
      const g = generatorFrom("randomShift", seed);
      const out = new Tensor(x.data.slice(), x.shape.slice());
      for (let n = 0; n < batch.N; n++) {
        const dy = g.int(-maxPixels, maxPixels + 1);
        const dx = g.int(-maxPixels, maxPixels + 1);
        shiftImage(x, out, batch, n, dy, dx, fill);
      }
      return out;
    },
  };
}

/**
 * Every image of the batch moved by the same (dy, dx): down dy rows, right dx columns.
 * @example shift(x, 1, 0)  // each image one row down; the top row becomes 0
 */
export function shift(x: Tensor, dy: number, dx: number, options: RandomShiftOptions = {}): Tensor {
  const batch = imageBatch("shift", x);
  if (!Number.isInteger(dy) || !Number.isInteger(dx)) {
    throw new RangeError(`shift: dy and dx must be whole pixels, got dy=${dy}, dx=${dx}`);
  }
  const out = new Tensor(x.data.slice(), x.shape.slice());
  for (let n = 0; n < batch.N; n++) shiftImage(x, out, batch, n, dy, dx, options.fill ?? 0);
  return out;
}

/** Writes image n of x, shifted by (dy, dx), into out:  out[r, c] = x[r − dy, c − dx]. */
function shiftImage(
  x: Tensor,
  out: Tensor,
  b: ImageBatch,
  n: number,
  dy: number,
  dx: number,
  fill: number,
): void {
  for (let ch = 0; ch < b.C; ch++) {
    const base = (n * b.C + ch) * b.H * b.W;
    for (let r = 0; r < b.H; r++) {
      for (let c = 0; c < b.W; c++) {
        const r0 = r - dy;
        const c0 = c - dx;
        const inside = r0 >= 0 && r0 < b.H && c0 >= 0 && c0 < b.W;
        out.data[base + r * b.W + c] = inside ? x.data[base + r0 * b.W + c0] : fill;
      }
    }
  }
}
