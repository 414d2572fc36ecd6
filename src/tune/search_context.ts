import { mixSeed } from "../data/data_loader";
import type { Generator } from "../tensor/random";
import type { TrialRunner } from "./runner";
import { type StopSignal, StudyStopped } from "./stop_signal";
import type { Params, ParamsOf, Space } from "./space";
import type { Direction, Round, SearchContext, TrialRequest } from "./strategy";
import { Trial } from "./trial";

/** The seed stream of trial seeds, apart from the strategies'. */
export const TRIAL_STREAM = 0x747269;

/** What a search context needs of its study. */
export interface StudyState {
  readonly seed: number;
  readonly direction: Direction;
  readonly trials: Trial[];
  readonly rounds: Round[];
}

/**
 * One `optimize` call's view of its study: creates trials as they start (number = next
 * index, seed = mix(study seed, number)), hands them to the runner, records rounds; once
 * the study is stopped, a trial it cut short is "pruned" and `evaluate` throws `StudyStopped`.
 */
export class StudyContext<S extends Space> implements SearchContext<S> {
  constructor(
    private readonly study: StudyState,
    private readonly runner: TrialRunner,
    readonly generator: Generator,
    private readonly stop: StopSignal,
    private readonly log: ((line: string) => void) | null,
  ) {}

  get direction(): Direction {
    return this.study.direction;
  }

  async evaluate(requests: TrialRequest<ParamsOf<S>>[]): Promise<Trial<ParamsOf<S>>[]> {
    const trials: Trial<ParamsOf<S>>[] = [];
    const stopped = () => this.stop.reason !== null;
    await this.runner.run({
      size: requests.length,
      start: (i) => {
        const { params, budget, trial = this.newTrial(params) } = requests[i];
        trial.budget = budget;
        trials.push(trial);
        return trial as Trial;
      },
      stopped,
      done: (trial) => {
        if (stopped() && trial.status === "complete") trial.status = "pruned"; // cut short by the stop
        this.log?.(describe(trial));
      },
    });
    if (this.stop.reason !== null) throw new StudyStopped(this.stop.reason);
    return trials;
  }

  loss(trial: Trial): number {
    if (trial.value === null || trial.status === "failed") return Infinity;
    return this.direction === "minimize" ? trial.value : -trial.value;
  }

  addRound(round: Round): void {
    this.study.rounds.push(round);
  }

  private newTrial(params: ParamsOf<S>): Trial<ParamsOf<S>> {
    const number = this.study.trials.length;
    const trial = new Trial(
      number,
      Object.freeze({ ...params }),
      mixSeed(this.study.seed, TRIAL_STREAM, number),
    );
    this.study.trials.push(trial as Trial);
    return trial;
  }
}

/** A progress line: `trial 3: complete, value 0.1234 (lr=0.0123, beta1=0.987; 20 epochs, 0.41 s)`. */
export function describe(trial: Trial): string {
  const params = Object.entries(trial.params as Params)
    .map(([k, v]) => `${k}=${typeof v === "number" ? Number(v.toPrecision(4)) : String(v)}`)
    .join(", ");
  const result =
    trial.status === "failed"
      ? `failed: ${trial.error}`
      : `${trial.status}, value ${trial.value?.toPrecision(4)}`;
  return `trial ${trial.number}: ${result} (${params}; ${trial.budgetUsed} epochs, ${trial.seconds.toFixed(2)} s)`;
}
