import type { tune } from "../../src/index";
import type { Figure, Layout, Trace } from "./figure";
import { type ParamAxis, paramAxis } from "./param_axis";
import { roundBoxes } from "./study_boxes";
import { MAX_LEGEND_ROUNDS, type RoundGroup, bestSoFar, roundGroups } from "./study_rounds";
import { subplotGrid } from "./subplot_grid";

/** What `studyPlot` reads of a study: its trials, its rounds and its direction. */
export type StudyRecord = Pick<tune.Study, "trials" | "rounds" | "direction">;

/** Options of `studyPlot`. */
export interface StudyPlotOptions {
  /** Hyperparameters to plot against, in order. Default: all of the trials'. */
  params?: string[];
  /** Each hyperparameter's distribution, for its axis. Default: the first round that recorded a space. */
  space?: tune.Space;
  /** Values on a log axis (losses spanning decades). Default false. */
  logY?: boolean;
  /** Panels per row. Default 3. */
  cols?: number;
  title?: string;
}

type Cell = { xaxis: string; yaxis: string };
type Place = (t: tune.Trial) => number | string;

/**
 * A study at a glance (lecture 001 §1.4, lecture 000): the optimisation history — each
 * trial's value in trial order and the best so far,
 *
 *     best_t = min_{s ≤ t, complete} value_s    (max when the study maximises)
 *
 * — then the value against each hyperparameter, each on the axis its prior is uniform on
 * (`paramAxis`: α on a log axis, β as 1 − β on a log axis, a choice by category), so the
 * region where good trials gather shows up at the scale it was searched on.
 *
 * Trials are coloured by the strategy's round (`study.rounds`: coarse-to-fine rounds,
 * successive-halving rungs — a promoted trial in the highest rung it reached); a
 * coarse-to-fine round's narrowed range is shaded in its colour. With more than 10 rounds
 * (Bayesian optimisation records one per step) the colour runs along a scale instead.
 * Pruned trials are open circles at the value they were stopped at; failed trials, which
 * have no value, are red crosses along the top of each panel, their error in the hover.
 *
 * @example show(studyPlot(study, { logY: true }))
 */
export function studyPlot(study: StudyRecord, options: StudyPlotOptions = {}): Figure {
  checkStudy(study);
  const names = options.params ?? [...new Set(study.trials.flatMap((t) => Object.keys(t.params)))];
  const space = options.space ?? study.rounds.find((r) => r.space)?.space ?? {};
  const axes = names.map((n) => paramAxis(n, space[n]));
  const groups = roundGroups(study);
  const best = bestSoFar(study.trials, study.direction);
  const values = study.trials.flatMap((t) =>
    t.value !== null && Number.isFinite(t.value) ? [t.value] : [],
  );
  const failY = values.length ? Math.max(...values) : 1; // failed trials: along the top
  const grid = subplotGrid(1 + names.length, {
    cols: Math.min(options.cols ?? 3, 1 + names.length),
    titles: ["optimisation history", ...axes.map((a) => `value vs ${a.label}`)],
    gap: [0.06, 0.22],
  });
  const place: Place[] = [
    (t) => t.number,
    ...names.map((n, i) => (t: tune.Trial) => axes[i].position(t.params[n])),
  ];
  const data: Trace[] = grid.cells.flatMap((cell, p) =>
    panelTraces(groups, place[p], cell, p === 0, failY),
  );
  data.push({
    type: "scatter",
    mode: "lines",
    name: `best so far (${study.direction === "maximize" ? "max" : "min"})`,
    x: study.trials.map((t) => t.number),
    y: best,
    line: { shape: "hv", color: "#222", width: 2 },
    hovertemplate: "best after trial %{x}: %{y:.4g}<extra></extra>",
  });
  const layout = studyLayout(study, grid.layout, grid.rows, axes, options);
  layout.shapes = roundBoxes(study, grid.cells.slice(1), names, axes, space, groups);
  return { data, layout, config: { responsive: true, displaylogo: false } };
}

/** One panel's traces: a trace per round of complete trials, the pruned ones, the failed ones. */
function panelTraces(
  groups: RoundGroup[],
  place: Place,
  cell: Cell,
  first: boolean,
  failY: number,
): Trace[] {
  const all = groups.flatMap((g) => g.trials.map((t) => ({ t, g })));
  const scale = groups.length > MAX_LEGEND_ROUNDS;
  const points = (list: { t: tune.Trial; g: RoundGroup }[], y: (t: tune.Trial) => number) => ({
    ...cell,
    x: list.map(({ t }) => place(t)),
    y: list.map(({ t }) => y(t)),
    customdata: list.map(({ t, g }) => [t.number, g.label, t.status, t.error ?? ""]),
    hovertemplate:
      "trial %{customdata[0]} (%{customdata[1]}, %{customdata[2]})<br>value %{y:.4g}<br>x %{x}<extra>%{customdata[3]}</extra>",
  });
  const complete = (list: typeof all, name: string, color: unknown, group: string): Trace => ({
    type: "scatter",
    mode: "markers",
    name,
    ...points(list, (t) => t.value!),
    marker: scale
      ? {
          color,
          colorscale: "Viridis",
          size: 8,
          showscale: first,
          colorbar: { title: { text: "round" } },
        }
      : { color, size: 8 },
    legendgroup: group,
    showlegend: first,
  });
  const done = all.filter(({ t }) => t.status === "complete" && t.value !== null);
  const traces: Trace[] = scale
    ? [
        complete(
          done,
          "complete trials",
          done.map(({ g }) => g.index),
          "complete",
        ),
      ]
    : groups.map((g) =>
        complete(
          done.filter((d) => d.g === g),
          g.label,
          g.color,
          g.label,
        ),
      );
  const pruned = all.filter(({ t }) => t.status === "pruned" && t.value !== null);
  const failed = all.filter(({ t }) => t.value === null); // failed (or still running when interrupted)
  if (pruned.length)
    traces.push({
      type: "scatter",
      mode: "markers",
      name: "pruned (value when stopped)",
      ...points(pruned, (t) => t.value!),
      marker: { symbol: "circle-open", size: 9, color: pruned.map(({ g }) => g.color) },
      legendgroup: "pruned",
      showlegend: first,
    });
  if (failed.length)
    traces.push({
      type: "scatter",
      mode: "markers",
      name: "failed (no value)",
      ...points(failed, () => failY),
      marker: { symbol: "x", size: 9, color: "#d62728" },
      legendgroup: "failed",
      showlegend: first,
    });
  return traces;
}

function studyLayout(
  study: StudyRecord,
  grid: Layout,
  rows: number,
  axes: ParamAxis[],
  o: StudyPlotOptions,
): Layout {
  const best = bestTrial(study);
  const summary = best
    ? `best ${best.value!.toPrecision(4)} at trial ${best.number}`
    : "no complete trial";
  const layout: Layout = {
    ...grid,
    title: {
      text:
        o.title ??
        `Study (${study.direction}): ${study.trials.length} trials, ${study.rounds.length} round${study.rounds.length === 1 ? "" : "s"}; ${summary}`,
    },
    width: 1000,
    height: 120 + 300 * rows,
    margin: { l: 60, r: 30, t: 90, b: 60 },
    legend: { orientation: "h", x: 0, y: -0.25 },
  };
  const yType = o.logY ? { type: "log" } : {};
  Object.assign(layout.xaxis as object, { title: { text: "trial" } });
  Object.assign(layout.yaxis as object, { title: { text: "value" }, ...yType });
  axes.forEach((a, i) => {
    Object.assign(layout[`xaxis${i + 2}`] as object, a.axis);
    Object.assign(layout[`yaxis${i + 2}`] as object, yType);
  });
  return layout;
}

/** The study's best complete trial, as `study.bestTrial` (the lowest number on ties). */
function bestTrial(study: StudyRecord): tune.Trial | undefined {
  const sign = study.direction === "maximize" ? -1 : 1;
  let best: tune.Trial | undefined;
  for (const t of study.trials)
    if (
      t.status === "complete" &&
      t.value !== null &&
      (!best || sign * t.value < sign * best.value!)
    )
      best = t;
  return best;
}

function checkStudy(study: StudyRecord): void {
  if (!study || !Array.isArray(study.trials) || !Array.isArray(study.rounds)) {
    throw new TypeError(
      `studyPlot: expected a tune.Study (trials, rounds, direction), got ${String(study)}`,
    );
  }
  if (study.trials.length === 0) {
    throw new RangeError(
      "studyPlot: the study has no trials yet; run study.optimize(objective, strategy) first",
    );
  }
}
