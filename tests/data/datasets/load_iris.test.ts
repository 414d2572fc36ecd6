import { describe, expect, it } from "vitest";
import { loadIris } from "../../../src/data/datasets/load_iris";
import { tensor } from "../../../src";
import { expectClose } from "../../helpers/close";

// scikit-learn 1.2.1 (Debian python3-sklearn):
//   d = load_iris(); [d.data[d.target == k].mean(0) for k in range(3)]; d.data.sum(0); d.data[[0, 34, 37, 149]]
const CLASS_MEANS = [
  [5.006, 3.428, 1.462, 0.246],
  [5.936, 2.77, 4.26, 1.326],
  [6.588, 2.974, 5.552, 2.026],
];
const COLUMN_SUMS = [876.5, 458.6, 563.7, 179.9];

describe("loadIris", () => {
  const { x, y, featureNames, targetNames } = loadIris();

  it("has 150 flowers × 4 measurements and 50 of each of 3 species", () => {
    expect(x.shape).toEqual([150, 4]);
    expect(x.dtype).toBe("float64");
    expect(y.shape).toEqual([150]);
    expect(y.dtype).toBe("int32");
    const counts = [0, 0, 0];
    y.data.forEach((k) => counts[k]++);
    expect(counts).toEqual([50, 50, 50]);
    expect(featureNames).toEqual([
      "sepal length (cm)",
      "sepal width (cm)",
      "petal length (cm)",
      "petal width (cm)",
    ]);
    expect(targetNames).toEqual(["setosa", "versicolor", "virginica"]);
  });

  it("matches scikit-learn's class means and column sums", () => {
    for (let k = 0; k < 3; k++) {
      const mean = [0, 0, 0, 0];
      for (let i = 0; i < 150; i++)
        if (y.data[i] === k) for (let j = 0; j < 4; j++) mean[j] += x.get(i, j) / 50;
      expectClose(tensor(mean), CLASS_MEANS[k], 1e-12);
    }
    expectClose(x.sum(0), COLUMN_SUMS, 1e-12);
  });

  it("has Fisher's values in rows 35 and 38 (where the UCI copy differs), as scikit-learn", () => {
    expect(x.toArray()).toContainEqual([5.1, 3.5, 1.4, 0.2]);
    expect((x.toArray() as number[][])[34]).toEqual([4.9, 3.1, 1.5, 0.2]);
    expect((x.toArray() as number[][])[37]).toEqual([4.9, 3.6, 1.4, 0.1]);
    expect((x.toArray() as number[][])[149]).toEqual([5.9, 3.0, 5.1, 1.8]);
  });
});
