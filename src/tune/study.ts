import { mixSeed } from "../data/data_loader";
import { Generator, defaultGenerator } from "../tensor/random";
import {
  type Objective,
  type ObjectiveRef,
  absoluteRef,
  isObjectiveRef,
  loadObjective,
} from "./objective";
import { InProcessRunner, type TrialRunner } from "./runner";
import { StudyContext } from "./search_context";
import { StopSignal, StudyStopped } from "./stop_signal";
import type { Params, ParamsOf, Space } from "./space";
import type { Direction, Round, Strategy } from "./strategy";
import { type TableRow, formatTable, trialRows } from "./table";
import type { Trial } from "./trial";
import { WorkerPool } from "./worker_pool";

/** Options of `Study`. */
export interface StudyOptions {
  /** "minimize" (a loss, the default) or "maximize" (an accuracy). */
  direction?: Direction;
  /** Seeds the strategies and every trial; default: drawn from the default generator (`manualSeed`). */
  seed?: number;
}

/** Options of `study.optimize`. */
export interface OptimizeOptions {
  /** Worker threads running trials at once (objective as `{ module, export }`). Default 1: in this thread. */
  workers?: number;
  /** A line per finished trial. Default false. */
  verbose?: boolean;
  /** Where lines go. Default console.log. */
  log?: (line: string) => void;
  /** Aborting it stops the search after the running trials, as a kernel interrupt does. */
  signal?: AbortSignal;
}

/** The seed stream of the strategies, apart from the trials'. */
const STRATEGY_STREAM = 0x737472;

/**
 * A hyperparameter search and its record (lectures 000 and 001 §1.4): every trial's
 * parameters, learning curve, value, status, time and epochs, the strategy's rounds, and
 * the best trial. `optimize` may be called again (another strategy continues the study).
 *
 * Determinism: trial n's seed is mix(seed, n) and the strategy draws from its own stream,
 * so the same seed gives the same trials, on one thread or on `{ workers }`. A trial that
 * throws is recorded as failed and the search goes on. A kernel interrupt (or `signal`)
 * ends the search after the running trial; `optimize` still resolves, keeping every trial.
 *
 * @example
 * const study = new Study({ direction: "minimize", seed: 0 });
 * await study.optimize(objective, randomSearch({ lr: logUniform(1e-4, 1) }, { nTrials: 20 }));
 * study.bestTrial?.params;  console.log(study.toString());
 */
export class Study {
  readonly direction: Direction;
  readonly seed: number;
  readonly trials: Trial[] = [];
  readonly rounds: Round[] = [];
  private searches = 0;

  constructor(options: StudyOptions = {}) {
    const { direction = "minimize", seed = defaultGenerator.nextUint32() } = options;
    if (direction !== "minimize" && direction !== "maximize") {
      throw new RangeError(
        `Study: direction must be "minimize" or "maximize", got ${JSON.stringify(direction)}`,
      );
    }
    if (!Number.isSafeInteger(seed))
      throw new TypeError(`Study: seed must be an integer, got ${seed}`);
    this.direction = direction;
    this.seed = seed;
  }

  /** Runs `strategy` on `objective`, adding its trials and rounds to this study. */
  async optimize<S extends Space>(
    objective: Objective<ParamsOf<S>> | ObjectiveRef,
    strategy: Strategy<S>,
    options: OptimizeOptions = {},
  ): Promise<this> {
    const { workers = 1, verbose = false, log = console.log, signal } = options;
    const runner = await makeRunner(objective as Objective | ObjectiveRef, workers);
    const generator = new Generator(mixSeed(this.seed, STRATEGY_STREAM, this.searches++));
    const stop = new StopSignal(signal);
    try {
      await strategy.search(
        new StudyContext<S>(this, runner, generator, stop, verbose ? log : null),
      );
    } catch (error) {
      if (!(error instanceof StudyStopped)) throw error;
      log(
        `Study stopped (${error.reason}) with ${this.trials.length} trials; they are kept in study.trials`,
      );
    } finally {
      stop.dispose();
      await runner.close();
    }
    return this;
  }

  /** The complete trial with the best value (the lowest trial number on ties); undefined if none. */
  get bestTrial(): Trial | undefined {
    const sign = this.direction === "minimize" ? 1 : -1;
    let best: Trial | undefined;
    for (const t of this.trials) {
      if (t.status !== "complete" || t.value === null) continue;
      if (best === undefined || sign * t.value < sign * best.value!) best = t;
    }
    return best;
  }

  /** Epochs trained by all trials together. */
  get budgetUsed(): number {
    return this.trials.reduce((s, t) => s + t.budgetUsed, 0);
  }

  /** One row per trial (`console.table(study.table())`). */
  table(): TableRow[] {
    return trialRows(this.trials);
  }

  /** The table as text, then the best trial. */
  toString(): string {
    const best = this.bestTrial;
    const summary = best
      ? `best: trial ${best.number}, value ${best.value!.toPrecision(4)}, ${JSON.stringify(best.params as Params)}`
      : "best: none (no complete trial)";
    return `Study(${this.direction}, seed=${this.seed}, ${this.trials.length} trials)\n${formatTable(this.table())}\n${summary}`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }
}

/** In this thread, or on `workers` worker threads (which need the objective's module). */
async function makeRunner(
  objective: Objective | ObjectiveRef,
  workers: number,
): Promise<TrialRunner> {
  if (!Number.isInteger(workers) || workers < 1) {
    throw new RangeError(`Study.optimize: workers must be an integer ≥ 1, got ${workers}`);
  }
  if (typeof objective === "function") {
    if (workers === 1) return new InProcessRunner(objective);
    throw new TypeError(
      `Study.optimize: { workers: ${workers} } needs the objective as { module, export } (a function cannot be sent to a worker thread), got a function; move it to a file and pass e.g. { module: "./objective.ts", export: "objective" }`,
    );
  }
  if (!isObjectiveRef(objective)) {
    throw new TypeError(
      `Study.optimize: the objective must be a function or { module, export }, got ${JSON.stringify(objective)}`,
    );
  }
  const ref = absoluteRef(objective);
  return workers === 1
    ? new InProcessRunner(await loadObjective(ref))
    : WorkerPool.start(ref, workers);
}
