import { describe, expect, it } from "vitest";
import { type Tensor, isGradEnabled, manualSeed, nn, optim } from "../../src";
import { TensorDataset } from "../../src/data/tensor_dataset";
import { fit } from "../../src/train/fit";
import type { FitOptions } from "../../src/train/fit_options";
import { linearRegression, separable, tinyMlp } from "./fixtures";

const quiet = { verbose: 0 } as const;

/** Options for the separable set: 48 training samples, 16 validation, batches of 16. */
function setup(seed = 0): { net: nn.Module; options: FitOptions } {
  const { x, y } = separable(64);
  const net = tinyMlp(seed);
  const options: FitOptions = {
    optimizer: new optim.SGD(net.parameters(), { lr: 0.5 }),
    loss: nn.crossEntropy,
    train: { x: x.slice(0, 0, 48), y: y.slice(0, 0, 48) },
    val: new TensorDataset(x.slice(0, 48), y.slice(0, 48)),
    epochs: 5,
    batchSize: 16,
    metrics: ["accuracy"],
    seed: 1,
    ...quiet,
  };
  return { net, options };
}

describe("fit", () => {
  it("learns a linearly separable set: loss falls, validation accuracy reaches 1", async () => {
    const { net, options } = setup();
    const h = await fit(net, { ...options, epochs: 20 });
    expect(h.stopReason).toBe("completed");
    expect(h.interrupted).toBe(false);
    const loss = h.epochs.train.loss;
    expect(loss.at(-1)!).toBeLessThan(loss[0] / 3);
    expect(h.epochs.val.accuracy.at(-1)).toBe(1);
    expect(h.message).toMatch(/^fit: completed 20 epochs \(60 steps\) in [\d.]+ s\.$/);
  });

  it("records every step (loss, lr, fractional epoch) and every epoch", async () => {
    const { net, options } = setup();
    const h = await fit(net, options);
    expect(h.steps.loss).toHaveLength(15); // 5 epochs × ⌈48/16⌉ batches
    expect(h.steps.lr).toEqual(Array(15).fill(0.5));
    expect(h.steps.epoch.slice(0, 4)).toEqual([1 / 3, 2 / 3, 1, 1 + 1 / 3]);
    expect(Object.keys(h.epochs.train)).toEqual(["loss", "accuracy"]);
    expect(Object.keys(h.epochs.val)).toEqual(["loss", "accuracy"]);
    for (const series of [h.epochs.train.loss, h.epochs.val.loss, h.epochs.lr, h.epochs.seconds]) {
      expect(series).toHaveLength(5);
    }
    expect(h.stoppedAt).toEqual({ step: 15, epoch: 5, batch: 3 });
    // The epoch's train loss is the batch-size-weighted mean of its steps (equal batches here).
    const [a, b, c] = h.steps.loss;
    expect(h.epochs.train.loss[0]).toBeCloseTo((a + b + c) / 3, 12);
    expect(JSON.parse(JSON.stringify(h))).toEqual(h); // plain JSON records
  });

  it("weights a smaller last batch by its size in the epoch mean", async () => {
    const { x, y } = separable(10);
    const net = tinyMlp();
    const h = await fit(net, {
      optimizer: new optim.SGD(net.parameters(), { lr: 0 }),
      loss: nn.crossEntropy,
      train: { x, y },
      epochs: 1,
      batchSize: 4,
      ...quiet,
    });
    const [l1, l2, l3] = h.steps.loss; // batches of 4, 4 and 2 samples
    expect(h.epochs.train.loss[0]).toBeCloseTo((4 * l1 + 4 * l2 + 2 * l3) / 10, 12);
  });

  it("is deterministic: the same seed gives the same history and weights", async () => {
    const runs = [];
    for (let k = 0; k < 2; k++) {
      const { net, options } = setup();
      const h = await fit(net, options);
      runs.push({ loss: h.steps.loss, val: h.epochs.val, w: net.stateDict() });
    }
    expect(runs[0]).toEqual(runs[1]);
    const { net, options } = setup();
    const other = await fit(net, { ...options, seed: 2 });
    expect(other.steps.loss).not.toEqual(runs[0].loss); // another shuffle
  });

  it("with dropout too: the default generator is seeded from (seed, epoch)", async () => {
    const losses = [];
    for (let k = 0; k < 2; k++) {
      manualSeed(100 + k); // whatever the generator held before
      const { options } = setup();
      const net = tinyMlp(0, { dropout: 0.5 });
      const h = await fit(net, {
        ...options,
        optimizer: new optim.SGD(net.parameters(), { lr: 0.5 }),
      });
      losses.push(h.steps.loss);
    }
    expect(losses[0]).toEqual(losses[1]);
  });

  it("without a seed draws one from the default generator and records it", async () => {
    manualSeed(3);
    const { net, options } = setup();
    const h = await fit(net, { ...options, seed: undefined, epochs: 1 });
    manualSeed(3);
    const again = setup();
    const h2 = await fit(again.net, { ...again.options, seed: undefined, epochs: 1 });
    expect(h.seed).toBe(h2.seed);
    expect(h.steps.loss).toEqual(h2.steps.loss);
  });

  it("trains in train mode and validates in eval mode under noGrad, then restores the mode", async () => {
    const seen: string[] = [];
    class Probe extends nn.Module {
      forward(x: Tensor): Tensor {
        seen.push(`${this.training ? "train" : "eval"}:${x.requiresGrad || x.shape[0]}`);
        return x;
      }
    }
    const { net, options } = setup();
    const model = new nn.Sequential(new Probe(), net);
    model.eval();
    await fit(model, { ...options, epochs: 1, batchSize: 48 });
    expect(seen).toEqual(["train:48", "eval:16"]);
    expect(model.training).toBe(false); // as it was before fit
  });

  it("batch GD, SGD and mini-batch SGD are batchSize N, 1 and k", async () => {
    const counts = [];
    for (const batchSize of [48, 1, 16]) {
      const { net, options } = setup();
      const h = await fit(net, { ...options, epochs: 1, batchSize });
      counts.push(h.steps.loss.length);
    }
    expect(counts).toEqual([1, 48, 3]);
  });

  it("steps a closed-form schedule per epoch, or per batch", async () => {
    let { net, options } = setup();
    let sched = new optim.StepLR(options.optimizer, 1, { gamma: 0.5 });
    let h = await fit(net, { ...options, epochs: 3, scheduler: sched });
    expect(h.epochs.lr).toEqual([0.5, 0.25, 0.125]);
    expect(h.steps.lr).toEqual([0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.125, 0.125, 0.125]);
    ({ net, options } = setup());
    sched = new optim.StepLR(options.optimizer, 1, { gamma: 0.5 });
    h = await fit(net, { ...options, epochs: 1, scheduler: sched, schedulerInterval: "batch" });
    expect(h.steps.lr).toEqual([0.5, 0.25, 0.125]);
  });

  it("feeds ReduceLROnPlateau the monitored validation value after every epoch", async () => {
    const { net, options } = setup();
    const sched = new optim.ReduceLROnPlateau(options.optimizer, { mode: "max", patience: 0 });
    const fed: number[] = [];
    const step = sched.step.bind(sched);
    sched.step = (metric) => {
      fed.push(metric as number);
      step(metric);
    };
    const h = await fit(net, { ...options, epochs: 3, scheduler: sched, monitor: "valAccuracy" });
    expect(fed).toEqual(h.epochs.val.accuracy);
  });

  it("fits a regression with mseLoss and the mse metric", async () => {
    const { x, y } = linearRegression();
    const net = new nn.Linear(2, 1);
    const h = await fit(net, {
      optimizer: new optim.SGD(net.parameters(), { lr: 0.1 }),
      loss: nn.mseLoss,
      train: { x, y },
      epochs: 30,
      batchSize: 8,
      metrics: ["mse"],
      seed: 0,
      ...quiet,
    });
    expect(h.epochs.train.mse.at(-1)!).toBeLessThan(0.01);
    expect(Array.from(net.weight.data).map((w) => Math.round(w * 10) / 10)).toEqual([2, -1]);
  });

  it("works with LBFGS, which re-evaluates the loss through the step's closure", async () => {
    const { x, y } = linearRegression();
    const net = new nn.Linear(2, 1);
    const h = await fit(net, {
      optimizer: new optim.LBFGS(net.parameters(), { lineSearchFn: "strongWolfe" }),
      loss: nn.mseLoss,
      train: { x, y },
      epochs: 2,
      batchSize: 40, // full batch: L-BFGS is a batch method
      ...quiet,
    });
    expect(h.stopReason).toBe("completed");
    expect(h.steps.loss).toHaveLength(2); // the loss before each step, as the other optimisers
    expect(h.epochs.train.loss[1]).toBeLessThan(0.01);
  });

  it("prints one line per epoch and the final message through log", async () => {
    const { net, options } = setup();
    const lines: string[] = [];
    await fit(net, { ...options, epochs: 2, verbose: 1, log: (l) => lines.push(l) });
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^epoch 1\/2 {2}loss [\d.]+ {2}accuracy [\d.]+ {2}valLoss [\d.]+ {2}valAccuracy [\d.]+ {2}lr 0\.5 {2}[\d.]+ s$/,
    );
    expect(lines[2]).toMatch(/^fit: completed 2 epochs/);
  });

  it("refuses bad options before training, naming the option and the value", async () => {
    const { net, options } = setup();
    await expect(fit(net, { ...options, epochs: 0 })).rejects.toThrow(
      "fit: epochs must be a positive integer, got 0",
    );
    await expect(fit(net, { ...options, batchSize: 2.5 })).rejects.toThrow(
      "fit: batchSize must be a positive integer, got 2.5",
    );
    await expect(fit(net, { ...options, metrics: ["f1" as never] })).rejects.toThrow(
      'fit: a metric is "accuracy", "mse" or a function (output, target) => number, got "f1"',
    );
    const sched = new optim.ReduceLROnPlateau(options.optimizer);
    await expect(fit(net, { ...options, scheduler: sched, monitor: "valAcc" })).rejects.toThrow(
      'fit: nothing is recorded as "valAcc"; this run records trainLoss, trainAccuracy, valLoss, valAccuracy',
    );
    await expect(fit(net, { ...options, val: undefined, scheduler: sched })).rejects.toThrow(
      'fit: ReduceLROnPlateau watches "valLoss", but no val data was given; pass val, or monitor: "trainLoss"',
    );
  });

  it("refuses an optimizer built for another model (a re-run notebook cell)", async () => {
    const { options } = setup();
    await expect(fit(tinyMlp(5), options)).rejects.toThrow(
      /fit: the optimizer holds none of this model's parameters; was it built for an earlier model\?/,
    );
  });

  it("resolves with stopReason 'error' and keeps the steps done when training throws", async () => {
    const { net, options } = setup();
    let calls = 0;
    const loss = (out: Tensor, y: Tensor) => {
      if (isGradEnabled() && ++calls === 5) throw new Error("boom"); // the 5th training step
      return nn.crossEntropy(out, y);
    };
    const h = await fit(net, { ...options, loss });
    expect(h.stopReason).toBe("error");
    expect(h.steps.loss).toHaveLength(4);
    expect(h.epochs.train.loss).toHaveLength(1);
    expect(h.message).toBe(
      "fit: stopped by an error at step 5 (epoch 2/5, batch 2/3): boom. The model and the history keep the 4 steps before it.",
    );
    expect((h.error as Error).message).toBe("boom");
  });

  it("says so when the loss is not a scalar", async () => {
    const { net, options } = setup();
    const h = await fit(net, {
      ...options,
      loss: (out, y) => nn.crossEntropy(out, y, { reduction: "none" }),
    });
    expect(h.stopReason).toBe("error");
    expect(h.message).toMatch(/the loss must be a scalar \(reduction "mean"\), got shape \[16\]/);
  });
});
