import { noGrad } from "../autograd/grad_mode";
import { DataLoader, mixSeed } from "../data/data_loader";
import type { Module } from "../nn/module";
import { LRScheduler } from "../optim/schedules/lr_scheduler";
import { ReduceLROnPlateau } from "../optim/schedules/reduce_lr_on_plateau";
import { defaultGenerator } from "../tensor/random";
import type { BatchInfo, Callback, FitContext } from "./callback";
import { Checkpoint, restoreCheckpoint } from "./checkpoint";
import { evaluateDataset } from "./evaluate";
import { type FitOptions, type FitPlan, planFit } from "./fit_options";
import { type History, createHistory, monitoredSeries } from "./history";
import { Interrupts, YieldClock, claimModel } from "./interrupts";
import { ProgressBar } from "./progress_bar";
import { NonFiniteLoss, finishHistory } from "./stop_message";
import { BatchMeans, trainStep } from "./train_step";

/**
 * Trains `model` for `epochs` passes over `train` and resolves with its `History`: the
 * loop of lecture 000, one step per mini-batch of B samples,
 *
 * $$ L_b = \frac{1}{B} \sum_{i \in b} \ell(f(x_i), y_i), \qquad \theta \leftarrow \theta - \alpha\, \nabla_\theta L_b \ \text{(or the optimiser's rule)} $$
 *
 * per batch: `zeroGrad()`, forward, loss, `backward()`, `optimizer.step()` — in the
 * closure form of `torch.optim`, so LBFGS works too — with `model.train()`; after each
 * epoch, validation in eval mode under `noGrad`, then the schedule's step
 * (ReduceLROnPlateau gets the `monitor`ed value) and the callbacks.
 *
 * It never throws away work: it resolves (never rejects once training has started) with
 * `stopReason` "completed", "earlyStopping", "interrupted" (kernel interrupt or `signal`;
 * the model keeps the last complete step), "nonFinite" (NaN/∞ loss: no NaN step is taken
 * or recorded) or "error", and a `message` saying what was kept. Bad options are refused
 * before anything changes, and so is a second `fit` on a model that is still training.
 *
 * Determinism: the epoch-e shuffle and the default generator (dropout masks) are seeded
 * from (seed, e) at the start of every epoch, so the same seed gives the same history,
 * and `resumeFrom` a checkpoint gives exactly the run that never stopped. (So after `fit`
 * the default generator is where the last epoch left it; a layer with its own
 * `{ generator }` is not re-seeded, and a resumed run with one is not exact.)
 *
 * @example
 * const history = await fit(net, {
 *   optimizer: new optim.SGD(net.parameters(), { lr: 0.1 }), loss: nn.crossEntropy,
 *   train: { x: Xtrain, y: yTrain }, val: { x: Xval, y: yVal },
 *   epochs: 5, batchSize: 64, metrics: ["accuracy"], seed: 0,
 * });
 * history.epochs.val.accuracy;   // [0.95, 0.96, …]
 */
export async function fit(model: Module, options: FitOptions): Promise<History> {
  const plan = planFit(model, options);
  const release = claimModel(model);
  const interrupts = new Interrupts(plan.signal);
  try {
    return await new Run(model, plan, interrupts).execute();
  } finally {
    interrupts.dispose();
    release();
  }
}

/** Stream of the default generator's per-epoch seeds, apart from the shuffle's. */
const MODEL_RNG = 0x6d6f64;

/** One `fit` call: its state, seen by callbacks as the `FitContext`. */
class Run implements FitContext {
  readonly history: History = createHistory(0);
  readonly callbacks: Callback[];
  readonly optimizer: FitPlan["optimizer"];
  readonly scheduler: FitPlan["scheduler"];
  readonly epochs: number;
  readonly batchSize: number;
  readonly shuffle: boolean;
  readonly log: (line: string) => void;
  startEpoch = 0;
  private loader!: DataLoader;
  private readonly clock = new YieldClock();
  private readonly startMs = performance.now();
  private request: { reason: "earlyStopping" | "interrupted"; why: string } | null = null;
  private position = { epoch: 0, batch: 0 };

  constructor(
    readonly model: Module,
    private readonly plan: FitPlan,
    private readonly interrupts: Interrupts,
  ) {
    const { callbacks, verbose } = plan;
    ({ optimizer: this.optimizer, scheduler: this.scheduler, epochs: this.epochs } = plan);
    ({ batchSize: this.batchSize, shuffle: this.shuffle, log: this.log } = plan);
    const progress = verbose && !callbacks.some((c) => c instanceof ProgressBar);
    const others = callbacks.filter((c) => !(c instanceof Checkpoint));
    this.callbacks = [
      ...(progress ? [new ProgressBar()] : []),
      ...others,
      ...callbacks.filter((c) => c instanceof Checkpoint), // last: they save what the others decided
    ];
  }

  get batchesPerEpoch(): number {
    return this.loader.length;
  }
  get stopping(): boolean {
    return this.request !== null || this.interrupts.reason !== null;
  }

  stop(reason: "earlyStopping" | "interrupted", why: string): void {
    this.request ??= { reason, why };
  }

  async execute(): Promise<History> {
    const modes = this.model.namedModules().map(([, m]) => [m, m.training] as const);
    this.startEpoch = this.start();
    for (const cb of this.callbacks) cb.onTrainBegin?.(this);
    try {
      for (let epoch = this.startEpoch; epoch < this.epochs && !this.stopping; epoch++) {
        await this.trainEpoch(epoch);
      }
      this.finish(this.request?.reason ?? (this.interrupts.reason ? "interrupted" : "completed"));
    } catch (error) {
      this.finish(error instanceof NonFiniteLoss ? "nonFinite" : "error", error);
    }
    for (const [m, training] of modes) m.training = training;
    for (const cb of this.callbacks) cb.onTrainEnd?.(this);
    if (this.plan.verbose) this.log(this.history.message);
    return this.history;
  }

  /** Restores a checkpoint if asked, fixes the seed, names the series; returns the first epoch. */
  private start(): number {
    const { plan, history } = this;
    const saved = plan.resumeFrom
      ? restoreCheckpoint(plan.resumeFrom, {
          ...plan,
          model: this.model,
          callbacks: this.callbacks,
        })
      : undefined;
    if (saved) Object.assign(history, saved.history);
    else {
      history.seed = plan.seed ?? defaultGenerator.nextUint32();
      for (const [name] of plan.metrics) history.epochs.train[name] = [];
      if (plan.val)
        history.epochs.val = {
          loss: [],
          ...Object.fromEntries(plan.metrics.map(([n]) => [n, []])),
        };
    }
    if (this.scheduler instanceof ReduceLROnPlateau) monitoredSeries("fit", history, plan.monitor); // a misspelt monitor fails now
    const { batchSize, shuffle } = plan;
    this.loader = new DataLoader(plan.train, { batchSize, shuffle, seed: history.seed });
    return saved?.epoch ?? 0;
  }

  private async trainEpoch(epoch: number): Promise<void> {
    const t0 = performance.now();
    const { model, optimizer, history, plan } = this;
    defaultGenerator.manualSeed(mixSeed(history.seed, epoch, MODEL_RNG)); // dropout masks of epoch e
    model.train();
    const lr0 = optimizer.paramGroups[0].lr;
    for (const cb of this.callbacks) cb.onEpochBegin?.(this, epoch);
    const sums = new BatchMeans();
    let batch = 0;
    for (const [x, y] of this.loader.batches(epoch)) {
      if (this.stopping) return;
      this.position = { epoch, batch };
      const lr = optimizer.paramGroups[0].lr;
      const { loss, output } = trainStep(model, optimizer, plan.loss, x, y);
      const size = x.shape[0];
      sums.addLoss(loss, size);
      noGrad(() => plan.metrics.forEach(([name, fn]) => sums.add(name, fn(output, y), size)));
      const step = this.recordStep(loss, lr, epoch, batch);
      if (this.scheduler instanceof LRScheduler && plan.schedulerInterval === "batch")
        this.scheduler.step();
      const info: BatchInfo = {
        epoch,
        batch,
        batches: this.batchesPerEpoch,
        step,
        loss,
        lr,
        size,
        yields: this.clock.due(),
        elapsedMs: performance.now() - this.startMs,
      };
      for (const cb of this.callbacks) cb.onBatchEnd?.(this, info);
      if (info.yields) await this.clock.yield();
      batch++;
    }
    this.endEpoch(epoch, sums, lr0, t0);
    for (const cb of this.callbacks) cb.onEpochEnd?.(this, epoch);
    await this.clock.yield(); // let the epoch's line reach the notebook
  }

  private recordStep(loss: number, lr: number, epoch: number, batch: number): number {
    const { steps } = this.history;
    steps.loss.push(loss);
    steps.lr.push(lr);
    steps.epoch.push(epoch + (batch + 1) / this.batchesPerEpoch);
    this.history.stoppedAt = { step: steps.loss.length, epoch: epoch + 1, batch: batch + 1 };
    return steps.loss.length;
  }

  /** Validates, records the epoch, steps the schedule. */
  private endEpoch(epoch: number, sums: BatchMeans, lr0: number, t0: number): void {
    const { plan, history, scheduler } = this;
    const val =
      plan.val && evaluateDataset(this.model, plan.val, plan.loss, plan.metrics, plan.batchSize);
    if (val && !Number.isFinite(val.loss)) throw new NonFiniteLoss(val.loss, "validation");
    for (const [name, mean] of sums.means()) history.epochs.train[name].push(mean);
    for (const [name, value] of Object.entries(val ?? {})) history.epochs.val[name].push(value);
    history.epochs.lr.push(lr0);
    history.epochs.seconds.push((performance.now() - t0) / 1000);
    if (scheduler instanceof ReduceLROnPlateau)
      scheduler.step(monitoredSeries("fit", history, plan.monitor).at(-1)!);
    else if (scheduler && plan.schedulerInterval === "epoch") scheduler.step();
    this.position = { epoch, batch: this.batchesPerEpoch - 1 };
  }

  private finish(reason: NonNullable<History["stopReason"]>, error?: unknown): void {
    const saved = this.callbacks.find(
      (c): c is Checkpoint => c instanceof Checkpoint && c.savedEpoch !== null,
    );
    finishHistory(
      this.history,
      reason,
      {
        epochs: this.epochs,
        batches: this.batchesPerEpoch,
        ...this.position,
        seconds: (performance.now() - this.startMs) / 1000,
        saved: saved ? { epoch: saved.savedEpoch!, path: saved.path } : null,
      },
      { why: this.request?.why ?? this.interrupts.reason ?? undefined, error },
    );
  }
}
