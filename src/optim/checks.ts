/**
 * Hyperparameter checks shared by the optimisers' constructors, beside `checkNonNegative`
 * and `checkUnitInterval` in `optimizer.ts`. Each throws a message that names the
 * optimiser, the option, the range it must lie in and the value it got:
 * `RMSprop: momentum must be in [0, 1), got 1.5`.
 */

/** Throws unless 0 ≤ value ≤ 1: `SGD: dampening must be in [0, 1], got 2`. */
export function checkClosedUnitInterval(where: string, name: string, value: number): void {
  if (!(value >= 0 && value <= 1))
    throw new RangeError(`${where}: ${name} must be in [0, 1], got ${value}`);
}

/** Throws unless value is an integer ≥ 1: `LBFGS: historySize must be an integer ≥ 1, got 0`. */
export function checkPositiveInteger(where: string, name: string, value: number): void {
  if (!(Number.isInteger(value) && value >= 1))
    throw new RangeError(`${where}: ${name} must be an integer ≥ 1, got ${value}`);
}

/** Throws unless value is `true` or `false`: `Adam: amsgrad must be true or false, got "yes"`. */
export function checkBoolean(where: string, name: string, value: unknown): void {
  if (typeof value !== "boolean")
    throw new TypeError(`${where}: ${name} must be true or false, got ${JSON.stringify(value)}`);
}

/** Throws unless `value` is one of `allowed`: `LBFGS: lineSearchFn must be "strongWolfe" or null, got "wolfe"`. */
export function checkOneOf<T>(where: string, name: string, value: T, allowed: readonly T[]): void {
  if (!allowed.includes(value)) {
    const list = allowed.map((a) => JSON.stringify(a)).join(" or ");
    throw new RangeError(`${where}: ${name} must be ${list}, got ${JSON.stringify(value)}`);
  }
}
