import { type MessagePort, parentPort, workerData } from "node:worker_threads";
import { type Objective, type ObjectiveRef, loadObjective } from "./objective";
import { runTrial } from "./run_trial";
import { Trial, type TrialRecord } from "./trial";

/** What the pool sends a worker: a trial to run. */
export interface RunMessage {
  record: TrialRecord;
}

/** What a worker sends back: ready (objective loaded), a load error, or a finished trial. */
export type WorkerReply =
  | { type: "ready" }
  | { type: "loadError"; message: string }
  | { type: "done"; record: TrialRecord };

/** The data a trial worker starts with. */
export interface TrialWorkerData {
  runner: string;
  objective: ObjectiveRef;
  nnlabTuneWorker: true;
}

/**
 * A trial worker thread's loop: load the objective once, then run each trial it is sent
 * with `runTrial` (the same code as the in-thread path, so the same seed gives the same
 * trial) and send the record back. A trial's `state` that cannot cross threads fails it.
 */
async function serve(port: MessagePort, objectiveRef: ObjectiveRef): Promise<void> {
  let objective: Objective;
  try {
    objective = await loadObjective(objectiveRef);
  } catch (error) {
    port.postMessage({
      type: "loadError",
      message: error instanceof Error ? error.message : String(error),
    } satisfies WorkerReply);
    return;
  }
  port.on("message", async ({ record }: RunMessage) => {
    const trial = Trial.fromRecord(record);
    await runTrial(trial, objective);
    try {
      port.postMessage({ type: "done", record: trial.toRecord() } satisfies WorkerReply);
    } catch (error) {
      trial.state = undefined;
      trial.status = "failed";
      trial.error = `trial.state cannot be sent back from the worker thread (${error instanceof Error ? error.message : String(error)}); keep plain data in it`;
      port.postMessage({ type: "done", record: trial.toRecord() } satisfies WorkerReply);
    }
  });
  port.postMessage({ type: "ready" } satisfies WorkerReply);
}

const data = workerData as Partial<TrialWorkerData> | null;
if (parentPort && data?.nnlabTuneWorker) void serve(parentPort, data.objective!);
