import { Generator, tune } from "../../src/index";
import type { Figure, Layout, Trace } from "./figure";
import { type ParamAxis, paramAxis } from "./param_axis";

/** Options of `gridVsRandom`. */
export interface GridVsRandomOptions {
  /** Trials in each layout: a square k², the grid being k × k. Default 9 (the lecture's 3 × 3). */
  nTrials?: number;
  /** Seeds the random layout (`new Generator(seed)`). Default 0. */
  seed?: number;
  title?: string;
}

/** The figure, both layouts' configurations, and how many distinct values each gives each hyperparameter. */
export type GridVsRandomFigure = Figure & {
  grid: tune.Params[];
  random: tune.Params[];
  distinct: { grid: Record<string, number>; random: Record<string, number> };
};

/** Lecture 002's two hyperparameters: one that matters and one that does not, both uniform. */
const DEFAULT_SPACE: tune.Space = {
  important: tune.uniform(0, 1),
  unimportant: tune.uniform(0, 1),
};

/**
 * Grid vs random layout (lecture 002 "网格布局 vs. 随机布局"; Bergstra & Bengio 2012): the
 * same number of trials k² placed on a k × k grid (`gridSearch`'s points, each axis on its
 * hyperparameter's own scale) and drawn at random (`randomSearch`'s draws), side by side.
 * Under each layout its projection on the first hyperparameter, left of it the projection
 * on the second: "the grid evaluates every hyperparameter with the same importance" and
 * tries only k distinct values of each; random points try k² distinct values of the one
 * that turns out to matter. The titles give the counts (25 trials: 5 vs 25).
 *
 * The space has two hyperparameters, the first drawn along x; default lecture 002's
 * `{ important: uniform(0, 1), unimportant: uniform(0, 1) }` (then the options may come first).
 *
 * @example gridVsRandom({ nTrials: 25 }).distinct   // { grid: { important: 5, … }, random: { important: 25, … } }
 * @example show(gridVsRandom({ lr: tune.logUniform(1e-4, 1), beta1: tune.oneMinusLogUniform(0.9, 0.999) }, { nTrials: 25 }))
 */
export function gridVsRandom(options?: GridVsRandomOptions): GridVsRandomFigure;
export function gridVsRandom(space: tune.Space, options?: GridVsRandomOptions): GridVsRandomFigure;
export function gridVsRandom(
  first: tune.Space | GridVsRandomOptions = DEFAULT_SPACE,
  second: GridVsRandomOptions = {},
): GridVsRandomFigure {
  const onlyOptions = isOptions(first);
  const space = onlyOptions ? DEFAULT_SPACE : (first as tune.Space);
  const options = onlyOptions ? (first as GridVsRandomOptions) : second;
  const { nTrials = 9, seed = 0 } = options;
  const names = checkSpace(space);
  const k = Math.round(Math.sqrt(nTrials));
  if (!(Number.isInteger(nTrials) && nTrials >= 1 && k * k === nTrials)) {
    throw new RangeError(
      `gridVsRandom: nTrials must be a square k² (the grid is k × k), got ${nTrials}; try ${Math.max(1, k) ** 2}`,
    );
  }
  const [xs, ys] = names.map((n) => space[n].grid(k));
  const grid = xs.flatMap((x) => ys.map((y) => ({ [names[0]]: x, [names[1]]: y })));
  const g = new Generator(seed);
  const random = Array.from({ length: nTrials }, () => tune.sampleSpace(space, g));
  const count = (points: tune.Params[]) =>
    Object.fromEntries(names.map((n) => [n, new Set(points.map((p) => p[n])).size]));
  const distinct = { grid: count(grid), random: count(random) };
  const axes = names.map((n) => paramAxis(n, space[n]));
  const data: Trace[] = [];
  const layout: Layout = {
    title: {
      text:
        options.title ??
        `Grid vs random layout: ${names[0]} gets ${distinct.grid[names[0]]} distinct values on the grid, ${distinct.random[names[0]]} at random`,
    },
    width: 1000,
    height: 560,
    margin: { l: 90, r: 20, t: 110, b: 50 },
    showlegend: false,
    annotations: [],
  };
  const layouts = [
    {
      name: "grid",
      points: grid,
      color: "#1f77b4",
      heading: `Grid layout: ${xs.length} × ${ys.length} = ${grid.length} trials`,
    },
    {
      name: "random",
      points: random,
      color: "#ff7f0e",
      heading: `Random layout: ${nTrials} trials (seed ${seed})`,
    },
  ];
  layouts.forEach((l, c) => {
    const counts = names
      .map((n) => `${distinct[l.name as "grid" | "random"][n]} distinct ${n}`)
      .join(", ");
    panel(data, layout, c, axes, names, { ...l, heading: `${l.heading}<br>${counts}` });
  });
  return { data, layout, config: { responsive: true, displaylogo: false }, grid, random, distinct };
}

/**
 * Column c's three subplots: the layout (axes 3c+1), its projection on x below (3c+2),
 * its projection on y at the left (3c+3).
 */
function panel(
  data: Trace[],
  layout: Layout,
  c: number,
  axes: ParamAxis[],
  names: string[],
  l: { name: string; points: tune.Params[]; color: string; heading: string },
): void {
  const id = (i: number) => (3 * c + i === 1 ? "" : String(3 * c + i));
  const [left, right] = [c * 0.56, c * 0.56 + 0.44]; // the column's share of the width
  const split = left + 0.08;
  const [x, y] = [axes[0], axes[1]];
  const px = l.points.map((p) => x.position(p[names[0]]));
  const py = l.points.map((p) => y.position(p[names[1]]));
  const hidden = {
    showticklabels: false,
    showgrid: false,
    zeroline: false,
    range: [-1, 1],
    fixedrange: true,
  };
  layout[`xaxis${id(1)}`] = {
    ...x.axis,
    domain: [split, right],
    anchor: `y${id(1)}`,
    showticklabels: false,
    title: undefined,
  };
  layout[`yaxis${id(1)}`] = {
    ...y.axis,
    domain: [0.22, 1],
    anchor: `x${id(1)}`,
    showticklabels: false,
    title: undefined,
  };
  layout[`xaxis${id(2)}`] = { ...x.axis, domain: [split, right], anchor: `y${id(2)}` };
  layout[`yaxis${id(2)}`] = { ...hidden, domain: [0, 0.12], anchor: `x${id(2)}` };
  layout[`xaxis${id(3)}`] = { ...hidden, domain: [left, split - 0.01], anchor: `y${id(3)}` };
  layout[`yaxis${id(3)}`] = {
    ...y.axis,
    domain: [0.22, 1],
    anchor: `x${id(3)}`,
    title: { text: y.label, standoff: 0 },
  };
  const marker = { color: l.color, size: 9, line: { color: "#fff", width: 1 } };
  const hover = `${names[0]} = %{customdata[0]}<br>${names[1]} = %{customdata[1]}<extra></extra>`;
  const customdata = l.points.map((p) => [p[names[0]], p[names[1]]]);
  data.push(
    {
      type: "scatter",
      mode: "markers",
      name: `${l.name} layout`,
      xaxis: `x${id(1)}`,
      yaxis: `y${id(1)}`,
      x: px,
      y: py,
      marker,
      customdata,
      hovertemplate: hover,
    },
    {
      type: "scatter",
      mode: "markers",
      name: `${l.name}: ${names[0]} values`,
      xaxis: `x${id(2)}`,
      yaxis: `y${id(2)}`,
      x: px,
      y: px.map(() => 0),
      marker: { ...marker, opacity: 0.6 },
      customdata,
      hovertemplate: hover,
    },
    {
      type: "scatter",
      mode: "markers",
      name: `${l.name}: ${names[1]} values`,
      xaxis: `x${id(3)}`,
      yaxis: `y${id(3)}`,
      x: py.map(() => 0),
      y: py,
      marker: { ...marker, opacity: 0.6 },
      customdata,
      hovertemplate: hover,
    },
  );
  (layout.annotations as object[]).push(
    ...l.heading.split("<br>").map((text, i) => ({
      text,
      xref: "paper",
      yref: "paper",
      x: (split + right) / 2,
      y: 1.02 + (1 - i) * 0.045,
      yanchor: "bottom",
      showarrow: false,
      font: { size: 12 },
    })),
  );
}

/** Whether the first argument is options ({ nTrials, seed, title } without any distribution) rather than a space. */
function isOptions(x: unknown): boolean {
  if (typeof x !== "object" || x === null) return false;
  const entries = Object.entries(x);
  return entries.every(
    ([k, v]) => ["nTrials", "seed", "title"].includes(k) && typeof v !== "object",
  );
}

/** The space's two names; anything else is refused, naming what came. */
function checkSpace(space: tune.Space): string[] {
  const names = Object.keys(space ?? {});
  const bad = names.filter((n) => typeof space[n]?.grid !== "function");
  if (names.length !== 2 || bad.length > 0) {
    throw new TypeError(
      `gridVsRandom: expected a space of 2 distributions, e.g. { lr: tune.logUniform(1e-4, 1), beta1: tune.oneMinusLogUniform(0.9, 0.999) }; got ${names.length} entries (${names.join(", ") || "none"})${bad.length ? `, not distributions: ${bad.join(", ")}` : ""}`,
    );
  }
  return names;
}
