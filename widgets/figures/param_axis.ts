import { tune } from "../../src/index";
import type { Layout } from "./figure";

type Distribution = tune.Distribution;
type ParamValue = tune.ParamValue;

/** How a hyperparameter is drawn: where a value goes on the axis, and the axis's settings. */
export interface ParamAxis {
  /** The axis coordinate of a value: α itself on a log axis, 1 − β for β, the option's name for a choice. */
  position(value: ParamValue): number | string;
  /** Plotly axis settings (`type`, `title`, and `range` — padded, in log₁₀ on a log axis — when the distribution has bounds). */
  axis: Layout;
  /** What the axis shows, for titles: "lr (log)", "1 − beta1 (log)". */
  label: string;
}

/**
 * The axis on which a hyperparameter's prior is uniform (lecture 001 §1.4.3, "appropriate
 * scale for hyperparameters"), so that equal effort looks equally wide:
 *
 * - `logUniform`: α on a log axis (each decade as wide);
 * - `oneMinusLogUniform`: 1 − β on a log axis, reversed so that β still grows to the right
 *   (0.9, 0.99, 0.999 equally spaced: windows 1/(1 − β) = 10, 100, 1000);
 * - `uniform`, `intUniform`: the value on a linear axis;
 * - `choice` (or text values with no distribution): a category axis.
 *
 * Without a distribution, numbers get a linear autoranged axis. Ranges come from the
 * distribution's bounds, so panels that share a hyperparameter line up.
 *
 * @example paramAxis("beta1", oneMinusLogUniform(0.9, 0.999)).position(0.99)   // 0.01 (up to rounding)
 */
export function paramAxis(name: string, distribution?: Distribution): ParamAxis {
  if (distribution instanceof tune.LogUniform) {
    const { lo, hi } = distribution;
    return {
      position: (v) => Number(v),
      axis: {
        type: "log",
        range: padded(Math.log10(lo), Math.log10(hi)),
        title: { text: `${name} (log scale)` },
      },
      label: `${name} (log)`,
    };
  }
  if (distribution instanceof tune.OneMinusLogUniform) {
    const { lo, hi } = distribution;
    return {
      position: (v) => 1 - Number(v), // 1 − β
      axis: {
        type: "log",
        range: padded(Math.log10(1 - lo), Math.log10(1 - hi)), // from 1 − lo down to 1 − hi: β grows →
        title: { text: `1 − ${name} (log scale)` },
      },
      label: `1 − ${name} (log)`,
    };
  }
  if (distribution instanceof tune.Choice) {
    return {
      position: (v) => String(v),
      axis: {
        type: "category",
        range: [-0.5, distribution.options.length - 0.5],
        title: { text: name },
      },
      label: name,
    };
  }
  const bounded =
    distribution instanceof tune.ScaledDistribution || distribution instanceof tune.IntUniform;
  return {
    position: (v) => (typeof v === "number" ? v : String(v)),
    axis: {
      title: { text: name },
      ...(bounded ? { range: padded(distribution.lo, distribution.hi) } : {}),
    },
    label: name,
  };
}

/** [a, b] widened by 4% of its length at each end (reversed stays reversed). */
function padded(a: number, b: number): [number, number] {
  const pad = 0.04 * (b - a);
  return [a - pad, b + pad];
}
