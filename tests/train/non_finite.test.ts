import { describe, expect, it } from "vitest";
import { nn, tensor, optim } from "../../src";
import type { StateDict } from "../../src/nn/module";
import { fit } from "../../src/train/fit";
import { linearRegression } from "./fixtures";

describe("fit with a non-finite loss", () => {
  it("stops at the first NaN/∞ loss, naming the step, the last finite loss and the learning rate", async () => {
    const { x, y } = linearRegression();
    const net = new nn.Linear(2, 1);
    let weights: StateDict | null = null;
    const h = await fit(net, {
      optimizer: new optim.SGD(net.parameters(), { lr: 10 }), // far too large: the loss grows ~100× per step
      loss: nn.mseLoss,
      train: { x, y },
      epochs: 1000,
      batchSize: 40,
      seed: 0,
      verbose: 0,
      callbacks: [{ onBatchEnd: (ctx) => void (weights = ctx.model.stateDict()) }],
    });
    expect(h.stopReason).toBe("nonFinite");
    const n = h.steps.loss.length;
    expect(n).toBeGreaterThan(10);
    expect(h.steps.loss.every(Number.isFinite)).toBe(true); // nothing non-finite recorded
    expect(h.epochs.train.loss.every(Number.isFinite)).toBe(true);
    expect(h.epochs.train.loss).toHaveLength(n); // one step per epoch: the failing epoch is not recorded
    expect(net.stateDict()).toEqual(weights); // the weights after the last finite step
    const last = h.steps.loss[n - 1];
    expect(h.message).toBe(
      `fit: the loss became Infinity at step ${n + 1} (epoch ${n + 1}/1000, batch 1/1); training stopped. ` +
        `The last finite loss was ${Number(last.toPrecision(4))} at step ${n}; the model keeps the weights after that step, and the history ends there. ` +
        "Likely cause: the learning rate (10) is too large; try one 10× smaller (or check the data for NaN/±∞).",
    );
  });

  it("says to check the data when the very first loss is NaN", async () => {
    const net = new nn.Linear(2, 1);
    const h = await fit(net, {
      optimizer: new optim.SGD(net.parameters(), { lr: 0.1 }),
      loss: nn.mseLoss,
      train: { x: tensor([[1, NaN]]), y: tensor([[0]]) },
      epochs: 1,
      verbose: 0,
    });
    expect(h.stopReason).toBe("nonFinite");
    expect(h.steps.loss).toEqual([]);
    expect(h.message).toMatch(
      /^fit: the loss became NaN at step 1 \(epoch 1\/1, batch 1\/1\); training stopped\. No step had a finite loss: check the inputs and targets for NaN or ±∞/,
    );
  });

  it("stops when the validation loss is not finite, without recording that epoch", async () => {
    const { x, y } = linearRegression();
    const net = new nn.Linear(2, 1);
    const h = await fit(net, {
      optimizer: new optim.SGD(net.parameters(), { lr: 0.1 }),
      loss: nn.mseLoss,
      train: { x, y },
      val: { x: tensor([[Infinity, 0]]), y: tensor([[0]]) },
      epochs: 3,
      batchSize: 20,
      verbose: 0,
    });
    expect(h.stopReason).toBe("nonFinite");
    expect(h.steps.loss).toHaveLength(2);
    expect(h.epochs.val.loss).toEqual([]);
    expect(h.message).toMatch(/^fit: the validation loss after epoch 1 is (NaN|Infinity)/);
  });
});
