import { Tensor } from "../../tensor/tensor";
import { generatorFrom } from "../seeding";
import { type Augmentation, imageBatch } from "./augmentation";

/**
 * Random brightness changes (lecture 002 "随机的亮度变化"): each image gets its own offset
 * δ ~ U(−maxDelta, maxDelta), added to every pixel and clamped to the pixel range [0, 1]:
 *
 *     out = clamp(x + δ, 0, 1)
 *
 * For images scaled to [0, 1], like `loadMNIST`'s. The additive form is TensorFlow's
 * `tf.image.random_brightness(max_delta)`; torchvision's `ColorJitter(brightness=b)`
 * multiplies instead, by a factor in [1 − b, 1 + b].
 *
 * @example brightnessJitter(0.2).apply(xb, { seed: 0 })
 */
export function brightnessJitter(maxDelta: number): Augmentation {
  if (!(maxDelta >= 0 && maxDelta <= 1)) {
    throw new RangeError(
      `brightnessJitter: maxDelta must be in [0, 1] (pixels are in [0, 1]), got ${maxDelta}`,
    );
  }
  return {
    name: `brightnessJitter(${maxDelta})`,
    apply(x, seed = {}) {
      const { N } = imageBatch("brightnessJitter", x);
      const g = generatorFrom("brightnessJitter", seed);
      const out = new Tensor(x.data.slice(), x.shape.slice());
      const perImage = x.size / N;
      for (let n = 0; n < N; n++) {
        const delta = (2 * g.random() - 1) * maxDelta; // δ ~ U(−maxDelta, maxDelta)
        for (let k = n * perImage; k < (n + 1) * perImage; k++) {
          out.data[k] = Math.min(Math.max(x.data[k] + delta, 0), 1); // clamp(x + δ, 0, 1)
        }
      }
      return out;
    },
  };
}
