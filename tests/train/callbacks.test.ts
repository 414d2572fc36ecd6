import { describe, expect, it } from "vitest";
import { nn, optim } from "../../src";
import type { BatchInfo, Callback } from "../../src/train/callback";
import { checkpoint } from "../../src/train/checkpoint";
import { fit } from "../../src/train/fit";
import type { FitOptions } from "../../src/train/fit_options";
import type { History } from "../../src/train/history";
import { liveHistory } from "../../src/train/live_history";
import { formatValue, progressBar } from "../../src/train/progress_bar";
import { separable, tinyMlp } from "./fixtures";

function setup(): { net: nn.Module; options: FitOptions } {
  const { x, y } = separable(30);
  const net = tinyMlp();
  return {
    net,
    options: {
      optimizer: new optim.SGD(net.parameters(), { lr: 0.3 }),
      loss: nn.crossEntropy,
      train: { x, y },
      val: { x, y },
      epochs: 2,
      batchSize: 10,
      seed: 0,
      verbose: 0,
    },
  };
}

describe("callbacks", () => {
  it("are called in order: train begin, (epoch begin, batch ends, epoch end) per epoch, train end", async () => {
    const calls: string[] = [];
    const recorder: Callback = {
      onTrainBegin: (ctx) => void calls.push(`trainBegin ${ctx.batchesPerEpoch}`),
      onEpochBegin: (_ctx, e) => void calls.push(`epochBegin ${e}`),
      onBatchEnd: (_ctx, info) =>
        void calls.push(`batch ${info.epoch}.${info.batch} step ${info.step}`),
      onEpochEnd: (ctx, e) =>
        void calls.push(`epochEnd ${e} (${ctx.history.epochs.val.loss.length})`),
      onTrainEnd: (ctx) => void calls.push(`trainEnd ${ctx.history.stopReason}`),
    };
    const { net, options } = setup();
    await fit(net, { ...options, callbacks: [recorder] });
    expect(calls).toEqual([
      "trainBegin 3",
      "epochBegin 0",
      "batch 0.0 step 1",
      "batch 0.1 step 2",
      "batch 0.2 step 3",
      "epochEnd 0 (1)", // validation is done before onEpochEnd
      "epochBegin 1",
      "batch 1.0 step 4",
      "batch 1.1 step 5",
      "batch 1.2 step 6",
      "epochEnd 1 (2)",
      "trainEnd completed",
    ]);
  });

  it("see the live history: the object fit resolves with, as it grows", async () => {
    let live: History | null = null;
    const lengths: number[] = [];
    const cb: Callback = {
      onTrainBegin: (ctx) => void (live = ctx.history),
      onBatchEnd: (ctx) => void lengths.push(ctx.history.steps.loss.length),
    };
    const { net, options } = setup();
    const h = await fit(net, { ...options, callbacks: [cb] });
    expect(live).toBe(h);
    expect(lengths).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("tell onBatchEnd the step's loss, lr, size and whether fit yields after it", async () => {
    const infos: BatchInfo[] = [];
    const { net, options } = setup();
    const h = await fit(net, {
      ...options,
      train: { x: separable(25).x, y: separable(25).y },
      callbacks: [{ onBatchEnd: (_c, info) => void infos.push(info) }],
    });
    expect(infos.map((i) => i.size)).toEqual([10, 10, 5, 10, 10, 5]);
    expect(infos.map((i) => i.loss)).toEqual(h.steps.loss);
    expect(
      infos.every((i) => i.lr === 0.3 && i.batches === 3 && typeof i.yields === "boolean"),
    ).toBe(true);
  });

  it("can stop the run from onEpochEnd (before the next epoch)", async () => {
    const { net, options } = setup();
    const h = await fit(net, {
      ...options,
      epochs: 5,
      callbacks: [
        { onEpochEnd: (ctx, e) => void (e === 1 && ctx.stop("earlyStopping", "enough")) },
      ],
    });
    expect(h.stopReason).toBe("earlyStopping");
    expect(h.epochs.train.loss).toHaveLength(2);
    expect(h.message).toBe("fit: stopped early after epoch 2/5: enough.");
  });

  it("run checkpoints after the others, whatever their order in the list", async () => {
    const order: string[] = [];
    const ckpt = checkpoint({ path: "/dev/null" });
    const spy = Object.assign(ckpt, {
      onEpochEnd: () => void order.push("checkpoint"),
    });
    const { net, options } = setup();
    await fit(net, {
      ...options,
      epochs: 1,
      callbacks: [spy, { onEpochEnd: () => void order.push("other") }],
    });
    expect(order).toEqual(["other", "checkpoint"]);
  });
});

describe("progressBar", () => {
  it("writes one line per epoch with losses, metrics, lr and time", async () => {
    const lines: string[] = [];
    const { net, options } = setup();
    await fit(net, {
      ...options,
      metrics: ["accuracy"],
      callbacks: [progressBar({ log: (l) => lines.push(l) })],
    });
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      /^epoch 2\/2 {2}loss [\d.]+ {2}accuracy [\d.]+ {2}valLoss [\d.]+ {2}valAccuracy [\d.]+ {2}lr 0\.3 {2}\d+\.\d\d s$/,
    );
  });

  it("replaces the default one rather than doubling it", async () => {
    const lines: string[] = [];
    const { net, options } = setup();
    await fit(net, {
      ...options,
      verbose: 1,
      log: (l) => lines.push(l),
      callbacks: [progressBar()],
    });
    expect(lines.filter((l) => l.startsWith("epoch"))).toHaveLength(2);
  });

  it("formats values with 4 significant digits", () => {
    expect([0.123456, 12.3456, 0.00001234, 1, NaN].map(formatValue)).toEqual([
      "0.1235",
      "12.35",
      "0.00001234",
      "1",
      "NaN",
    ]);
  });
});

describe("liveHistory", () => {
  it("updates after every epoch and at the end, and during epochs only when fit yields", async () => {
    const events: string[] = [];
    const { net, options } = setup();
    await fit(net, { ...options, callbacks: [liveHistory((_h, e) => void events.push(e))] });
    expect(events.filter((e) => e !== "batch")).toEqual(["epoch", "epoch", "end"]);
  });

  it("throttles batch updates to one per intervalMs, on yielding batches", async () => {
    const updates: number[] = [];
    const yields: number[] = [];
    const { x, y } = separable(3000); // one long epoch of single-sample steps (~0.2 s)
    const net = tinyMlp();
    await fit(net, {
      optimizer: new optim.SGD(net.parameters(), { lr: 0.1 }),
      loss: nn.crossEntropy,
      train: { x, y },
      epochs: 1,
      batchSize: 1,
      seed: 0,
      verbose: 0,
      callbacks: [
        { onBatchEnd: (_c, i) => void (i.yields && yields.push(i.elapsedMs)) },
        liveHistory((h, e) => void (e === "batch" && updates.push(h.steps.loss.length)), {
          intervalMs: 100,
        }),
      ],
    });
    expect(updates.length).toBeGreaterThan(0);
    expect(yields.length).toBeGreaterThan(updates.length); // yields every ~50 ms, updates every ≥ 100 ms
  });
});
