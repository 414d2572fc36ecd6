import { describe, expect, it } from "vitest";
import { Generator, rand } from "../../../src";
import { brightnessJitter } from "../../../src/data/augmentation/brightness_jitter";
import { compose } from "../../../src/data/augmentation/compose";
import { randomErasing } from "../../../src/data/augmentation/random_erasing";
import { randomShift } from "../../../src/data/augmentation/random_shift";

describe("compose", () => {
  const x = rand([10, 784], { generator: new Generator(0) });
  const [shift, bright, erase] = [randomShift(2), brightnessJitter(0.1), randomErasing()];

  it("applies the augmentations in order, all drawing from one generator", () => {
    const g = new Generator(4);
    const byHand = erase.apply(bright.apply(shift.apply(x, { generator: g }), { generator: g }), {
      generator: g,
    });
    expect(compose(shift, bright, erase).apply(x, { seed: 4 }).data).toEqual(byHand.data);
  });

  it("repeats with the same seed, leaves its input alone, and names its parts", () => {
    const before = x.data.slice();
    const augment = compose(shift, bright);
    expect(augment.apply(x, { seed: 1 }).data).toEqual(augment.apply(x, { seed: 1 }).data);
    expect(x.data).toEqual(before);
    expect(augment.name).toBe("compose(randomShift(2), brightnessJitter(0.1))");
  });

  it("of nothing returns a copy", () => {
    const out = compose().apply(x);
    expect(out === x).toBe(false);
    expect(out.data).toEqual(x.data);
  });
});
