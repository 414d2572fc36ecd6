import type { Showable } from "./content";
import { bundleOf, newDisplayId, sendDisplay } from "./display";

/** Options of `newLive`. */
export interface LiveOptions {
  /** At most one update per `intervalMs` milliseconds; the latest one wins. Default 250 (4 per second). */
  intervalMs?: number;
}

/** A figure, or a function building it only when an update is actually sent. */
export type LiveContent = Showable | (() => Showable);

/**
 * One output that updates in place (tslab's `newDisplay` protocol: `display_data`, then
 * `update_display_data` with the same display id), throttled: `update` sends at once when
 * `intervalMs` has passed since the last send, else keeps the content as pending and a
 * timer sends the latest pending one when the interval is up. `flush()` sends what is
 * pending now: call it at the end, so the saved notebook holds the final figure.
 * (Outputs reach the page only when the event loop turns: `fit` yields every ~50 ms.)
 *
 * @example
 * const live = newLive(figureOf(0));
 * for (let t = 1; t <= 100; t++) { live.update(() => figureOf(t)); await sleep(10); }
 * live.flush();
 */
export class LiveDisplay {
  readonly id = newDisplayId();
  readonly intervalMs: number;
  /** Updates sent so far (the first display included). */
  sent = 0;
  private pending: LiveContent | undefined;
  private lastMs = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(initial?: LiveContent, options: LiveOptions = {}) {
    const { intervalMs = 250 } = options;
    if (!(intervalMs >= 0) || !Number.isFinite(intervalMs)) {
      throw new RangeError(`newLive: intervalMs must be a finite number ≥ 0, got ${intervalMs}`);
    }
    this.intervalMs = intervalMs;
    if (initial !== undefined) this.update(initial);
  }

  /** Shows `content` now, or as soon as `intervalMs` has passed since the last update. */
  update(content: LiveContent): void {
    this.pending = content;
    const wait = this.lastMs + this.intervalMs - Date.now();
    if (wait <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), wait);
  }

  /** Sends the pending update now, if there is one. */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const content = this.pending;
    if (content === undefined) return;
    this.pending = undefined;
    const data = bundleOf(
      "live display",
      typeof content === "function" ? content() : content,
      this.id,
    );
    sendDisplay(this.id, data, this.sent > 0);
    this.sent++;
    this.lastMs = Date.now();
  }
}

/** A live display, showing `initial` now if given: `newLive(fig).update(nextFig)`. */
export function newLive(initial?: LiveContent, options: LiveOptions = {}): LiveDisplay {
  return new LiveDisplay(initial, options);
}
