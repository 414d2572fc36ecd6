import { formatShape } from "../tensor/shape";
import { Tensor } from "../tensor/tensor";

/** Nested arrays of numbers, as `tensor()` takes them. */
type Numbers = number | readonly Numbers[];

export interface AssertCloseOptions {
  /** Absolute tolerance (default 1e-8). A lecture's 4-decimal number wants `{ atol: 5e-5 }`. */
  atol?: number;
  /** Relative tolerance (default 1e-5): passes when |a − e| ≤ atol + rtol·|e|, as torch.testing.assert_close. */
  rtol?: number;
  /** What is being checked, for the messages: "L", "∂L/∂w". */
  label?: string;
}

/**
 * Checks computed numbers against expected ones, elementwise:
 *
 * $$ |a - e| \le \text{atol} + \text{rtol}\cdot|e| $$
 *
 * Throws (so a notebook cell fails, and the tests with it) naming the worst element, both
 * values and the tolerance; on success returns a one-line report, which a notebook cell
 * shows as its value.
 *
 * @example assertClose(L, 0.0478, { atol: 5e-5, label: "L" })  // "✓ L = 0.04776 ≈ 0.0478 (|Δ| 2.4e-5 ≤ 5e-5)"
 */
export function assertClose(
  actual: Tensor | Numbers,
  expected: Tensor | Numbers,
  options: AssertCloseOptions = {},
): string {
  const { atol = 1e-8, rtol = 1e-5, label = "value" } = options;
  const a = flat(actual);
  const e = flat(expected);
  if (a.values.length !== e.values.length) {
    throw new RangeError(
      `assertClose(${label}): expected ${e.values.length} values ${formatShape(e.shape)}, got ${a.values.length} ${formatShape(a.shape)}`,
    );
  }
  let worst = -1;
  let worstExcess = -Infinity;
  let worstDiff = 0;
  for (let i = 0; i < a.values.length; i++) {
    const diff = Math.abs(a.values[i] - e.values[i]);
    const excess = Number.isNaN(diff) ? Infinity : diff - (atol + rtol * Math.abs(e.values[i]));
    if (excess > worstExcess) [worst, worstExcess, worstDiff] = [i, excess, diff];
  }
  const shown = (v: number) => String(Number(v.toPrecision(6)));
  if (worstExcess > 0) {
    const where = a.values.length > 1 ? ` at element ${worst}` : "";
    throw new Error(
      `assertClose(${label}): expected ${shown(e.values[worst])} ± ${shown(atol + rtol * Math.abs(e.values[worst]))}, got ${shown(a.values[worst])}${where}`,
    );
  }
  const value =
    a.values.length === 1
      ? `${shown(a.values[0])} ≈ ${shown(e.values[0])}`
      : `${a.values.length} values match`;
  return `✓ ${label} = ${value} (largest |Δ| ${worstDiff.toExponential(1)})`;
}

function flat(x: Tensor | Numbers): { values: number[]; shape: number[] } {
  if (x instanceof Tensor) return { values: Array.from(x.data), shape: [...x.shape] };
  if (typeof x === "number") return { values: [x], shape: [] };
  const shape: number[] = [];
  for (let d: Numbers = x; Array.isArray(d); d = (d as readonly Numbers[])[0])
    shape.push((d as readonly Numbers[]).length);
  return { values: (x as readonly Numbers[]).flat(Infinity as 1) as number[], shape };
}
