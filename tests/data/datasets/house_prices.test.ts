import { describe, expect, it } from "vitest";
import { housePrices } from "../../../src/data/datasets/house_prices";

describe("housePrices", () => {
  it("is the lecture 004 table: x_1 50 47 60 55, x_2 2 1 4 3, y 50 42 80 52", () => {
    const { x, y, xNew, featureNames, targetName } = housePrices();
    expect(x.shape).toEqual([4, 2]);
    expect(x.toArray()).toEqual([
      [50, 2],
      [47, 1],
      [60, 4],
      [55, 3],
    ]);
    expect(Array.from(y.data)).toEqual([50, 42, 80, 52]);
    expect(xNew.toArray()).toEqual([[65, 10]]); // the "…  65 / 10 / ?" column
    expect([x.dtype, y.dtype]).toEqual(["float64", "float64"]);
    expect(featureNames).toEqual(["x_1 房屋面积", "x_2 房屋楼层"]);
    expect(targetName).toBe("y 售价（万元）");
  });

  it("returns fresh tensors on every call", () => {
    housePrices().x.data[0] = 0;
    expect(housePrices().x.get(0, 0)).toBe(50);
  });
});
