import { describe, expect, it } from "vitest";
import { nn, optim } from "../../src";
import type { StateDict } from "../../src/nn/module";
import type { Callback } from "../../src/train/callback";
import { fit } from "../../src/train/fit";
import type { FitOptions } from "../../src/train/fit_options";
import { separable, tinyMlp } from "./fixtures";

/** A long run on the separable set (SGD, batches of 4: 12 steps per epoch). */
function longRun(epochs = 2000): { net: nn.Module; options: FitOptions } {
  const net = tinyMlp();
  const { x, y } = separable(48);
  const options: FitOptions = {
    optimizer: new optim.SGD(net.parameters(), { lr: 0.05, momentum: 0.9 }),
    loss: nn.crossEntropy,
    train: { x, y },
    epochs,
    batchSize: 4,
    seed: 0,
    verbose: 0,
  };
  return { net, options };
}

/** Keeps the weights after every step, to compare with where fit stopped. */
function lastStepWeights(): Callback & { weights: StateDict | null; steps: number } {
  return {
    weights: null,
    steps: 0,
    onBatchEnd(ctx, info) {
      this.weights = ctx.model.stateDict();
      this.steps = info.step;
    },
  };
}

describe("fit interrupts", () => {
  it("stops at the next batch boundary on SIGINT, keeping the model and history of the last step", async () => {
    const before = process.listenerCount("SIGINT");
    const { net, options } = longRun(3);
    const probe = lastStepWeights();
    const interrupter: Callback = {
      onBatchEnd(ctx, info) {
        expect(process.listenerCount("SIGINT")).toBe(before + 1); // fit listens while it runs
        if (info.step === 5) process.emit("SIGINT");
      },
    };
    const h = await fit(net, { ...options, callbacks: [probe, interrupter] });
    expect(h.stopReason).toBe("interrupted");
    expect(h.interrupted).toBe(true);
    expect(h.steps.loss).toHaveLength(5);
    expect(h.epochs.train.loss).toHaveLength(0); // epoch 1 was not complete
    expect(h.stoppedAt).toEqual({ step: 5, epoch: 1, batch: 5 });
    expect(net.stateDict()).toEqual(probe.weights);
    expect(h.message).toBe(
      "fit: interrupted (kernel interrupt (SIGINT)) after step 5 (epoch 1/3, batch 5/12). The model keeps the weights of that step; the history has its 5 steps and 0 complete epochs. Calling fit again trains on from these weights, as a new run.",
    );
    expect(process.listenerCount("SIGINT")).toBe(before); // no listener left behind
  });

  it("hears a real SIGINT while the loop runs, because it yields to the event loop", async () => {
    const before = process.listenerCount("SIGINT");
    const { net, options } = longRun();
    const probe = lastStepWeights();
    const timer = setTimeout(() => process.emit("SIGINT"), 30);
    const h = await fit(net, { ...options, callbacks: [probe] });
    clearTimeout(timer);
    expect(h.stopReason).toBe("interrupted");
    expect(h.steps.loss.length).toBe(probe.steps);
    expect(h.steps.loss.length).toBeGreaterThan(0);
    expect(h.steps.loss.length).toBeLessThan(2000 * 12);
    expect(net.stateDict()).toEqual(probe.weights);
    expect(process.listenerCount("SIGINT")).toBe(before);
  });

  it("stops when its AbortSignal is aborted", async () => {
    const { net, options } = longRun();
    const controller = new AbortController();
    const probe = lastStepWeights();
    setTimeout(() => controller.abort(), 30);
    const h = await fit(net, { ...options, signal: controller.signal, callbacks: [probe] });
    expect(h.stopReason).toBe("interrupted");
    expect(h.message).toMatch(/^fit: interrupted \(signal aborted\) after step \d+/);
    expect(net.stateDict()).toEqual(probe.weights);
  });

  it("does not start with an already aborted signal", async () => {
    const { net, options } = longRun();
    const w0 = net.stateDict();
    const h = await fit(net, { ...options, signal: AbortSignal.abort() });
    expect(h.stopReason).toBe("interrupted");
    expect(h.steps.loss).toEqual([]);
    expect(net.stateDict()).toEqual(w0);
    expect(h.message).toMatch(/after step 0 \(before the first step\)/);
  });

  it("refuses a second fit on a model that is still training, and allows one afterwards", async () => {
    const { net, options } = longRun();
    const controller = new AbortController();
    const first = fit(net, { ...options, signal: controller.signal });
    await expect(fit(net, { ...options, epochs: 1 })).rejects.toThrow(
      "fit: this model is already being trained by a fit() that has not finished; await it (or interrupt it: Kernel → Interrupt) before starting another",
    );
    controller.abort();
    expect((await first).stopReason).toBe("interrupted");
    const again = await fit(net, { ...options, epochs: 1 });
    expect(again.stopReason).toBe("completed");
  });

  it("removes its listener however the run ends", async () => {
    const before = process.listenerCount("SIGINT");
    const { net, options } = longRun(1);
    const failing: Callback = {
      onBatchEnd() {
        throw new Error("callback failed");
      },
    };
    expect((await fit(net, { ...options, callbacks: [failing] })).stopReason).toBe("error");
    await expect(fit(net, { ...options, resumeFrom: "/nonexistent/ckpt.json" })).rejects.toThrow(
      /cannot read the checkpoint/,
    );
    expect(process.listenerCount("SIGINT")).toBe(before);
  });
});
