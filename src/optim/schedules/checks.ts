/**
 * Hyperparameter checks shared by the schedules. Each throws a `RangeError` that names the
 * schedule, the option, the range it must lie in and the value it got:
 * `StepLR: stepSize must be a positive integer, got 0`.
 */

/** Throws unless `value` is an integer ≥ 1. */
export function checkPositiveInteger(where: string, name: string, value: number): void {
  if (!(Number.isInteger(value) && value >= 1))
    throw new RangeError(`${where}: ${name} must be a positive integer, got ${value}`);
}

/** Throws unless `value` is an integer ≥ 0. */
export function checkNonNegativeInteger(where: string, name: string, value: number): void {
  if (!(Number.isInteger(value) && value >= 0))
    throw new RangeError(`${where}: ${name} must be an integer ≥ 0, got ${value}`);
}

/** Throws unless `value` is a finite number > 0. */
export function checkPositive(where: string, name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0))
    throw new RangeError(`${where}: ${name} must be a finite number > 0, got ${value}`);
}

/** Throws unless 0 < value ≤ 1: a decay factor γ (γ = 1 keeps the rate constant). */
export function checkDecayFactor(where: string, name: string, value: number): void {
  if (!(value > 0 && value <= 1))
    throw new RangeError(`${where}: ${name} must be in (0, 1], got ${value}`);
}

/** Throws unless `value` is one of `allowed`: `mode must be "min" or "max", got "mn"`. */
export function checkOneOf(where: string, name: string, value: string, allowed: string[]): void {
  if (!allowed.includes(value)) {
    const list = allowed.map((a) => JSON.stringify(a)).join(" or ");
    throw new RangeError(`${where}: ${name} must be ${list}, got ${JSON.stringify(value)}`);
  }
}
