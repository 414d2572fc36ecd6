import { tune } from "../../src/index";
import { linearEdges } from "./binning";
import type { Figure, Trace } from "./figure";
import { DRAWS, barHistogram } from "./scale_panels";

/** Values a discrete distribution holds when they are few enough for a bar each. */
const MAX_BARS = 60;

/**
 * The draws of a distribution that is flat on its own values — `uniform`, `intUniform`,
 * `choice` — as one histogram on a plain axis: a bar per value for a `choice` or an
 * `intUniform` of at most 60 values (each expected 1/m of the draws), else `bins` equal
 * bins (each expected 1/bins). A dashed line marks that expected level. Used by `scaleWidget`.
 */
export function scalePlain(
  distribution: tune.Distribution,
  samples: tune.ParamValue[],
  s: { n: number; bins: number; title: string },
): Figure {
  const cell = { xaxis: "x", yaxis: "y" };
  const style = { name: distribution.toString(), color: DRAWS };
  const values = discreteValues(distribution);
  let bars: Trace;
  let expected: number;
  let range: [number, number] | undefined;
  if (values) {
    const counts = values.map((v) => samples.filter((x) => x === v).length);
    bars = {
      type: "bar",
      name: style.name,
      x: values.map((_, i) => i), // one slot per value, labelled by `ticktext`
      text: values.map(String),
      y: counts.map((c) => c / s.n),
      customdata: counts,
      marker: { color: DRAWS },
      hovertemplate: `%{text}: %{customdata} draws (%{y:.1%})<extra></extra>`,
      textposition: "none",
    };
    expected = 1 / values.length; // each of m values: 1/m
    range = [-0.5, values.length - 0.5];
  } else {
    const { lo, hi } = distribution as tune.Uniform;
    bars = barHistogram(samples as number[], linearEdges(lo, hi, s.bins), cell, style);
    expected = 1 / s.bins; // each of the equal bins: 1/bins
  }
  const xs = bars.x as (number | string)[];
  const level: Trace = {
    type: "scatter",
    mode: "lines",
    name: `expected ${Number((100 * expected).toFixed(2))}% each`,
    x: values ? [-0.5, values.length - 0.5] : [xs[0], xs[xs.length - 1]],
    y: [expected, expected],
    line: { color: "#d62728", dash: "dash", width: 1.5 },
    hoverinfo: "skip",
  };
  const axisTicks = values
    ? { tickvals: values.map((_, i) => i), ticktext: values.map(String), range }
    : {};
  return {
    data: [bars, level],
    layout: {
      title: { text: s.title },
      xaxis: { title: { text: "value" }, zeroline: false, ...axisTicks },
      yaxis: { title: { text: "fraction of draws" }, tickformat: ".0%", rangemode: "tozero" },
      bargap: values ? 0.2 : 0,
      width: 700,
      height: 400,
      legend: { orientation: "h", x: 0, y: -0.25 },
    },
    config: { responsive: true, displaylogo: false },
  };
}

/** Every value of a `choice` or of a small `intUniform`; undefined for a continuous distribution. */
function discreteValues(d: tune.Distribution): tune.ParamValue[] | undefined {
  if (d instanceof tune.Choice) return [...d.options];
  if (d instanceof tune.IntUniform && d.size <= MAX_BARS)
    return Array.from({ length: d.size }, (_, i) => d.lo + d.q * i);
  if (d instanceof tune.IntUniform) return undefined;
  if (d instanceof tune.ScaledDistribution) return undefined;
  throw new TypeError(
    `scaleWidget: expected one of tune's distributions (uniform, logUniform, oneMinusLogUniform, intUniform, choice), got ${d.toString()}`,
  );
}
