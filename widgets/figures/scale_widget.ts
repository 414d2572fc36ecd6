import { Generator, tune } from "../../src/index";
import { type DecadeShare, decadeShares, linearEdges, logEdges, shareBelow } from "./binning";
import type { Figure, Layout, Trace } from "./figure";
import { scalePlain } from "./scale_plain";
import { DRAWS, UNIFORM, barHistogram, decadeMarks, percent, stepHistogram } from "./scale_panels";
import { subplotGrid } from "./subplot_grid";

const CONFIG = { responsive: true, displaylogo: false };
const [HEIGHT, MARGIN] = [430, { l: 60, r: 20, t: 90, b: 60 }];
const PLOT_HEIGHT = HEIGHT - MARGIN.t - MARGIN.b;

/** Options of `scaleWidget`. */
export interface ScaleWidgetOptions {
  /** Draws. Default 1000. */
  n?: number;
  /** Seeds the draws (`new Generator(seed)`). Default 0. */
  seed?: number;
  /** Bins on a linear axis. Default 20. */
  bins?: number;
  /** Bins per decade on a log axis. Default 5. */
  binsPerDecade?: number;
  title?: string;
}

/** The figure, the draws it shows, and (log scales) the share of the draws per decade. */
export type ScaleFigure = Figure & {
  samples: tune.ParamValue[];
  /** logUniform: decades of α; oneMinusLogUniform: decades of 1 − β. */
  decades?: DecadeShare[];
};

/**
 * A hyperparameter's prior drawn on the scale that matters (lecture 001 §1.4.3, lecture
 * 002 "超参数优化"): `n` seeded draws of `distribution`, as histograms.
 *
 * - `logUniform(lo, hi)`: α = 10^r, r ~ U[log₁₀ lo, log₁₀ hi]. On a linear axis the draws
 *   pile up near lo; on a log axis they are flat, each decade getting its share
 *   (log₁₀ hi_d − log₁₀ lo_d)/(log₁₀ hi − log₁₀ lo) — ¼ per decade of [10⁻⁴, 1], written
 *   above each decade. In grey, uniform(lo, hi) from the same seed: it spends 90% of its
 *   draws in [0.1, 1].
 * - `oneMinusLogUniform(lo, hi)`: 1 − β = 10^r. Three panels: β itself (half the draws
 *   above 0.99 for [0.9, 0.999], where a uniform β puts 9%), 1 − β on a log axis (flat),
 *   and the EWA window 1/(1 − β) on a log axis (10 … 1000, flat): β 0.9 → 0.9005 moves the
 *   window 10 → 10.05, 0.999 → 0.9995 moves it 1000 → 2000 (lecture 001).
 * - `uniform`, `intUniform`, `choice`: one histogram (a bar per value where there are few),
 *   with the flat level 1/m every bin expects.
 *
 * @example show(scaleWidget(tune.logUniform(1e-4, 1), { n: 2000, seed: 0 }))
 * @example scaleWidget(tune.logUniform(1e-4, 1)).decades.map((d) => d.share)  // ≈ [0.25, 0.25, 0.25, 0.25]
 */
export function scaleWidget(
  distribution: tune.Distribution,
  options: ScaleWidgetOptions = {},
): ScaleFigure {
  const { n = 1000, seed = 0, bins = 20, binsPerDecade = 5 } = options;
  for (const [name, v] of [
    ["n", n],
    ["bins", bins],
    ["binsPerDecade", binsPerDecade],
  ] as const) {
    if (!(Number.isInteger(v) && v >= 1))
      throw new RangeError(`scaleWidget: ${name} must be a positive integer, got ${v}`);
  }
  if (!Number.isSafeInteger(seed))
    throw new TypeError(`scaleWidget: seed must be an integer, got ${seed}`);
  if (typeof (distribution as Partial<tune.Distribution> | null)?.sample !== "function") {
    throw new TypeError(
      `scaleWidget: expected a distribution (tune.logUniform(1e-4, 1), tune.choice([…]), …), got ${String(distribution)}`,
    );
  }
  const g = new Generator(seed);
  const samples = Array.from({ length: n }, () => distribution.sample(g));
  const title = options.title ?? `${distribution.toString()}: ${n} draws (seed ${seed})`;
  const s = { n, seed, bins, binsPerDecade, title };
  if (distribution instanceof tune.LogUniform)
    return logFigure(distribution, samples as number[], s);
  if (distribution instanceof tune.OneMinusLogUniform)
    return betaFigure(distribution, samples as number[], s);
  return { ...scalePlain(distribution, samples, s), samples };
}

type Settings = Required<Omit<ScaleWidgetOptions, "title">> & { title: string };

/** The same seed through uniform(lo, hi): the draws a linear scale would give. */
function uniformDraws(lo: number, hi: number, { n, seed }: Settings): number[] {
  const g = new Generator(seed);
  const u = tune.uniform(lo, hi);
  return Array.from({ length: n }, () => u.sample(g));
}

function logFigure(d: tune.LogUniform, alpha: number[], s: Settings): ScaleFigure {
  const { lo, hi } = d;
  const linear = uniformDraws(lo, hi, s);
  const decades = decadeShares(alpha, lo, hi);
  const linearDecades = decadeShares(linear, lo, hi);
  const top = decades[decades.length - 1];
  const grid = subplotGrid(2, {
    titles: [
      `linear axis: uniform(${lo}, ${hi}) puts ${percent(linearDecades.at(-1)!.share)} in [${top.lo}, ${hi}], log-uniform ${percent(top.share)}`,
      `log axis: each decade gets its share (${decades.map((x) => percent(x.expected)).join(", ")} expected)`,
    ],
    gap: [0.08, 0],
    plotHeight: PLOT_HEIGHT,
  });
  const [a, b] = grid.cells;
  const linearBins = linearEdges(lo, hi, s.bins);
  const logBins = logEdges(lo, hi, s.binsPerDecade);
  const drawn = { name: d.toString(), color: DRAWS, showlegend: true };
  const flat = { name: `uniform(${lo}, ${hi})`, color: UNIFORM, showlegend: true, opacity: 0.5 };
  const data: Trace[] = [
    barHistogram(alpha, linearBins, a, drawn),
    barHistogram(linear, linearBins, a, flat),
    stepHistogram(alpha, logBins, b, { ...drawn, showlegend: false }),
    stepHistogram(linear, logBins, b, { ...flat, showlegend: false }),
  ];
  const marks = decadeMarks(decades, b, (v) => v, { label: "uniform", decades: linearDecades });
  const layout = figureLayout(grid.layout, s.title, 1000, marks);
  setAxes(layout, data, [
    { title: { text: "α (linear)" } },
    { type: "log", range: [Math.log10(lo), Math.log10(hi)], title: { text: "α (log scale)" } },
  ]);
  return { data, layout, config: CONFIG, samples: alpha, decades };
}

function betaFigure(d: tune.OneMinusLogUniform, beta: number[], s: Settings): ScaleFigure {
  const { lo, hi } = d;
  const linear = uniformDraws(lo, hi, s);
  const middle = d.fromUnit(0.5); // β at the middle of the log scale: 0.99 for [0.9, 0.999]
  const oneMinus = beta.map((b) => 1 - b); // 1 − β
  const window = oneMinus.map((x) => 1 / x); // 1/(1 − β): the EWA averages about this many values
  const decades = decadeShares(oneMinus, 1 - hi, 1 - lo);
  const step = (1 - hi) / 2; // lecture 001: 0.999 → 0.9995 doubles the window; 0.9 → 0.9005 barely moves it
  const w = (b: number) => Number((1 / (1 - b)).toPrecision(4));
  const grid = subplotGrid(3, {
    titles: [
      `β axis: ${percent(1 - shareBelow(beta, middle))} of draws above ${fmt(middle)} (uniform β: ${percent(1 - shareBelow(linear, middle))})`,
      `1 − β on a log axis: ${[...decades]
        .reverse()
        .map((x) => `β ${fmt(1 - x.hi)}–${fmt(1 - x.lo)} ${percent(x.share)}`)
        .join(", ")}`,
      `window 1/(1 − β), log axis: β ${fmt(lo)} → ${fmt(lo + step)}: ${w(lo)} → ${w(lo + step)}<br>β ${fmt(hi)} → ${fmt(hi + step)}: ${w(hi)} → ${w(hi + step)} values averaged`,
    ],
    gap: [0.07, 0],
    plotHeight: PLOT_HEIGHT,
  });
  const [a, b, c] = grid.cells;
  const drawn = { name: d.toString(), color: DRAWS, showlegend: true };
  const flat = { name: `uniform(${lo}, ${hi})`, color: UNIFORM, showlegend: true, opacity: 0.5 };
  const oneMinusBins = logEdges(1 - hi, 1 - lo, s.binsPerDecade);
  const data: Trace[] = [
    barHistogram(beta, linearEdges(lo, hi, s.bins), a, drawn),
    barHistogram(linear, linearEdges(lo, hi, s.bins), a, flat),
    stepHistogram(oneMinus, oneMinusBins, b, { ...drawn, showlegend: false }),
    stepHistogram(window, logEdges(1 / (1 - lo), 1 / (1 - hi), s.binsPerDecade), c, {
      ...drawn,
      showlegend: false,
    }),
  ];
  const marks = decadeMarks(decades, b);
  const layout = figureLayout(grid.layout, s.title, 1080, marks);
  setAxes(layout, data, [
    { title: { text: "β" } },
    {
      type: "log",
      range: [Math.log10(1 - lo), Math.log10(1 - hi)], // reversed: β grows to the right
      title: { text: "1 − β (log scale; β grows →)" },
    },
    {
      type: "log",
      range: [-Math.log10(1 - lo), -Math.log10(1 - hi)],
      title: { text: "1/(1 − β) (log scale)" },
    },
  ]);
  return { data, layout, config: CONFIG, samples: beta, decades };
}

/** A number as titles print it: 0.99, 0.9005. */
function fmt(v: number): string {
  return String(Number(v.toPrecision(6)));
}

function figureLayout(
  grid: Layout,
  title: string,
  width: number,
  marks: { shapes: object[]; annotations: object[] },
): Layout {
  return {
    ...grid,
    title: { text: title },
    annotations: [...(grid.annotations as object[]), ...marks.annotations],
    shapes: marks.shapes,
    barmode: "overlay",
    bargap: 0,
    width,
    height: HEIGHT,
    margin: MARGIN,
    legend: { orientation: "h", x: 0, y: -0.2 },
  };
}

/** Panel i's x axis gets `x[i]`; every y axis shows the fraction of draws, with room above for the notes. */
function setAxes(layout: Layout, data: Trace[], x: Layout[]): void {
  x.forEach((spec, i) => {
    const suffix = i === 0 ? "" : String(i + 1);
    const top = Math.max(
      ...data.filter((t) => t.yaxis === `y${suffix}`).flatMap((t) => t.y as number[]),
    );
    Object.assign(layout[`xaxis${suffix}`] as object, spec);
    Object.assign(layout[`yaxis${suffix}`] as object, {
      range: [0, 1.3 * top],
      tickformat: ".0%",
      ...(i === 0 ? { title: { text: "fraction of draws" } } : {}),
    });
  });
}
