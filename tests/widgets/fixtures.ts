import { expect } from "vitest";
import type { History } from "../../src";
import type { DisplayMessage, DisplayTransport } from "../../widgets/display";

/**
 * A hand-made history: `losses[e]` are epoch e's step losses; `lr[e]` its learning rate
 * (constant within the epoch); val and accuracy series per epoch as given.
 */
export function makeHistory(
  losses: number[][],
  extra: {
    lr?: number[];
    val?: number[];
    trainAccuracy?: number[];
    valAccuracy?: number[];
    stopReason?: History["stopReason"];
  } = {},
): History {
  const steps = { loss: [] as number[], lr: [] as number[], epoch: [] as number[] };
  losses.forEach((epoch, e) =>
    epoch.forEach((loss, b) => {
      steps.loss.push(loss);
      steps.lr.push(extra.lr?.[e] ?? 0.1);
      steps.epoch.push(e + (b + 1) / epoch.length);
    }),
  );
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const train: Record<string, number[]> = { loss: losses.map(mean) };
  if (extra.trainAccuracy) train.accuracy = extra.trainAccuracy;
  const val: Record<string, number[]> = {};
  if (extra.val) val.loss = extra.val;
  if (extra.valAccuracy) val.accuracy = extra.valAccuracy;
  return {
    steps,
    epochs: {
      train,
      val,
      lr: losses.map((_, e) => extra.lr?.[e] ?? 0.1),
      seconds: losses.map(() => 1),
    },
    stopReason: extra.stopReason ?? "completed",
    interrupted: false,
    message: "fit: completed",
    stoppedAt: null,
    seed: 0,
  };
}

/** A noisy, falling loss: E epochs of B steps, deterministic. */
export function noisyHistory(E = 6, B = 20, seed = 1): History {
  let s = seed;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const losses = Array.from({ length: E }, (_, e) =>
    Array.from({ length: B }, (_, b) => 2 * Math.exp(-(e + (b + 1) / B) / 2) + 0.2 * rnd()),
  );
  return makeHistory(losses, {
    lr: losses.map((_, e) => (e < E / 2 ? 0.1 : 0.01)),
    val: losses.map((_, e) => 1.8 * Math.exp(-(e + 1) / 2) + 0.25),
    trainAccuracy: losses.map((_, e) => 1 - 0.8 * Math.exp(-(e + 1) / 2)),
    valAccuracy: losses.map((_, e) => 0.95 - 0.8 * Math.exp(-(e + 1) / 2)),
    stopReason: "earlyStopping",
  });
}

/** A display transport that records what would reach the notebook; `nextCell()` starts a new execution. */
export class RecordingTransport implements DisplayTransport {
  messages: { message: DisplayMessage; update: boolean }[] = [];
  private cell = 0;

  send(message: DisplayMessage, update: boolean): void {
    this.messages.push({ message: structuredClone(message), update });
  }
  execution(): unknown {
    return this.cell;
  }
  nextCell(): void {
    this.cell++;
  }
  /** The messages that are not plotly carriers (nor their clearing). */
  figures(): { message: DisplayMessage; update: boolean }[] {
    return this.messages.filter((m) => "image/svg+xml" in m.message.data);
  }
}

/** Asserts `actual[i]` is within `tol` of `expected[i]` (relative above 1), naming the first that is not. */
export function expectCloseArray(actual: unknown, expected: number[], tol = 1e-9): void {
  expect(Array.isArray(actual), "an array of numbers").toBe(true);
  const got = actual as number[];
  expect(got.length, "number of values").toBe(expected.length);
  got.forEach((g, i) => {
    const w = expected[i];
    if (!(Math.abs(g - w) <= tol * Math.max(1, Math.abs(w)))) {
      expect.fail(`value ${i}: expected ${w} ± ${tol}, got ${g} (all: ${got.join(", ")})`);
    }
  });
}
