import { Tensor } from "../../tensor/tensor";
import { type SeedOptions, generatorFrom } from "../seeding";
import type { Augmentation } from "./augmentation";

/**
 * Several augmentations one after another (torchvision's `transforms.Compose`):
 * `compose(a, b).apply(x)` = `b.apply(a.apply(x))`. All of them draw from one generator,
 * so one seed makes the whole pipeline repeatable.
 *
 * @example const augment = compose(randomShift(2), brightnessJitter(0.1), randomErasing());
 * @example const xb2 = augment.apply(xb, { seed: epoch });
 */
export function compose(...augmentations: Augmentation[]): Augmentation {
  return {
    name: `compose(${augmentations.map((a) => a.name).join(", ")})`,
    apply(x: Tensor, seed: SeedOptions = {}): Tensor {
      const generator = generatorFrom("compose", seed);
      if (augmentations.length === 0) return new Tensor(x.data.slice(), x.shape.slice());
      return augmentations.reduce((y, a) => a.apply(y, { generator }), x);
    },
  };
}
