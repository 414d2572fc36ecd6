import { extname, join } from "node:path";
import { Worker } from "node:worker_threads";
import type { ObjectiveRef } from "./objective";
import type { Batch, TrialRunner } from "./runner";
import type { Trial, TrialRecord } from "./trial";
import { WORKER_BOOTSTRAP } from "./worker_bootstrap";
import type { TrialWorkerData, WorkerReply } from "./worker_main";

/**
 * Runs trials on n worker threads (`node:worker_threads`), each loading the objective's
 * module once. Trials are created and handed out in order to whichever worker is free; each result is
 * written back onto its own trial, so the study does not depend on which finished first.
 * A worker that dies (an uncaught error, `process.exit`) fails its trial and is replaced.
 */
export class WorkerPool implements TrialRunner {
  private constructor(
    private readonly ref: ObjectiveRef,
    private readonly slots: TrialWorker[],
  ) {}

  /** Starts `n` workers and waits until each has loaded the objective (or throws why one could not). */
  static async start(ref: ObjectiveRef, n: number): Promise<WorkerPool> {
    const started = await Promise.allSettled(
      Array.from({ length: n }, () => TrialWorker.start(ref)),
    );
    const failed = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
    if (failed) {
      await Promise.all(
        started.map((s) => (s.status === "fulfilled" ? s.value.terminate() : undefined)),
      );
      throw failed.reason;
    }
    return new WorkerPool(
      ref,
      started.map((s) => (s as PromiseFulfilledResult<TrialWorker>).value),
    );
  }

  async run(batch: Batch): Promise<void> {
    let next = 0;
    const work = async (slot: number) => {
      while (next < batch.size && !batch.stopped()) {
        const trial = batch.start(next++);
        await this.runOn(slot, trial);
        batch.done(trial);
      }
    };
    await Promise.all(this.slots.map((_, slot) => work(slot)));
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((w) => w.terminate()));
  }

  private async runOn(slot: number, trial: Trial): Promise<void> {
    try {
      Object.assign(trial, await this.slots[slot].run(trial.toRecord()));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      trial.status = "failed";
      trial.value = null;
      if (error instanceof Error && error.name === "DataCloneError") {
        trial.error = `trial.state cannot be sent to a worker thread (${message}); keep plain data in it`;
        return;
      }
      trial.error = `worker thread died: ${message}`;
      await this.slots[slot].terminate();
      this.slots[slot] = await TrialWorker.start(this.ref);
    }
  }
}

/** One worker thread running one trial at a time. */
class TrialWorker {
  private pending: { resolve: (r: TrialRecord) => void; reject: (e: Error) => void } | null = null;
  private exitCode: number | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on("message", (reply: WorkerReply) => {
      if (reply.type === "done") this.settle((p) => p.resolve(reply.record));
    });
    worker.on("error", (error) => this.settle((p) => p.reject(error)));
    worker.on("exit", (code) => {
      this.exitCode = code;
      this.settle((p) => p.reject(new Error(`the worker exited with code ${code}`)));
    });
  }

  /** Starts a worker and resolves once it has loaded the objective. */
  static start(ref: ObjectiveRef): Promise<TrialWorker> {
    const runner = join(__dirname, `worker_main${extname(__filename)}`);
    const workerData: TrialWorkerData = { runner, objective: ref, nnlabTuneWorker: true };
    const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData });
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => done(() => reject(error));
      const onExit = (code: number) =>
        done(() =>
          reject(
            new Error(`tune: a worker thread exited (code ${code}) before loading ${ref.module}`),
          ),
        );
      const onMessage = (reply: WorkerReply) =>
        done(() => {
          if (reply.type === "ready") resolve(new TrialWorker(worker));
          else {
            void worker.terminate();
            reject(
              new Error(
                reply.type === "loadError"
                  ? reply.message
                  : `tune: unexpected first message ${reply.type}`,
              ),
            );
          }
        });
      // Only our own listeners come off: Worker keeps internal ones (removeAllListeners would stop its messages).
      const done = (settle: () => void) => {
        worker.off("error", onError).off("exit", onExit).off("message", onMessage);
        settle();
      };
      worker.on("error", onError).on("exit", onExit).on("message", onMessage);
    });
  }

  /** Runs one trial; rejects if the worker dies meanwhile. */
  run(record: TrialRecord): Promise<TrialRecord> {
    return new Promise((resolve, reject) => {
      if (this.exitCode !== null) {
        reject(new Error(`the worker had exited with code ${this.exitCode}`));
        return;
      }
      this.pending = { resolve, reject };
      try {
        this.worker.postMessage({ record });
      } catch (error) {
        this.pending = null;
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  async terminate(): Promise<void> {
    this.exitCode ??= 0;
    this.settle((p) => p.reject(new Error("the worker was stopped")));
    await this.worker.terminate();
  }

  private settle(f: (p: NonNullable<TrialWorker["pending"]>) => void): void {
    const p = this.pending;
    this.pending = null;
    if (p) f(p);
  }
}
