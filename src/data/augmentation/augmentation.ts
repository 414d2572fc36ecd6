import { isFloat } from "../../tensor/dtype";
import { formatShape } from "../../tensor/shape";
import type { Tensor } from "../../tensor/tensor";
import type { SeedOptions } from "../seeding";

/**
 * Data augmentation (lecture 002 "数据扩充", lecture 003): random changes to the training
 * images that keep their label, a form of regularisation. Training only: validation and
 * test images are never augmented. Check each change is plausible (lecture 002: "确认增加
 * 的数据是合理的"): a vertically flipped 6 looks like a 9.
 *
 * Every augmentation takes a batch of images, [N, C, H, W], [N, H, W] or flattened square
 * images [N, H·W] (MNIST's [N, 784] is read as [N, 1, 28, 28]), draws its own random
 * numbers for each image, and returns a new tensor of the same shape and dtype; the
 * input is never changed. Randomness as everywhere: `{ seed }`, `{ generator }`, or the
 * default generator (`manualSeed`).
 *
 * PyTorch applies a `torchvision.transforms` pipeline per sample in the Dataset; here an
 * augmentation is applied to each mini-batch in the training loop:
 *
 * @example
 * const augment = compose(randomShift(2), brightnessJitter(0.1));
 * for (const [xb, yb] of loader) { const logits = net.forward(augment.apply(xb)); … }
 */
export interface Augmentation {
  /** A short description: "randomShift(2)". */
  readonly name: string;
  /** The augmented copy of the batch `x`. */
  apply(x: Tensor, options?: SeedOptions): Tensor;
}

/** The sizes of an image batch. */
export interface ImageBatch {
  N: number;
  C: number;
  H: number;
  W: number;
}

/** Reads `x` as N images of C channels of H×W pixels (row-major), or says why it cannot. */
export function imageBatch(where: string, x: Tensor): ImageBatch {
  if (!isFloat(x.dtype)) {
    throw new TypeError(
      `${where}: expected float images, got dtype ${x.dtype}; convert with .to("float32")`,
    );
  }
  const [N, ...rest] = x.shape;
  if (x.ndim === 4) return { N, C: rest[0], H: rest[1], W: rest[2] };
  if (x.ndim === 3) return { N, C: 1, H: rest[0], W: rest[1] };
  const side = Math.round(Math.sqrt(rest[0] ?? NaN));
  if (x.ndim === 2 && side * side === rest[0]) return { N, C: 1, H: side, W: side };
  throw new RangeError(
    `${where}: expected images [N, C, H, W], [N, H, W] or flattened square images [N, H·W] ` +
      `(MNIST: [N, 784]), got ${formatShape(x.shape)}`,
  );
}
