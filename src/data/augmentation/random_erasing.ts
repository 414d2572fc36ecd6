import type { Generator } from "../../tensor/random";
import { Tensor } from "../../tensor/tensor";
import { generatorFrom } from "../seeding";
import { type Augmentation, type ImageBatch, imageBatch } from "./augmentation";

/** Options of `randomErasing` (torchvision's names and defaults). */
export interface RandomErasingOptions {
  /** Probability that an image gets a rectangle erased. Default 0.5. */
  p?: number;
  /** [s_l, s_h]: the erased area as a fraction of the image. Default [0.02, 0.33]. */
  scale?: [number, number];
  /** [r_1, r_2]: the rectangle's aspect ratio h/w, sampled on a log scale. Default [0.3, 3.3]. */
  ratio?: [number, number];
  /** What the rectangle is filled with: a number, or "random" (each pixel uniform in [0, 1)). Default 0. */
  value?: number | "random";
}

/** A rectangle: top row i, left column j, height h, width w. */
export interface EraseBox {
  i: number;
  j: number;
  h: number;
  w: number;
}

/**
 * Random erasing (Zhong et al., "Random Erasing Data Augmentation", AAAI 2020; lecture
 * 002 "随机擦除"): with probability p, blank out a random rectangle of the image, so the
 * network must recognise the digit from what is left (occlusion). For an H×W image:
 *
 *     S_e ~ U(s_l, s_h)·H·W,   r_e = exp(U(ln r₁, ln r₂)),
 *     h = round(√(S_e·r_e)),   w = round(√(S_e / r_e)),   accepted if h < H and w < W,
 *     i ~ U{0 … H−h},   j ~ U{0 … W−w},   out[i:i+h, j:j+w] = value   (every channel)
 *
 * As torchvision's `RandomErasing`: up to 10 tries for a rectangle that fits, else the
 * image is left as it is. torchvision's `value="random"` draws N(0, 1) for normalised
 * tensors; here it draws U(0, 1), the pixel range of `loadMNIST` (the paper's random
 * values in the image's range).
 *
 * @example randomErasing({ p: 0.5, scale: [0.02, 0.2] }).apply(xb, { seed: 0 })
 */
export function randomErasing(options: RandomErasingOptions = {}): Augmentation {
  const { p = 0.5, scale = [0.02, 0.33], ratio = [0.3, 3.3], value = 0 } = options;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`randomErasing: p must be in [0, 1], got ${p}`);
  if (!(scale[0] >= 0 && scale[0] <= scale[1] && scale[1] <= 1)) {
    throw new RangeError(
      `randomErasing: scale must be [s_l, s_h] with 0 ≤ s_l ≤ s_h ≤ 1, got [${scale}]`,
    );
  }
  if (!(ratio[0] > 0 && ratio[0] <= ratio[1])) {
    throw new RangeError(`randomErasing: ratio must be [r1, r2] with 0 < r1 ≤ r2, got [${ratio}]`);
  }
  return {
    name: `randomErasing(p=${p}, scale=[${scale}], ratio=[${ratio}], value=${value})`,
    apply(x, seed = {}) {
      const batch = imageBatch("randomErasing", x);
      const g = generatorFrom("randomErasing", seed);
      const out = new Tensor(x.data.slice(), x.shape.slice());
      for (let n = 0; n < batch.N; n++) {
        if (g.random() >= p) continue;
        const box = eraseBox(batch.H, batch.W, scale, ratio, g);
        if (box === null) continue; // no fit in 10 tries: the image stays as it is
        fillBox(out, batch, n, box, () => (value === "random" ? g.random() : value));
      }
      return out;
    },
  };
}

/** A rectangle drawn as torchvision does (see `randomErasing`), or null after 10 misses. */
export function eraseBox(
  H: number,
  W: number,
  scale: [number, number],
  ratio: [number, number],
  g: Generator,
): EraseBox | null {
  const [logR1, logR2] = [Math.log(ratio[0]), Math.log(ratio[1])];
  for (let attempt = 0; attempt < 10; attempt++) {
    const area = H * W * (scale[0] + (scale[1] - scale[0]) * g.random()); // S_e
    const r = Math.exp(logR1 + (logR2 - logR1) * g.random()); // r_e on a log scale
    const h = Math.round(Math.sqrt(area * r));
    const w = Math.round(Math.sqrt(area / r));
    if (!(h < H && w < W)) continue;
    return { i: g.int(0, H - h + 1), j: g.int(0, W - w + 1), h, w };
  }
  return null;
}

/** Sets the box of image n, in every channel, to `value()` (torchvision's `F.erase`). */
function fillBox(out: Tensor, b: ImageBatch, n: number, box: EraseBox, value: () => number): void {
  for (let ch = 0; ch < b.C; ch++) {
    const base = (n * b.C + ch) * b.H * b.W;
    for (let r = box.i; r < box.i + box.h; r++) {
      for (let c = box.j; c < box.j + box.w; c++) out.data[base + r * b.W + c] = value();
    }
  }
}
