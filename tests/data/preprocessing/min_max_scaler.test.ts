import { describe, expect, it } from "vitest";
import { tensor } from "../../../src";
import { MinMaxScaler } from "../../../src/data/preprocessing/min_max_scaler";
import { expectClose } from "../../helpers/close";

// Reference numbers: scikit-learn 1.2.1 (Debian python3-sklearn), computed once with
//   m = MinMaxScaler(feature_range=(-1, 1)).fit(X)
//   m.data_min_, m.data_max_, m.scale_, m.min_, m.transform(X), m.transform(Xt)
//   MinMaxScaler(feature_range=(-1, 1), clip=True).fit(X).transform(Xt)
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
  dataMin: [0.0, 2.0, -1.0],
  dataMax: [4.0, 2.0, 5.0],
  scale: [0.5, 2.0, 0.3333333333333333], // constant column: (b − a) / 1
  min: [-1.0, -5.0, -0.6666666666666667],
  z: [
    [-0.5, -1.0, 0.9999999999999998],
    [0.5, -1.0, -1.0],
    [-1.0, -1.0, 0.6666666666666665],
    [1.0, -1.0, -0.5000000000000001],
  ],
  zt: [
    [0.0, 1.0, -0.3333333333333334],
    [-1.5, -1.0, 2.666666666666666],
  ],
  ztClip: [
    [0.0, 1.0, -0.3333333333333334],
    [-1.0, -1.0, 1.0],
  ],
};

describe("MinMaxScaler", () => {
  it("maps each column's training range onto featureRange as scikit-learn", () => {
    const scaler = new MinMaxScaler({ featureRange: [-1, 1] }).fit(tensor(X));
    expectClose(scaler.dataMin, SK.dataMin, 0);
    expectClose(scaler.dataMax, SK.dataMax, 0);
    expectClose(scaler.scale, SK.scale, 1e-16);
    expectClose(scaler.min, SK.min, 1e-16);
    expectClose(scaler.transform(tensor(X)), SK.z, 1e-15);
    expectClose(scaler.transform(tensor(XT)), SK.zt, 1e-15); // unseen data leaves [−1, 1]
  });

  it("clamps unseen data to featureRange with clip", () => {
    const scaler = new MinMaxScaler({ featureRange: [-1, 1], clip: true }).fit(tensor(X));
    expectClose(scaler.transform(tensor(XT)), SK.ztClip, 1e-15);
  });

  it("defaults to [0, 1] and inverseTransform undoes transform", () => {
    const scaler = new MinMaxScaler();
    const z = scaler.fitTransform(tensor(X));
    expectClose(z.min(0), [0, 0, 0], 0);
    expectClose(z.max(0), [1, 0, 1], 1e-15);
    expectClose(scaler.inverseTransform(scaler.transform(tensor(XT))), XT, 1e-15);
  });

  it("explains a bad featureRange, a missing fit and a column mismatch", () => {
    expect(() => new MinMaxScaler({ featureRange: [1, 0] })).toThrow(
      "MinMaxScaler: featureRange must be [a, b] with a < b, got [1, 0]",
    );
    const scaler = new MinMaxScaler();
    expect(() => scaler.transform(tensor(X))).toThrow(
      "MinMaxScaler: call fit(x) on the training data before transform(x)",
    );
    scaler.fit(tensor(X));
    expect(() => scaler.inverseTransform(tensor([[1, 2, 3, 4]]))).toThrow(
      "MinMaxScaler: fitted on [4, 3] (3 features), inverseTransform(x) got [1, 4] (4 features)",
    );
  });
});
