import { describe, expect, it } from "vitest";
import { Generator, manualSeed, randn, tensor, zeros } from "../../src";
import { Linear } from "../../src/nn/linear";
import { expectClose, expectShape } from "../helpers/close";
import { gradcheckModule } from "../helpers/gradcheck_module";
import { sampleStats } from "../helpers/sample_stats";

/** A Linear(3 → 2) with fixed W = [[1, 2, 3], [4, 5, 6]] and b = [0.5, −1]. */
function fixed(): Linear {
  const fc = new Linear(3, 2);
  fc.weight.assign(
    tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]),
  );
  fc.bias!.assign(tensor([0.5, -1]));
  return fc;
}

describe("Linear", () => {
  it("has weight [out, in] and bias [out], and maps [N, in] → [N, out]", () => {
    const fc = new Linear(784, 128);
    expectShape(fc.weight, [128, 784]);
    expectShape(fc.bias!, [128]);
    expectShape(fc.forward(zeros([32, 784])), [32, 128]);
    expect(fc.namedParameters().map(([name]) => name)).toEqual(["weight", "bias"]);
  });

  it("computes y = x Wᵀ + b, one sample per row", () => {
    // row 1: [1·1 + 0·2 − 1·3 + 0.5, 1·4 + 0·5 − 1·6 − 1] = [−1.5, −3]
    // row 2: [2·1 + 1·2 + 0·3 + 0.5, 2·4 + 1·5 + 0·6 − 1] = [4.5, 12]
    const y = fixed().forward(
      tensor([
        [1, 0, -1],
        [2, 1, 0],
      ]),
    );
    expectClose(y, [
      [-1.5, -3],
      [4.5, 12],
    ]);
  });

  it("is lecture 000's z = W x + b with column vectors, transposed", () => {
    const fc = fixed();
    const X = randn([3, 5]); // lecture 000's batch: one sample per column
    const Z = fc.weight.matmul(X).add(fc.bias!.reshape(2, 1)); // Z = W X + B
    expectClose(fc.forward(X.T), Z.T, 1e-12); // nnlab: rows are samples, Zᵀ = Xᵀ Wᵀ + b
  });

  it("with weight = lecture 004's W⁽¹⁾ᵀ reproduces v = W⁽¹⁾ᵀx + b⁽¹⁾ = [0.4160, 0.4135, 0.4215]", () => {
    // lecture 004's W⁽¹⁾ is [in, out]: w_{i,j} connects input i to hidden unit j
    const W1 = tensor([
      [0.25, 0.15, 0.3],
      [0.25, 0.2, 0.35],
      [0.1, 0.25, 0.15],
    ]);
    const fc = new Linear(3, 3);
    fc.weight.assign(W1.T);
    fc.bias!.assign(0.4);
    const v = fc.forward(tensor([[0.02, 0.04, 0.01]]));
    expectClose(v, [[0.416, 0.4135, 0.4215]], 1e-4);
  });

  it("accepts any leading axes [*, in] → [*, out] and a single sample [in] → [out]", () => {
    const fc = new Linear(4, 3);
    expectShape(fc.forward(zeros([2, 5, 4])), [2, 5, 3]);
    expectShape(fc.forward(zeros([4])), [3]);
  });

  it("initialises W and b from U(−1/√in, 1/√in), as PyTorch", () => {
    const fc = new Linear(400, 300, { generator: new Generator(0) });
    const bound = 1 / Math.sqrt(400);
    const w = sampleStats(fc.weight);
    expect(Math.max(-w.min, w.max)).toBeLessThanOrEqual(bound * (1 + 1e-12));
    expect(Math.min(-w.min, w.max)).toBeGreaterThan(0.999 * bound);
    expect(w.std / (bound / Math.sqrt(3))).toBeCloseTo(1, 1); // std of U(−c, c) is c/√3
    const b = sampleStats(fc.bias!);
    expect(Math.max(-b.min, b.max)).toBeLessThanOrEqual(bound * (1 + 1e-12));
    expect(Math.min(-b.min, b.max)).toBeGreaterThan(0.9 * bound); // 300 draws
  });

  it("draws the same weights after the same manualSeed, or from generators with the same seed", () => {
    manualSeed(3);
    const a = new Linear(5, 4);
    manualSeed(3);
    const b = new Linear(5, 4);
    expect(Array.from(a.weight.data)).toEqual(Array.from(b.weight.data));
    expect(Array.from(a.bias!.data)).toEqual(Array.from(b.bias!.data));
    const c = new Linear(5, 4, { generator: new Generator(9) });
    const d = new Linear(5, 4, { generator: new Generator(9) });
    expect(Array.from(c.weight.data)).toEqual(Array.from(d.weight.data));
    expect(Array.from(c.weight.data)).not.toEqual(Array.from(a.weight.data));
  });

  it("without bias has only a weight and computes y = x Wᵀ", () => {
    const fc = new Linear(3, 2, { bias: false });
    expect(fc.bias).toBeNull();
    expect(fc.namedParameters().map(([name]) => name)).toEqual(["weight"]);
    fc.weight.assign(
      tensor([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    );
    expectClose(fc.forward(tensor([[1, 1, 1]])), [[6, 15]]);
  });

  it("in float32 keeps float32 parameters and outputs", () => {
    const fc = new Linear(3, 2, { dtype: "float32" });
    expect(fc.weight.dtype).toBe("float32");
    expect(fc.bias!.dtype).toBe("float32");
    expect(fc.forward(zeros([4, 3], { dtype: "float32" })).dtype).toBe("float32");
  });

  it("passes gradcheck for the input, the weight and the bias", () => {
    const fc = new Linear(4, 3, { generator: new Generator(1) });
    const x = randn([5, 4], { generator: new Generator(2), requiresGrad: true });
    const report = gradcheckModule(fc, x);
    expect(report.inputs.map((r) => r.input)).toEqual([0, 1, 2]);
  });

  it("names the layer, the expected and the actual shape, and suggests nn.Flatten for images", () => {
    const fc = new Linear(784, 10);
    expect(() => fc.forward(zeros([32, 28, 28]))).toThrow(
      "Linear(784 → 10): expected input [N, 784], got [32, 28, 28]; flatten it first (nn.Flatten)",
    );
    expect(() => fc.forward(zeros([32, 100]))).toThrow(
      "Linear(784 → 10): expected input [N, 784], got [32, 100]; its last axis must have 784 features (check inFeatures, or the layer before)",
    );
  });

  it("explains a dtype mismatch between the input and the weights", () => {
    const fc = new Linear(3, 2, { dtype: "float32" });
    expect(() => fc.forward(zeros([1, 3]))).toThrow(
      'Linear(3 → 2): input is float64 but the weights are float32; convert the input with x.to("float32") or build the layer with { dtype: "float64" }',
    );
  });

  it("refuses sizes that are not positive integers", () => {
    expect(() => new Linear(0, 10)).toThrow("Linear: inFeatures must be a positive integer, got 0");
    expect(() => new Linear(10, 2.5)).toThrow(
      "Linear: outFeatures must be a positive integer, got 2.5",
    );
    expect(() => new Linear(3, 2, { dtype: "int32" as "float32" })).toThrow(
      'Linear: dtype must be "float64" or "float32", got "int32"',
    );
  });
});
