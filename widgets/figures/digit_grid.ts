import { Tensor } from "../../src/index";
import type { Figure, Trace } from "./figure";
import { subplotGrid } from "./subplot_grid";
import { classLabels, describe, matrixRows, shapeText } from "./tensor_values";

/** Options of `digitGrid`. */
export interface DigitGridOptions {
  /** The true label of each image (`[N]` tensor or numbers). */
  labels?: Tensor | ArrayLike<number>;
  /** The predicted label of each image; a wrong one is titled in red. */
  predictions?: Tensor | ArrayLike<number>;
  /** Images per row. Default 10. */
  cols?: number;
  /** Class names (the label k is written `classNames[k]`). Default the digits themselves. */
  classNames?: string[];
  title?: string;
}

const WRONG = "#d62728";

/**
 * A grid of MNIST-style images (lecture 004's lab), each drawn as a small grey heatmap, ink
 * dark on white, with "true 7 · pred 2" over it — in red where the prediction is wrong, so
 * misclassified digits stand out. Images `[N, 28, 28]`, `[N, 1, 28, 28]` or flattened
 * `[N, 784]` (any square side: `[N, s²]` is read as s × s); values in any range (raw or
 * standardised pixels), one grey scale shared by all of them.
 *
 * @example show(digitGrid(test.images.indexSelect(0, wrong), { labels: y, predictions: pred }))
 */
export function digitGrid(images: Tensor, options: DigitGridOptions = {}): Figure {
  const stack = asImages(images);
  const N = stack.shape[0];
  const labels = aligned("labels", options.labels, N);
  const predictions = aligned("predictions", options.predictions, N);
  const name = (k: number) => options.classNames?.[k] ?? String(k);
  const titles = Array.from({ length: N }, (_, i) =>
    [labels ? `true ${name(labels[i])}` : "", predictions ? `pred ${name(predictions[i])}` : ""]
      .filter(Boolean)
      .join(" · "),
  );
  const wrong = (i: number) =>
    labels !== null && predictions !== null && labels[i] !== predictions[i];
  const cols = options.cols ?? 10;
  const grid = subplotGrid(N, {
    cols,
    image: true,
    gap: [0.015, labels || predictions ? 0.09 : 0.02],
    titles: labels || predictions ? titles : undefined,
    titleColors: titles.map((_, i) => (wrong(i) ? WRONG : "#444")),
  });
  let [lo, hi] = [Infinity, -Infinity];
  for (const v of stack.data) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  const data: Trace[] = Array.from({ length: N }, (_, i) => ({
    type: "heatmap",
    name: titles[i] || `image ${i}`,
    ...grid.cells[i],
    z: matrixRows(stack.select(0, i)),
    zmin: lo,
    zmax: hi > lo ? hi : lo + 1,
    colorscale: "Greys",
    reversescale: true, // high pixel values (ink) dark
    showscale: false,
    hovertemplate: `image ${i}${titles[i] ? ` (${titles[i]})` : ""}: pixel (%{y}, %{x}) = %{z:.3g}<extra></extra>`,
  }));
  const layout = {
    ...grid.layout,
    title: { text: options.title ?? `${N} image${N === 1 ? "" : "s"}` },
    width: Math.min(1000, 90 * grid.cols + 60),
    height: 70 + 100 * grid.rows,
    margin: { l: 20, r: 20, t: 70, b: 10 },
  };
  return { data, layout, config: { responsive: true, displaylogo: false } };
}

/** `[N, s, s]`, `[N, 1, s, s]` or `[N, s²]` as `[N, s, s]`. */
function asImages(images: Tensor): Tensor {
  if (!(images instanceof Tensor)) {
    throw new TypeError(`digitGrid: expected a tensor of images, got ${describe(images)}`);
  }
  const [N, ...rest] = images.shape;
  const side = Math.round(Math.sqrt(rest.reduce((a, b) => a * b, 1)));
  const ok =
    N > 0 &&
    ((rest.length === 2 && rest[0] === rest[1]) ||
      (rest.length === 3 && rest[0] === 1 && rest[1] === rest[2]) ||
      (rest.length === 1 && side * side === rest[0]));
  if (!ok) {
    throw new RangeError(
      `digitGrid: expected images [N, 28, 28], [N, 1, 28, 28] or [N, 784] (square, N ≥ 1), got ${shapeText(images.shape)}`,
    );
  }
  return images.reshape(N, side, side);
}

/** Labels or predictions as numbers, one per image (or null when not given). */
function aligned(
  what: string,
  values: Tensor | ArrayLike<number> | undefined,
  N: number,
): number[] | null {
  if (values === undefined) return null;
  const list = classLabels("digitGrid", what, values);
  if (list.length !== N) {
    throw new RangeError(
      `digitGrid: expected ${what} of shape [${N}] (one per image), got ${values instanceof Tensor ? shapeText(values.shape) : `${list.length} values`}`,
    );
  }
  return list;
}
