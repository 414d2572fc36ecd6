import { Tensor } from "../../tensor/tensor";
import { IRIS_ROWS } from "./iris_rows";

/** Fisher's Iris as tensors. */
export interface Iris {
  /** Four measurements per flower in cm, float64 [150, 4]. */
  x: Tensor;
  /** Species 0 setosa, 1 versicolor, 2 virginica, int32 [150]; rows sorted by species. */
  y: Tensor;
  /** ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"]. */
  featureNames: string[];
  /** ["setosa", "versicolor", "virginica"]. */
  targetNames: string[];
}

/**
 * Fisher's Iris flowers (scikit-learn's `load_iris`): 150 × 4 measurements, 3 balanced
 * classes. Small enough to train in milliseconds, so a k-fold cross-validation
 * (lecture 000 and 004) runs k full trainings in a cell. Setosa is linearly separable
 * from the others; versicolor and virginica overlap a little.
 *
 * The rows are sorted by class: shuffle before a plain split, or use a stratified one
 * (`StratifiedKFold`). Fit a `StandardScaler` on each training fold only.
 * Class means (cm), as scikit-learn's `load_iris()` gives them:
 *
 *     setosa      5.006  3.428  1.462  0.246
 *     versicolor  5.936  2.770  4.260  1.326
 *     virginica   6.588  2.974  5.552  2.026
 *
 * @example const { x, y } = loadIris();  // x [150, 4] float64, y [150] int32
 */
export function loadIris(): Iris {
  const x = new Float64Array(150 * 4);
  const y = new Int32Array(150);
  IRIS_ROWS.forEach((row, i) => {
    x.set(row.slice(0, 4), 4 * i);
    y[i] = row[4];
  });
  return {
    x: new Tensor(x, [150, 4]),
    y: new Tensor(y, [150]),
    featureNames: [
      "sepal length (cm)",
      "sepal width (cm)",
      "petal length (cm)",
      "petal width (cm)",
    ],
    targetNames: ["setosa", "versicolor", "virginica"],
  };
}
