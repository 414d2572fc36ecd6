import { Tensor } from "../../tensor/tensor";
import { generatorFrom } from "../seeding";
import { type Augmentation, type ImageBatch, imageBatch } from "./augmentation";

/** Options of `randomFlip`. */
export interface RandomFlipOptions {
  /** Mirror left–right with probability p. Default true. */
  horizontal?: boolean;
  /** Mirror top–bottom with probability p. Default false: wrong for digits (see below). */
  vertical?: boolean;
  /** Probability of each enabled flip, per image. Default 0.5 (torchvision's). */
  p?: number;
}

/**
 * Random flips (lecture 002 "随机水平/垂直翻转"): each image is mirrored with probability p,
 *
 *     horizontal:  out[r, c] = x[r, W − 1 − c]       vertical:  out[r, c] = x[H − 1 − r, c]
 *
 * A flip only permutes pixels, and flipping twice gives the image back.
 * Make sure the flipped image still has its label (lecture 002: "确认增加的数据是合理的"):
 * a vertical flip turns a 6 into something like a 9, so it is wrong for MNIST digits,
 * and even a horizontal flip makes a 2, 3, 4, 7 or 9 into no digit at all. Flips suit
 * photos of objects (a cat facing left or right). PyTorch: `RandomHorizontalFlip(p)`,
 * `RandomVerticalFlip(p)`.
 *
 * @example randomFlip({ horizontal: true }).apply(xb, { seed: 0 })
 */
export function randomFlip(options: RandomFlipOptions = {}): Augmentation {
  const { horizontal = true, vertical = false, p = 0.5 } = options;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`randomFlip: p must be in [0, 1], got ${p}`);
  const axes = [horizontal && "horizontal", vertical && "vertical"].filter(Boolean).join(", ");
  return {
    name: `randomFlip(${axes || "none"}, p=${p})`,
    apply(x, seed = {}) {
      const batch = imageBatch("randomFlip", x);
      const g = generatorFrom("randomFlip", seed);
      const out = new Tensor(x.data.slice(), x.shape.slice());
      for (let n = 0; n < batch.N; n++) {
        const h = horizontal && g.random() < p;
        const v = vertical && g.random() < p;
        if (h || v) flipImage(x, out, batch, n, h, v);
      }
      return out;
    },
  };
}

/** Every image mirrored left–right (torchvision's `F.hflip`). */
export function hflip(x: Tensor): Tensor {
  return flipAll("hflip", x, true, false);
}

/** Every image mirrored top–bottom (torchvision's `F.vflip`): wrong for digits, 6 ↔ 9. */
export function vflip(x: Tensor): Tensor {
  return flipAll("vflip", x, false, true);
}

function flipAll(where: string, x: Tensor, h: boolean, v: boolean): Tensor {
  const batch = imageBatch(where, x);
  const out = new Tensor(x.data.slice(), x.shape.slice());
  for (let n = 0; n < batch.N; n++) flipImage(x, out, batch, n, h, v);
  return out;
}

/** Writes image n of x into out, mirrored:  out[r, c] = x[v ? H−1−r : r, h ? W−1−c : c]. */
function flipImage(x: Tensor, out: Tensor, b: ImageBatch, n: number, h: boolean, v: boolean): void {
  for (let ch = 0; ch < b.C; ch++) {
    const base = (n * b.C + ch) * b.H * b.W;
    for (let r = 0; r < b.H; r++) {
      const r0 = v ? b.H - 1 - r : r;
      for (let c = 0; c < b.W; c++) {
        const c0 = h ? b.W - 1 - c : c;
        out.data[base + r * b.W + c] = x.data[base + r0 * b.W + c0];
      }
    }
  }
}
