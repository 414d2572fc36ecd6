import { describe, expect, it } from "vitest";
import { type Tensor, nn, optim } from "../../src";
import type { Callback } from "../../src/train/callback";
import { EarlyStopping, earlyStopping } from "../../src/train/early_stopping";
import { fit } from "../../src/train/fit";
import { separable, tinyMlp, weightsOf } from "./fixtures";

/** A run whose validation metric `score` follows `scores`, one value per epoch. */
function scripted(scores: number[], callbacks: Callback[]) {
  const { x, y } = separable(32);
  const net = tinyMlp();
  let epoch = 0;
  // Training outputs carry a graph; validation ones (under noGrad) do not.
  const score = (out: Tensor, _y: Tensor) => (out.requiresGrad ? 0 : scores[epoch++]);
  const weights: Record<string, number[]>[] = [];
  const keep: Callback = { onEpochEnd: (ctx) => void weights.push(weightsOf(ctx.model)) };
  const run = fit(net, {
    optimizer: new optim.SGD(net.parameters(), { lr: 0.1 }),
    loss: nn.crossEntropy,
    train: { x, y },
    val: { x, y },
    epochs: scores.length,
    batchSize: 32,
    metrics: [score],
    seed: 0,
    verbose: 0,
    callbacks: [keep, ...callbacks],
  });
  return { net, run, weights };
}

describe("earlyStopping", () => {
  it("stops after `patience` epochs in a row without improvement (lecture 004, 提前终止)", async () => {
    const { run } = scripted(
      [0.5, 0.6, 0.6, 0.59, 0.7, 0.8],
      [earlyStopping({ monitor: "valScore", mode: "max", patience: 2 })],
    );
    const h = await run;
    expect(h.stopReason).toBe("earlyStopping");
    expect(h.epochs.val.score).toEqual([0.5, 0.6, 0.6, 0.59]); // 0.6 (not better), 0.59: 2 bad epochs
    expect(h.message).toBe(
      "fit: stopped early after epoch 4/6: valScore has not improved for 2 epochs (best 0.6 after epoch 2).",
    );
  });

  it("patience 0 (Keras's default) stops at the first epoch without improvement", async () => {
    const { run } = scripted([3, 2, 2.5, 1], [earlyStopping({ monitor: "valScore", mode: "min" })]);
    expect((await run).epochs.val.score).toEqual([3, 2, 2.5]);
  });

  it("counts only improvements larger than minDelta", async () => {
    const { run } = scripted(
      [1, 0.95, 0.92, 0.5],
      [earlyStopping({ monitor: "valScore", mode: "min", patience: 2, minDelta: 0.1 })],
    );
    expect((await run).epochs.val.score).toEqual([1, 0.95, 0.92]);
  });

  it("restoreBestWeights puts back the weights of the best epoch", async () => {
    const { net, run, weights } = scripted(
      [0.5, 0.9, 0.7, 0.6, 0.4],
      [earlyStopping({ monitor: "valScore", mode: "max", patience: 2, restoreBestWeights: true })],
    );
    const h = await run;
    expect(h.epochs.val.score).toHaveLength(4);
    expect(weightsOf(net)).toEqual(weights[1]);
    expect(weightsOf(net)).not.toEqual(weights[3]);
    expect(h.message).toMatch(/Restored the weights of epoch 2 \(valScore 0\.9\)\.$/);
  });

  it("restores the best weights at the end of a completed run too, but not after an interrupt", async () => {
    const done = scripted(
      [0.5, 0.9, 0.7],
      [earlyStopping({ monitor: "valScore", mode: "max", patience: 5, restoreBestWeights: true })],
    );
    expect((await done.run).stopReason).toBe("completed");
    expect(weightsOf(done.net)).toEqual(done.weights[1]);

    const stop: Callback = {
      onEpochEnd: (ctx, e) => void (e === 2 && ctx.stop("interrupted", "test")),
    };
    const cut = scripted(
      [0.5, 0.9, 0.7, 0.6],
      [
        earlyStopping({ monitor: "valScore", mode: "max", patience: 5, restoreBestWeights: true }),
        stop,
      ],
    );
    expect((await cut.run).stopReason).toBe("interrupted");
    expect(weightsOf(cut.net)).toEqual(cut.weights[2]); // the last step's weights
  });

  it("a NaN monitored value is never an improvement", async () => {
    const { run } = scripted(
      [1, NaN, NaN, 0.5],
      [earlyStopping({ monitor: "valScore", mode: "min", patience: 2 })],
    );
    expect((await run).epochs.val.score).toHaveLength(3);
  });

  it("guesses the mode from the name and asks for it otherwise", () => {
    expect(new EarlyStopping().mode).toBe("min");
    expect(new EarlyStopping({ monitor: "valAccuracy" }).mode).toBe("max");
    expect(() => new EarlyStopping({ monitor: "valScore" })).toThrow(
      'earlyStopping: cannot tell whether "valScore" should rise or fall; pass mode: "min" or "max"',
    );
    expect(() => new EarlyStopping({ patience: -1 })).toThrow(
      "earlyStopping: patience must be an integer ≥ 0, got -1",
    );
  });

  it("refuses a monitor the run does not record before training, listing the ones it does", async () => {
    const { run } = scripted([1, 2], [earlyStopping({ monitor: "valAccuracy" })]);
    await expect(run).rejects.toThrow(
      'earlyStopping: nothing is recorded as "valAccuracy"; this run records trainLoss, trainScore, valLoss, valScore',
    );
  });
});
