/**
 * Whether ops record the graph for `backward()`.
 *
 * Inside `noGrad(() => …)` no op records anything: what optimiser updates and
 * evaluation loops want (like `with torch.no_grad():`).
 *
 * @example const w2 = noGrad(() => w.sub(g.mul(lr)));  // a plain tensor, no history
 */
let enabled = true;

export function isGradEnabled(): boolean {
  return enabled;
}

/** Runs `fn` with graph recording off and returns its result. */
export function noGrad<T>(fn: () => T): T {
  const previous = enabled;
  enabled = false;
  try {
    return fn();
  } finally {
    enabled = previous;
  }
}

/** Runs `fn` with recording on (inside a `noGrad`, for one sub-computation). */
export function enableGrad<T>(fn: () => T): T {
  const previous = enabled;
  enabled = true;
  try {
    return fn();
  } finally {
    enabled = previous;
  }
}
