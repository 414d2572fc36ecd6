import { describe, expect, it } from "vitest";
import { confusionMatrix, tensor } from "../../src";
import { confusionMatrixFigure } from "../../widgets/figures/confusion_matrix_figure";

// A hand-made example: 9 samples of 3 classes.
const target = [0, 0, 0, 1, 1, 2, 2, 2, 2];
const pred = [0, 1, 0, 1, 1, 2, 0, 2, 1];
// /usr/bin/python3, sklearn.metrics.confusion_matrix(target, pred) (rows = true class):
const COUNTS = [
  [2, 1, 0],
  [0, 2, 0],
  [1, 1, 2],
];
// confusion_matrix(target, pred, normalize="true") and normalize="pred":
const BY_ROW = [
  [2 / 3, 1 / 3, 0],
  [0, 1, 0],
  [0.25, 0.25, 0.5],
];
const BY_COLUMN = [
  [2 / 3, 0.25, 0],
  [0, 0.5, 0],
  [1 / 3, 0.25, 1],
];

const t = (xs: number[]) => tensor(xs, { dtype: "int32" });

describe("confusionMatrixFigure", () => {
  it("draws scikit-learn's counts, rows = true class (row 0 on top), columns = predicted", () => {
    const fig = confusionMatrixFigure(t(pred), t(target), 3);
    const [heatmap] = fig.data;
    expect(heatmap.type).toBe("heatmap");
    expect(heatmap.z).toEqual(COUNTS);
    expect(fig.counts).toEqual(COUNTS);
    expect(heatmap.text).toEqual(COUNTS.map((row) => row.map(String)));
    expect(heatmap.texttemplate).toBe("%{text}");
    const rowSums = COUNTS.map((row) => row.reduce((a, b) => a + b));
    expect(rowSums).toEqual([0, 1, 2].map((c) => target.filter((y) => y === c).length)); // class counts
    expect(fig.layout.yaxis).toMatchObject({
      title: { text: "true class" },
      autorange: "reversed",
    });
    expect(fig.layout.xaxis).toMatchObject({ title: { text: "predicted class" } });
    expect(fig.layout.title).toEqual({
      text: "Confusion matrix (rows: true class, columns: predicted)",
    });
  });

  it("takes the matrix itself, as nnlab's confusionMatrix returns it or as rows, with class labels", () => {
    const cm = confusionMatrix(t(pred), t(target), 3);
    const fig = confusionMatrixFigure(cm, { labels: ["cat", "dog", "fox"] });
    expect(fig.data[0].z).toEqual(COUNTS);
    expect(fig.layout.xaxis).toMatchObject({
      tickvals: [0, 1, 2],
      ticktext: ["cat", "dog", "fox"],
    });
    expect(fig.layout.yaxis).toMatchObject({ ticktext: ["cat", "dog", "fox"] });
    expect(confusionMatrixFigure(COUNTS).data[0].z).toEqual(COUNTS);
  });

  it("normalises rows (normalize: 'true'), columns ('pred') or all as scikit-learn does, counts kept in the text", () => {
    const rows = confusionMatrixFigure(COUNTS, { normalize: "true" });
    (rows.values as number[][]).forEach((row, i) =>
      row.forEach((v, j) => expect(v).toBeCloseTo(BY_ROW[i][j], 14)),
    );
    for (const row of rows.data[0].z as number[][]) {
      expect(row.reduce((a, b) => a + b)).toBeCloseTo(1, 14);
    }
    expect(rows.data[0].text).toEqual(COUNTS.map((row) => row.map(String)));
    expect(rows.data[0].texttemplate).toBe("%{z:.2f}");
    const columns = confusionMatrixFigure(COUNTS, { normalize: "pred" }).values;
    columns.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(BY_COLUMN[i][j], 14)));
    const all = confusionMatrixFigure(COUNTS, { normalize: "all" }).values;
    expect(all[2][2]).toBeCloseTo(2 / 9, 14);
    expect(
      confusionMatrixFigure(
        [
          [0, 0],
          [0, 3],
        ],
        { normalize: "true" },
      ).values[0],
    ).toEqual([0, 0]); // an empty class stays 0
  });

  it("explains what it expected when the input is wrong", () => {
    expect(() => confusionMatrixFigure(tensor([[1, 2, 3]]))).toThrow(
      /expected a square \[C, C\] matrix of counts ≥ 0 \(rows = true class\), got \[1, 3\]/,
    );
    expect(() => confusionMatrixFigure([[1, 2], [3]])).toThrow(/got 2 rows/);
    expect(() => confusionMatrixFigure(COUNTS, { labels: ["a", "b"] })).toThrow(
      /3 classes but 2 labels/,
    );
    expect(() => confusionMatrixFigure(COUNTS, { normalize: "rows" as never })).toThrow(
      /normalize must be "true", "pred" or "all" \(scikit-learn's\), got rows/,
    );
    expect(() => confusionMatrixFigure(t([0, 5]), t([0, 1]), 3)).toThrow(/outside 0…2/); // confusionMatrix's own check
  });
});
