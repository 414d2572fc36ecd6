import { Tensor, confusionMatrix } from "../../src/index";
import type { Figure } from "./figure";
import { describe, shapeText } from "./tensor_values";

/** Options of `confusionMatrixFigure`. */
export interface ConfusionMatrixFigureOptions {
  /** Class names along both axes. Default "0", "1", …. */
  labels?: string[];
  /**
   * As scikit-learn's `normalize`: "true" divides each row by its class's count (the diagonal
   * is then the recall of each class), "pred" each column by the predictions of that class
   * (precision), "all" by N. Default: counts. The counts stay written in the cells.
   */
  normalize?: "true" | "pred" | "all";
  title?: string;
  /** A plotly colour scale. Default "Blues" (dark = many). */
  colorscale?: string;
}

/** The figure, with the matrix it draws: `counts[i][j]` and, normalised, `values[i][j]`. */
export type ConfusionMatrixFigure = Figure & { counts: number[][]; values: number[][] };

/**
 * The confusion matrix as an annotated heatmap: **rows are the true class, columns the
 * predicted class**, as nnlab's `confusionMatrix` and scikit-learn's `confusion_matrix`
 * (`ConfusionMatrixDisplay`) have it — cell (i, j) counts samples of class i predicted as j,
 * the diagonal the correct ones, accuracy = trace(M) / N. Row 0 is at the top.
 *
 * With `normalize: "true"` cell (i, j) is M_ij / Σ_j M_ij, the fraction of class i predicted as j.
 *
 * Give the matrix (`[C, C]` tensor or rows of numbers), or predictions, targets and C.
 *
 * @example show(confusionMatrixFigure(pred, testSet.y, 10, { normalize: "true" }))
 */
export function confusionMatrixFigure(
  matrix: Tensor | number[][],
  options?: ConfusionMatrixFigureOptions,
): ConfusionMatrixFigure;
export function confusionMatrixFigure(
  pred: Tensor,
  target: Tensor,
  numClasses: number,
  options?: ConfusionMatrixFigureOptions,
): ConfusionMatrixFigure;
export function confusionMatrixFigure(
  first: Tensor | number[][],
  second?: Tensor | ConfusionMatrixFigureOptions,
  numClasses?: number,
  fourth?: ConfusionMatrixFigureOptions,
): ConfusionMatrixFigure {
  const fromLabels = second instanceof Tensor;
  const options = (fromLabels ? fourth : (second as ConfusionMatrixFigureOptions)) ?? {};
  const counts = fromLabels
    ? squareRows(confusionMatrix(first as Tensor, second, numClasses as number))
    : squareRows(first);
  const C = counts.length;
  const labels = options.labels ?? counts.map((_, i) => String(i));
  if (labels.length !== C) {
    throw new RangeError(
      `confusionMatrixFigure: ${C} classes but ${labels.length} labels; give one label per class`,
    );
  }
  const values = normalized(counts, options.normalize);
  const ticks = { tickvals: labels.map((_, i) => i), ticktext: labels };
  const size = Math.min(700, 160 + 46 * C);
  const heatmap = {
    type: "heatmap",
    name: "confusion matrix",
    x: labels.map((_, j) => j),
    y: labels.map((_, i) => i),
    z: values,
    text: counts.map((row) => row.map(String)),
    texttemplate: options.normalize ? "%{z:.2f}" : "%{text}",
    customdata: counts,
    colorscale: options.colorscale ?? "Blues",
    reversescale: (options.colorscale ?? "Blues") === "Blues", // plotly's Blues runs dark → light
    zmin: 0,
    colorbar: { title: { text: options.normalize ? "fraction" : "count" } },
    hovertemplate: `true %{y}, predicted %{x}: %{customdata}${options.normalize ? " (%{z:.1%})" : ""}<extra></extra>`,
  };
  const layout = {
    title: { text: options.title ?? "Confusion matrix (rows: true class, columns: predicted)" },
    width: size + 120,
    height: size + 40,
    xaxis: {
      title: { text: "predicted class" },
      ...ticks,
      side: "bottom",
      showgrid: false,
      zeroline: false,
    },
    yaxis: {
      title: { text: "true class" },
      ...ticks,
      autorange: "reversed",
      showgrid: false,
      zeroline: false,
      scaleanchor: "x",
    },
    margin: { l: 80, r: 30, t: 70, b: 70 },
  };
  return {
    data: [heatmap],
    layout,
    config: { responsive: true, displaylogo: false },
    counts,
    values,
  };
}

/** M_ij divided by its row sum ("true"), column sum ("pred") or N ("all"); empty rows stay 0. */
function normalized(counts: number[][], by: ConfusionMatrixFigureOptions["normalize"]): number[][] {
  if (by === undefined) return counts;
  const rowSums = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const colSums = counts[0].map((_, j) => counts.reduce((a, row) => a + row[j], 0));
  const total = rowSums.reduce((a, b) => a + b, 0);
  if (!["true", "pred", "all"].includes(by)) {
    throw new RangeError(
      `confusionMatrixFigure: normalize must be "true", "pred" or "all" (scikit-learn's), got ${String(by)}`,
    );
  }
  const divisor = (i: number, j: number) =>
    by === "true" ? rowSums[i] : by === "pred" ? colSums[j] : total;
  return counts.map((row, i) => row.map((m, j) => (divisor(i, j) > 0 ? m / divisor(i, j) : 0)));
}

/** A `[C, C]` tensor or C rows of C counts, as rows of numbers. */
function squareRows(m: unknown): number[][] {
  const rows =
    m instanceof Tensor && m.ndim === 2
      ? Array.from({ length: m.shape[0] }, (_, i) =>
          Array.from(m.data.subarray(i * m.shape[1], (i + 1) * m.shape[1]), Number),
        )
      : Array.isArray(m) && m.every(Array.isArray)
        ? (m as number[][]).map((row) => row.map(Number))
        : null;
  const square =
    rows !== null && rows.length > 0 && rows.every((row) => row.length === rows.length);
  if (!square || rows.some((row) => row.some((v) => !(Number.isFinite(v) && v >= 0)))) {
    const got =
      m instanceof Tensor
        ? shapeText(m.shape)
        : Array.isArray(m)
          ? `${m.length} rows`
          : describe(m);
    throw new RangeError(
      `confusionMatrixFigure: expected a square [C, C] matrix of counts ≥ 0 (rows = true class), got ${got}; or pass (pred, target, numClasses)`,
    );
  }
  return rows;
}
