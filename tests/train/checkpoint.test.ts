import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nn, optim } from "../../src";
import type { Callback } from "../../src/train/callback";
import { checkpoint } from "../../src/train/checkpoint";
import { earlyStopping } from "../../src/train/early_stopping";
import { fit } from "../../src/train/fit";
import type { FitOptions } from "../../src/train/fit_options";
import type { History } from "../../src/train/history";
import { separable, tinyMlp, weightsOf } from "./fixtures";

const dir = mkdtempSync(join(tmpdir(), "nnlab-ckpt-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type SchedulerKind = "StepLR" | "ReduceLROnPlateau";

/**
 * A run with every kind of state: dropout (the default generator), Adam's moments, a
 * schedule, early stopping's best value, metrics and validation. `init` seeds the weights.
 */
function run(init: number, kind: SchedulerKind, path: string, extra: Callback[] = []) {
  const { x, y } = separable(60, 4);
  const net = tinyMlp(init, { dropout: 0.3 });
  const optimizer = new optim.Adam(net.parameters(), { lr: 0.05 });
  const scheduler =
    kind === "StepLR"
      ? new optim.StepLR(optimizer, 2, { gamma: 0.5 })
      : new optim.ReduceLROnPlateau(optimizer, { patience: 0, factor: 0.5 });
  const options: FitOptions = {
    optimizer,
    scheduler,
    loss: nn.crossEntropy,
    train: { x: x.slice(0, 0, 44), y: y.slice(0, 0, 44) },
    val: { x: x.slice(0, 44), y: y.slice(0, 44) },
    epochs: 6,
    batchSize: 8, // 6 batches per epoch, the last one of 4
    metrics: ["accuracy"],
    seed: 11,
    verbose: 0,
    callbacks: [
      earlyStopping({ patience: 100, restoreBestWeights: true }),
      checkpoint({ path }),
      ...extra,
    ],
  };
  return { net, options };
}

/** The history without what differs between runs by nature: wall times (and the message quoting them). */
function comparable(h: History) {
  const { epochs, message: _message, ...rest } = h;
  const { seconds: _seconds, ...records } = epochs;
  return { ...rest, epochs: records };
}

describe("checkpoint and resumeFrom", () => {
  it.each<SchedulerKind>(["StepLR", "ReduceLROnPlateau"])(
    "resuming an interrupted run gives exactly the weights and history of one that never stopped (%s)",
    async (kind) => {
      const whole = run(0, kind, join(dir, `whole-${kind}.json`));
      const hWhole = await fit(whole.net, whole.options);
      expect(hWhole.stopReason).toBe("completed");

      const path = join(dir, `cut-${kind}.json`);
      const interrupter: Callback = {
        onBatchEnd: (_ctx, info) => void (info.step === 3 * 6 + 2 && process.emit("SIGINT")),
      };
      const cut = run(0, kind, path, [interrupter]);
      const hCut = await fit(cut.net, cut.options);
      expect(hCut.stopReason).toBe("interrupted");
      expect(hCut.steps.loss).toHaveLength(20); // 3 epochs and 2 batches of the 4th
      expect(hCut.message).toContain(
        `To continue: fit(…, { resumeFrom: "${path}" }) (saved after epoch 3).`,
      );

      const resumed = run(99, kind, path); // other initial weights, fresh optimiser and schedule
      const hResumed = await fit(resumed.net, { ...resumed.options, resumeFrom: path });
      expect(hResumed.stopReason).toBe("completed");
      expect(weightsOf(resumed.net)).toEqual(weightsOf(whole.net));
      expect(comparable(hResumed)).toEqual(comparable(hWhole));
      expect(hResumed.epochs.seconds).toHaveLength(6);
      expect(resumed.options.optimizer.paramGroups[0].lr).toBe(
        whole.options.optimizer.paramGroups[0].lr,
      );
    },
  );

  it("writes every `every`-th epoch, and the last one; the file holds the whole state", async () => {
    const path = join(dir, "every.json");
    const seen: (number | null)[] = [];
    const watcher: Callback = {
      // Checkpoints run after the other callbacks, so this sees the file as it was before the epoch.
      onEpochEnd: () =>
        void seen.push(existsSync(path) ? JSON.parse(readFileSync(path, "utf8")).epoch : null),
    };
    const { net, options } = run(0, "StepLR", path);
    const h = await fit(net, {
      ...options,
      epochs: 5,
      callbacks: [checkpoint({ path, every: 2 }), watcher],
    });
    expect(h.stopReason).toBe("completed");
    expect(seen).toEqual([null, null, 2, 2, 4]);
    const file = JSON.parse(readFileSync(path, "utf8"));
    expect(file.epoch).toBe(5); // the last epoch is always saved
    expect(Object.keys(file)).toEqual([
      "format",
      "version",
      "epoch",
      "rng",
      "batchSize",
      "shuffle",
      "model",
      "optimizer",
      "scheduler",
      "history",
      "callbacks",
    ]);
    expect(file.rng).toEqual({ seed: 11, nextEpoch: 5 });
    expect(file.scheduler).toEqual({ kind: "StepLR", state: options.scheduler!.stateDict() });
    expect(file.model["0.weight"].shape).toEqual([8, 2]);
    expect(file.history.steps.loss).toEqual(h.steps.loss);
  });

  it("refuses to resume with different settings, before changing anything", async () => {
    const path = join(dir, "settings.json");
    const first = run(0, "StepLR", path);
    await fit(first.net, { ...first.options, epochs: 2 });
    const again = run(1, "StepLR", path);
    const w = weightsOf(again.net);
    await expect(
      fit(again.net, { ...again.options, batchSize: 4, resumeFrom: path }),
    ).rejects.toThrow(
      `fit (resumeFrom "${path}"): batchSize is 4 here but 8 in the checkpoint; resume with the same settings`,
    );
    const other = run(1, "ReduceLROnPlateau", path);
    await expect(fit(other.net, { ...other.options, resumeFrom: path })).rejects.toThrow(
      "the scheduler is ReduceLROnPlateau here but StepLR in the checkpoint",
    );
    expect(weightsOf(again.net)).toEqual(w);
  });
});
