/**
 * How a running study is stopped from outside: the same listener `fit` uses (`Interrupts`:
 * a kernel interrupt — Jupyter's ■ sends SIGINT; tslab ends the cell but an awaited search
 * would go on — or an `AbortSignal`). While a study runs it listens for both; the search
 * then starts no further trial, and `optimize` resolves with every trial done so far. A
 * `fit` inside the objective hears the same SIGINT and stops the trial that is running at
 * the next batch. Worker threads do not receive signals: their running trials finish.
 */
export { Interrupts as StopSignal } from "../train/interrupts";

/** Thrown by `evaluate` once the study was stopped, to end the strategy; `optimize` catches it. */
export class StudyStopped extends Error {
  constructor(readonly reason: string) {
    super(`the study was stopped: ${reason}`);
  }
}
