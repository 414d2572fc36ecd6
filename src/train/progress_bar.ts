import type { Callback, FitContext } from "./callback";

/** Options of `progressBar`. */
export interface ProgressBarOptions {
  /** Where lines go; default the run's `log` (console.log unless `fit` was given another). */
  log?: (line: string) => void;
}

/**
 * A text progress report for plain consoles and notebooks: one line per epoch with the
 * losses, metrics, learning rate and time, like Keras's `verbose=2`.
 *
 *     epoch 3/10  loss 0.1432  accuracy 0.9571  valLoss 0.1388  valAccuracy 0.9593  lr 0.1  2.31 s
 *
 * `fit` adds one itself unless `verbose: 0` (or one is passed in `callbacks`). One line per
 * epoch rather than a redrawn bar: a notebook keeps every line, and `\r` redraws are not
 * shown reliably by every front end. Widgets draw richer progress from `liveHistory`.
 */
export class ProgressBar implements Callback {
  constructor(private readonly options: ProgressBarOptions = {}) {}

  onEpochEnd(ctx: FitContext, epoch: number): void {
    const { train, val, lr, seconds } = ctx.history.epochs;
    const parts = [`epoch ${epoch + 1}/${ctx.epochs}`];
    for (const [name, series] of Object.entries(train))
      parts.push(`${name} ${formatValue(series.at(-1)!)}`);
    for (const [name, series] of Object.entries(val)) {
      parts.push(
        `val${name.charAt(0).toUpperCase()}${name.slice(1)} ${formatValue(series.at(-1)!)}`,
      );
    }
    parts.push(`lr ${formatValue(lr.at(-1)!)}`, `${seconds.at(-1)!.toFixed(2)} s`);
    (this.options.log ?? ctx.log)(parts.join("  "));
  }
}

/** A `ProgressBar` callback: one line per epoch. */
export function progressBar(options: ProgressBarOptions = {}): ProgressBar {
  return new ProgressBar(options);
}

/** A value with 4 significant digits, without trailing zeros: 0.1432, 12.35, 1e-5. */
export function formatValue(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(4))) : String(v);
}
