import { describe, expect, it } from "vitest";
import { tensor } from "../../../src";
import { loadIris } from "../../../src/data/datasets/load_iris";
import { StandardScaler } from "../../../src/data/preprocessing/standard_scaler";
import { expectClose } from "../../helpers/close";

// Reference numbers: scikit-learn 1.2.1 (Debian python3-sklearn), computed once with
//   X = [[1, 2, 5], [3, 2, -1], [0, 2, 4], [4, 2, 0.5]];  Xt = [[2, 3, 1], [-1, 2, 10]]
//   s = StandardScaler().fit(X); s.mean_, s.var_, s.scale_, s.transform(X), s.transform(Xt)
//   StandardScaler().fit(load_iris().data): mean_, scale_, transform(...)[0]
const X = [
  [1, 2, 5],
  [3, 2, -1],
  [0, 2, 4],
  [4, 2, 0.5],
];
const XT = [
  [2, 3, 1],
  [-1, 2, 10],
];
const SK = {
  mean: [2.0, 2.0, 2.125],
  var: [2.5, 0.0, 6.046875],
  scale: [1.5811388300841898, 1.0, 2.45903944661325], // the constant column keeps scale 1
  z: [
    [-0.6324555320336759, 0.0, 1.1691557058833024],
    [0.6324555320336759, 0.0, -1.2708214194383722],
    [-1.2649110640673518, 0.0, 0.7624928516630234],
    [1.2649110640673518, 0.0, -0.6608271381079536],
  ],
  zt: [
    [0.0, 1.0, -0.457495710997814],
    [-1.8973665961010275, 0.0, 3.2024699769846983],
  ],
  irisMean: [5.843333333333335, 3.057333333333334, 3.7580000000000027, 1.199333333333334],
  irisScale: [0.8253012917851409, 0.43441096773549437, 1.7594040657753032, 0.7596926279021594],
  irisZ0: [-0.9006811702978099, 1.0190043519716065, -1.3402265266227635, -1.3154442950077407],
};

describe("StandardScaler", () => {
  it("learns μ and the population σ per column and transforms as scikit-learn", () => {
    const scaler = new StandardScaler().fit(tensor(X));
    expectClose(scaler.mean, SK.mean, 1e-15);
    expectClose(scaler.var, SK.var, 1e-15);
    expectClose(scaler.std, [Math.sqrt(2.5), 0, Math.sqrt(6.046875)], 1e-15);
    expectClose(scaler.scale, SK.scale, 1e-15);
    expectClose(scaler.transform(tensor(X)), SK.z, 1e-14);
    expectClose(scaler.transform(tensor(XT)), SK.zt, 1e-14); // new data, training μ and σ
    expect(scaler.nFeaturesIn).toBe(3);
  });

  it("matches scikit-learn on Iris", () => {
    const { x } = loadIris();
    const scaler = new StandardScaler();
    const z = scaler.fitTransform(x);
    expectClose(scaler.mean, SK.irisMean, 1e-14);
    expectClose(scaler.scale, SK.irisScale, 1e-14);
    expectClose(z.slice(0, 0, 1), [SK.irisZ0], 1e-13);
    expectClose(z.mean(0), [0, 0, 0, 0], 1e-14);
    expectClose(z.var(0, { correction: 0 }), [1, 1, 1, 1], 1e-13);
  });

  it("inverseTransform undoes transform", () => {
    const scaler = new StandardScaler().fit(tensor(X));
    expectClose(scaler.inverseTransform(scaler.transform(tensor(XT))), XT, 1e-14);
  });

  it("treats a column constant up to rounding as constant (0.1 + 0.1 + 0.1 ≠ 0.3)", () => {
    // μ = 0.30000000000000004 / 3 ≠ 0.1, so σ² ≈ 2e-34 > 0; scikit-learn's bound calls it 0.
    const scaler = new StandardScaler().fit(tensor([[0.1], [0.1], [0.1]]));
    expect(scaler.var.item()).toBeLessThan(1e-32);
    expect(scaler.scale.item()).toBe(1);
    expect(Math.abs(scaler.transform(tensor([[0.1]])).item())).toBeLessThan(1e-16);
  });

  it("keeps float32 inputs float32, never changes its input, and honours withMean / withStd", () => {
    const x32 = tensor(X, { dtype: "float32" });
    const before = Array.from(x32.data);
    const z = new StandardScaler().fitTransform(x32);
    expect(z.dtype).toBe("float32");
    expect(Array.from(x32.data)).toEqual(before);
    expectClose(
      new StandardScaler({ withMean: false }).fitTransform(tensor(X)).select(1, 0),
      [1, 3, 0, 4].map((v) => v / SK.scale[0]),
      1e-15,
    );
    expectClose(
      new StandardScaler({ withStd: false }).fitTransform(tensor(X)).select(1, 0),
      [-1, 1, -2, 2],
      1e-15,
    );
  });

  it("says to call fit first, and names both shapes on a column mismatch", () => {
    const scaler = new StandardScaler();
    expect(() => scaler.transform(tensor(X))).toThrow(
      "StandardScaler: call fit(x) on the training data before transform(x)",
    );
    expect(() => scaler.inverseTransform(tensor(X))).toThrow("before inverseTransform(x)");
    expect(() => scaler.mean).toThrow(
      "StandardScaler: call fit(x) on the training data before reading mean",
    );
    scaler.fit(tensor(X));
    expect(() => scaler.transform(tensor([[1, 2]]))).toThrow(
      "StandardScaler: fitted on [4, 3] (3 features), transform(x) got [1, 2] (2 features)",
    );
    expect(() => scaler.fit(tensor([1, 2, 3]))).toThrow(
      "StandardScaler.fit: expected a data matrix [N, D] with N ≥ 1 (samples × features), got [3]; one sample is x.reshape(1, -1), one feature x.reshape(-1, 1)",
    );
  });
});
