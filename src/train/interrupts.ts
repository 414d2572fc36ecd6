import type { Module } from "../nn/module";

/**
 * How a running `fit` is stopped from outside, and how it lets the notebook breathe.
 *
 * A kernel interrupt (Jupyter's ■ button) sends SIGINT. tslab then ends the cell, but an
 * awaited training loop would keep running, so while `fit` runs it listens for SIGINT
 * itself (and for an `AbortSignal`), and its loop stops at the next batch boundary.
 * The listener is removed when `fit` ends. Outputs reach the notebook only when the event
 * loop turns, so `fit` yields (`setImmediate`) every ~50 ms — not every batch, to keep
 * the overhead low.
 */
export class Interrupts {
  /** Why a stop was requested from outside, or null. */
  reason: string | null = null;
  private readonly onSigint = () => {
    this.reason ??= "kernel interrupt (SIGINT)";
  };
  private readonly onAbort = () => {
    this.reason ??= "signal aborted";
  };

  constructor(private readonly signal?: AbortSignal) {
    process.on("SIGINT", this.onSigint);
    signal?.addEventListener("abort", this.onAbort);
    if (signal?.aborted) this.onAbort();
  }

  /** Removes the listeners; call once, when training ends. */
  dispose(): void {
    process.off("SIGINT", this.onSigint);
    this.signal?.removeEventListener("abort", this.onAbort);
  }
}

/** Yields to the event loop when `intervalMs` have passed since the last yield. */
export class YieldClock {
  private last = performance.now();

  constructor(readonly intervalMs = 50) {}

  /** Whether the next `yield()` is due. */
  due(): boolean {
    return performance.now() - this.last >= this.intervalMs;
  }

  /** Lets pending I/O, timers and signals run (one turn of the event loop). */
  async yield(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.last = performance.now();
  }
}

const training = new WeakSet<Module>();

/**
 * Marks `model` as being trained; refuses a second `fit` on it while one runs (two loops
 * stepping the same weights would corrupt both runs). Returns the release function.
 */
export function claimModel(model: Module): () => void {
  if (training.has(model)) {
    throw new Error(
      "fit: this model is already being trained by a fit() that has not finished; await it (or interrupt it: Kernel → Interrupt) before starting another",
    );
  }
  training.add(model);
  return () => training.delete(model);
}
