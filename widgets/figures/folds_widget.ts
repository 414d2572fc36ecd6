import { Tensor, type data } from "../../src/index";
import type { Figure, Trace } from "./figure";
import { subplotGrid } from "./subplot_grid";

/** Options of `foldsWidget`. */
export interface FoldsWidgetOptions {
  /** A group id per sample (a patient, a recording session), drawn as a row of its own. */
  groups?: ArrayLike<number>;
  /** Rows drawn at most; the title says when there are more splits. Default 20. */
  maxSplits?: number;
  /** The splitter's name in the title. Default: its class and count, "KFold(5)". */
  name?: string;
  title?: string;
}

/** The figure, the role of each sample in each drawn split, and how many splits there are. */
export type FoldsFigure = Figure & {
  /** roles[split][sample]: `ROLE.unused`, `.train`, `.val` or `.test`. */
  roles: number[][];
  /** Splits the splitter yields in all (C(n, p) for leave-p-out). */
  nSplits: number;
};

/** How a sample is used in a split: the codes of the heatmap's cells. */
export const ROLE = { unused: 0, train: 1, val: 2, test: 3 } as const;
const ROLE_NAMES = ["unused", "train", "validation", "test"];
const ROLE_COLORS = ["#e8e8e8", "#1f77b4", "#ff7f0e", "#2ca02c"];
const CLASS_COLORS = ["#8c564b", "#e377c2", "#bcbd22", "#17becf", "#9467bd", "#7f7f7f", "#d62728"];

/** A split as splitters yield it, with a test part where one is held out too (`trainValTestSplit`). */
export type FoldSplit = data.Split & { test?: ArrayLike<number> };

/**
 * Who is where in each split, as scikit-learn's "visualizing cross-validation behavior"
 * (lecture 000 "Cross-validation": leave-p-out, leave-one-out, hold-out, k-fold, Monte
 * Carlo): one row per split, one column per sample, coloured by role — train, validation,
 * test (for splits that hold a `test` part), unused (Monte Carlo splits whose parts do not
 * fill n) — plus a row with each sample's class when labels are given, and one with its
 * group when `groups` are. Codes (`ROLE`): unused 0, train 1, validation 2, test 3, so
 * `new KFold(2).split(5)` gives roles [[2,2,2,1,1],[1,1,1,2,2]].
 *
 * The splitter is asked for its splits one by one and only the first `maxSplits` are
 * drawn, so leave-p-out on many samples draws its first rows and states C(n, p); whatever
 * the splitter refuses, it refuses itself. A list of splits (`cv.splits`,
 * `[trainValTestSplit(n)]`) works as well.
 *
 * @example show(foldsWidget(new StratifiedKFold(5), y))
 * @example foldsWidget(new LeavePOut(2), 10).nSplits   // 45, 20 rows drawn
 */
export function foldsWidget(
  splitter: data.Splitter | Iterable<FoldSplit>,
  nOrLabels: data.SplitInput,
  options: FoldsWidgetOptions = {},
): FoldsFigure {
  const { maxSplits = 20 } = options;
  if (!(Number.isInteger(maxSplits) && maxSplits >= 1))
    throw new RangeError(`foldsWidget: maxSplits must be a positive integer, got ${maxSplits}`);
  const n = sampleCount(nOrLabels);
  const labels = labelsOf(nOrLabels);
  const groups = options.groups === undefined ? undefined : Array.from(options.groups);
  if (groups && groups.length !== n)
    throw new RangeError(
      `foldsWidget: expected ${n} groups (one per sample), got ${groups.length}`,
    );
  const isSplitter = typeof (splitter as data.Splitter).split === "function";
  const source = isSplitter
    ? (splitter as data.Splitter).split(nOrLabels)
    : (splitter as Iterable<FoldSplit>);
  const roles: number[][] = [];
  let extra = 0; // splits beyond the drawn rows (counted only for a list)
  for (const split of source) {
    if (roles.length < maxSplits) roles.push(rolesOf(split as FoldSplit, n));
    else if (isSplitter) break;
    else extra++;
  }
  const nSplits = isSplitter
    ? (splitter as data.Splitter).getNSplits(nOrLabels)
    : roles.length + extra;
  const name = options.name ?? splitterName(splitter, isSplitter);
  const capped =
    nSplits > roles.length
      ? `first ${roles.length} of ${nSplits.toLocaleString("en-US")} splits (maxSplits = ${maxSplits})`
      : `${nSplits} split${nSplits === 1 ? "" : "s"}`;
  const title = options.title ?? `${name}: ${capped} of ${n} samples`;
  return { ...foldsFigure(roles, labels, groups, n, title), roles, nSplits };
}

/** The heatmap of roles, the class and group rows under it, and a legend of the roles used. */
function foldsFigure(
  roles: number[][],
  labels: number[] | undefined,
  groups: number[] | undefined,
  n: number,
  title: string,
): Figure {
  const extras = [
    ...(labels ? [{ name: "class", values: labels }] : []),
    ...(groups ? [{ name: "group", values: groups }] : []),
  ];
  const rowPx = Math.max(8, Math.min(28, 360 / roles.length));
  const plotHeight = rowPx * roles.length + 30 * extras.length;
  const grid = subplotGrid(1 + extras.length, { cols: 1, gap: [0, 0.04] });
  const sample = Array.from({ length: n }, (_, i) => i);
  const splitsRow = roles.map((_, i) => `split ${i + 1}`);
  const data: Trace[] = [
    {
      type: "heatmap",
      name: "splits",
      ...grid.cells[0],
      x: sample,
      y: splitsRow,
      z: roles,
      zmin: 0,
      zmax: 3,
      colorscale: discrete(ROLE_COLORS),
      showscale: false,
      xgap: n <= 60 ? 1 : 0,
      ygap: 2,
      text: roles.map((row) => row.map((r) => ROLE_NAMES[r])),
      hovertemplate: "sample %{x}, %{y}: %{text}<extra></extra>",
    },
    ...extras.map((e, k) => classRow(e.name, e.values, grid.cells[k + 1], sample)),
    ...[...new Set(roles.flat())]
      .sort()
      .map((r) => legendEntry(ROLE_NAMES[r], ROLE_COLORS[r], grid.cells[0])),
  ];
  // heights in pixels: rowPx per split, then 22 px per extra row after an 8 px gap
  const share = (px: number) => px / plotHeight;
  const layout = { ...grid.layout };
  Object.assign(layout.yaxis as object, {
    domain: [1 - share(rowPx * roles.length), 1],
    autorange: "reversed",
    type: "category",
  });
  extras.forEach((_, k) => {
    const top = 1 - share(rowPx * roles.length + 30 * k + 8);
    Object.assign(layout[`yaxis${k + 2}`] as object, {
      domain: [Math.max(0, top - share(22)), top],
      type: "category",
    });
    Object.assign(layout[`xaxis${k + 2}`] as object, {
      matches: "x",
      showticklabels: k === extras.length - 1,
    });
  });
  Object.assign(layout.xaxis as object, {
    zeroline: false,
    showticklabels: extras.length === 0,
    title: extras.length ? undefined : { text: "sample index" },
  });
  if (extras.length)
    Object.assign(layout[`xaxis${extras.length + 1}`] as object, {
      title: { text: "sample index" },
    });
  return {
    data,
    layout: {
      ...layout,
      title: { text: title },
      width: 900,
      height: plotHeight + 170,
      margin: { l: 80, r: 20, t: 70, b: 100 },
      legend: { orientation: "h", x: 0, y: -0.15 },
      showlegend: true,
    },
    config: { responsive: true, displaylogo: false },
  };
}

/** Roles of the n samples in one split: train 1, val 2, test 3, the rest 0. */
function rolesOf(split: FoldSplit, n: number): number[] {
  const roles = new Array<number>(n).fill(ROLE.unused);
  for (const i of split.train) roles[i] = ROLE.train;
  for (const i of split.val) roles[i] = ROLE.val;
  for (const i of Array.from(split.test ?? [])) roles[i] = ROLE.test;
  return roles;
}

/** A one-row heatmap of a per-sample value (class, group), one colour per distinct value. */
function classRow(
  name: string,
  values: number[],
  cell: { xaxis: string; yaxis: string },
  x: number[],
): Trace {
  const kinds = [...new Set(values)].sort((a, b) => a - b);
  const colors = kinds.map((_, i) => CLASS_COLORS[i % CLASS_COLORS.length]);
  return {
    type: "heatmap",
    name,
    ...cell,
    x,
    y: [name],
    z: [values.map((v) => kinds.indexOf(v))],
    zmin: 0,
    zmax: Math.max(1, kinds.length - 1),
    colorscale: discrete(kinds.length === 1 ? [colors[0], colors[0]] : colors),
    showscale: false,
    text: [values.map(String)],
    hovertemplate: `sample %{x}: ${name} %{text}<extra></extra>`,
  };
}

/**
 * A plotly colourscale of m flat bands, code i (at i/(m−1)) painted colors[i]: stops repeat
 * at the band edges (i + ½)/(m − 1).
 */
export function discrete(colors: string[]): [number, string][] {
  const m = colors.length;
  const edges = Array.from({ length: m - 1 }, (_, i) => (i + 0.5) / (m - 1));
  return colors.flatMap((c, i): [number, string][] => [
    [i === 0 ? 0 : edges[i - 1], c],
    [i === m - 1 ? 1 : edges[i], c],
  ]);
}

/** A legend entry for a role (heatmaps have none): an invisible square marker of its colour. */
function legendEntry(name: string, color: string, cell: { xaxis: string; yaxis: string }): Trace {
  return {
    type: "scatter",
    mode: "markers",
    name,
    ...cell,
    x: [null],
    y: [null],
    marker: { color, symbol: "square", size: 12 },
    hoverinfo: "skip",
  };
}

function sampleCount(input: data.SplitInput): number {
  if (typeof input === "number") {
    if (!(Number.isInteger(input) && input >= 0))
      throw new RangeError(
        `foldsWidget: the number of samples must be an integer ≥ 0, got ${input}`,
      );
    return input;
  }
  if (input instanceof Tensor) return input.shape[0];
  if (input && typeof input.length === "number") return input.length;
  throw new TypeError(`foldsWidget: expected n, labels or a tensor [N, …], got ${String(input)}`);
}

/** The labels to draw as the class row: an array, or a [N] tensor; none for a count or x [N, …]. */
function labelsOf(input: data.SplitInput): number[] | undefined {
  if (typeof input === "number") return undefined;
  if (input instanceof Tensor) return input.ndim === 1 ? Array.from(input.data, Number) : undefined;
  return Array.from(input as ArrayLike<number>, Number);
}

/** "KFold(5)", "LeavePOut(2)", "HoldOut", "LeaveOneOut"; "splits" for a list. */
function splitterName(splitter: unknown, isSplitter: boolean): string {
  if (!isSplitter) return "splits";
  const s = splitter as { constructor: { name: string }; nSplits?: number; p?: number };
  const arg = s.p ?? (s.constructor.name === "HoldOut" ? undefined : s.nSplits);
  return `${s.constructor.name}${arg === undefined ? "" : `(${arg})`}`;
}
