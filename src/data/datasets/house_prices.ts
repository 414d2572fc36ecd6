import { tensor } from "../../tensor/creation";
import type { Tensor } from "../../tensor/tensor";

/** The house-price table of lecture 004. */
export interface HousePrices {
  /** The four sales, float64 [4, 2]: columns x₁ (area) and x₂ (floor). */
  x: Tensor;
  /** Their prices y in 万元 (10,000 yuan), float64 [4]. */
  y: Tensor;
  /** The house the lecture asks about, float64 [1, 2]: x₁ = 65, x₂ = 10, price "?". */
  xNew: Tensor;
  /** Column names as the lecture writes them: ["x_1 房屋面积", "x_2 房屋楼层"]. */
  featureNames: string[];
  /** "y 售价（万元）". */
  targetName: string;
}

/**
 * The lecture 004 linear-regression example ("问题引入"): a sales office records the area
 * x₁ and floor x₂ of the houses it sold and their prices y, and asks what a new house
 * (x₁ = 65, x₂ = 10) should cost. The table, exactly as the lecture prints it (its "…"
 * columns are rows it leaves out, so there are four known sales):
 *
 *     x_1   50   47   60   55   …   65
 *     x_2    2    1    4    3   …   10
 *     y     50   42   80   52   …    ?
 *
 * The model is  H_w(x) = w₀ + w₁x₁ + w₂x₂ = ŵᵀx  (x₀ = 1), fitted by gradient descent on
 * L(ŵ) = ½ Σⱼ (ŵᵀxⱼ − yⱼ)². With a single feature (x₁ only) it is H_w(x) = w₀ + wx.
 * `y` is 1-D like scikit-learn's targets; `y.reshape(-1, 1)` matches an `nn.Linear(2, 1)` output.
 *
 * @example const { x, y, xNew } = housePrices();  // x [4, 2], y [4], xNew [[65, 10]]
 */
export function housePrices(): HousePrices {
  return {
    x: tensor([
      [50, 2],
      [47, 1],
      [60, 4],
      [55, 3],
    ]),
    y: tensor([50, 42, 80, 52]),
    xNew: tensor([[65, 10]]),
    featureNames: ["x_1 房屋面积", "x_2 房屋楼层"],
    targetName: "y 售价（万元）",
  };
}
