import { describe, expect, it } from "vitest";
import { calculateGain, type Nonlinearity } from "../../../src/nn/init/calculate_gain";

describe("init.calculateGain", () => {
  it("follows PyTorch's table: linear/sigmoid 1, tanh 5/3, relu √2, selu 3/4", () => {
    for (const name of [
      "linear",
      "conv1d",
      "conv2d",
      "conv3d",
      "convTranspose2d",
      "sigmoid",
    ] as const)
      expect(calculateGain(name)).toBe(1);
    expect(calculateGain("tanh")).toBe(5 / 3);
    expect(calculateGain("relu")).toBe(Math.SQRT2);
    expect(calculateGain("selu")).toBe(0.75);
  });

  it("leaky ReLU gives √(2 / (1 + a²)), with a = 0.01 by default as in PyTorch", () => {
    expect(calculateGain("leakyRelu", 0.2)).toBeCloseTo(Math.sqrt(2 / 1.04), 15); // 1.3867504905630728
    expect(calculateGain("leakyRelu")).toBeCloseTo(Math.sqrt(2 / (1 + 1e-4)), 15);
    expect(calculateGain("leakyRelu", 0)).toBe(Math.SQRT2); // a = 0 is plain ReLU
    expect(calculateGain("leaky_relu", 0.2)).toBe(calculateGain("leakyRelu", 0.2)); // PyTorch's spelling
  });

  it("an unknown name is refused with the list of known ones", () => {
    expect(() => calculateGain("softplus" as Nonlinearity)).toThrow(
      /unknown nonlinearity "softplus"; expected one of linear, .*tanh, relu, selu, leakyRelu/,
    );
  });
});
