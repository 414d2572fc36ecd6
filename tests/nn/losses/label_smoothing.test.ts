import { describe, expect, it } from "vitest";
import { oneHot, tensor } from "../../../src";
import { smoothLabels } from "../../../src/nn/losses/label_smoothing";
import { expectClose } from "../../helpers/close";

describe("smoothLabels", () => {
  it("lecture 002: K = 3, ε = 0.1, class 0 → [0.9, 0.05, 0.05]", () => {
    const t = smoothLabels(oneHot([0, 2], 3), 0.1, { convention: "lecture" });
    expectClose(
      t,
      [
        [0.9, 0.05, 0.05],
        [0.05, 0.05, 0.9],
      ],
      1e-15,
    );
  });

  it("PyTorch: ε/K on every class, so the true class gets 1 − ε + ε/K", () => {
    // torch.nn.functional.cross_entropy's label_smoothing: (1 − 0.1)·onehot + 0.1/3
    const t = smoothLabels(oneHot([0], 3), 0.1);
    expectClose(t, [[0.9 + 0.1 / 3, 0.1 / 3, 0.1 / 3]], 1e-15);
  });

  it("keeps each row summing to 1, also for soft targets, in both conventions", () => {
    const soft = tensor([
      [0.2, 0.5, 0.3, 0],
      [0.25, 0.25, 0.25, 0.25],
    ]);
    for (const convention of ["torch", "lecture"] as const) {
      expectClose(smoothLabels(soft, 0.2, { convention }).sum(1), [1, 1], 1e-15);
    }
  });

  it("lecture ε is PyTorch ε·K/(K − 1)", () => {
    const t = oneHot([1, 0, 3], 4);
    expectClose(
      smoothLabels(t, 0.3, { convention: "lecture" }),
      smoothLabels(t, (0.3 * 4) / 3),
      1e-15,
    );
  });

  it("refuses ε outside [0, 1) and unknown conventions", () => {
    expect(() => smoothLabels(oneHot([0], 3), 1)).toThrow(
      "smoothLabels: epsilon must be in [0, 1), got 1",
    );
    expect(() => smoothLabels(oneHot([0], 3), 0.1, { convention: "keras" as "torch" })).toThrow(
      'smoothLabels: smoothing convention must be "torch" or "lecture", got "keras"',
    );
  });
});
