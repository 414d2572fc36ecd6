import { describe, expect, it } from "vitest";
import { tensor } from "../../src";
import { expectClose } from "../helpers/close";

/**
 * Lecture 004 (004_d9fc247a0616ff94.txt), the worked back-propagation example:
 * x = [0.02, 0.04, 0.01]ᵀ, b⁽¹⁾ = [0.4; 0.4; 0.4], b⁽²⁾ = [0.7; 0.7], y = [0.9, 0.5],
 * sigmoid everywhere, L = ½Σ(y − ŷ)², column vectors: v = W⁽¹⁾ᵀx + b⁽¹⁾, z = W⁽²⁾ᵀh + b⁽²⁾.
 * The lecture's numbers (4 decimals): v = [0.4160, 0.4135, 0.4215], h = [0.6025, 0.6019, 0.6038],
 * z = [1.1577, 1.2425], ŷ = [0.7609, 0.7760], L = 0.0478, ∂L/∂w⁽²⁾₂,₁ = −0.0152, w ← 0.3652 (α = 1).
 */
const x = () => tensor([[0.02], [0.04], [0.01]]);
const b1 = () => tensor([[0.4], [0.4], [0.4]]);
const b2 = () => tensor([[0.7], [0.7]]);
const y = () => tensor([[0.9], [0.5]]);
const W1 = (requiresGrad = false) =>
  tensor(
    [
      [0.25, 0.15, 0.3],
      [0.25, 0.2, 0.35],
      [0.1, 0.25, 0.15],
    ],
    { requiresGrad },
  );
const W2 = (requiresGrad = false) =>
  tensor(
    [
      [0.4, 0.25],
      [0.35, 0.3],
      [0.01, 0.35],
    ],
    { requiresGrad },
  );
const round4 = (t: { data: ArrayLike<number> }) =>
  Array.from(t.data, (v) => Math.round(v * 1e4) / 1e4);

describe("lecture 004 worked example", () => {
  it("forward pass by hand with tensors reproduces every intermediate to 4 decimals", () => {
    const v = W1().T.matmul(x()).add(b1());
    const h = v.sigmoid();
    const z = W2().T.matmul(h).add(b2());
    const yHat = z.sigmoid();
    const L = y().sub(yHat).pow(2).sum().mul(0.5);
    expect(round4(v)).toEqual([0.416, 0.4135, 0.4215]);
    expect(round4(h)).toEqual([0.6025, 0.6019, 0.6038]);
    // z₂ = 1.24255… exactly; the lecture writes 1.2425 because it rounds h to 4 decimals
    // first (0.25·0.6025 + 0.30·0.6019 + 0.35·0.6038 + 0.7 = 1.242525). Both agree to 1e-4.
    expectClose(z, [1.1577, 1.2425], 1e-4);
    expect(round4(z)).toEqual([1.1577, 1.2426]);
    expect(round4(yHat)).toEqual([0.7609, 0.776]);
    expect(round4(L)).toEqual([0.0478]);
  });

  it("the chain rule by hand gives ∂L/∂w⁽²⁾₂,₁ = −(y₁ − ŷ₁)·ŷ₁(1 − ŷ₁)·h₂ = −0.0152", () => {
    const h = W1().T.matmul(x()).add(b1()).sigmoid();
    const yHat = W2().T.matmul(h).add(b2()).sigmoid();
    const dLdy1 = -(0.9 - yHat.get(0, 0)); // −0.1391
    const dy1dz1 = yHat.get(0, 0) * (1 - yHat.get(0, 0)); // 0.1819
    const dz1dw = h.get(1, 0); // 0.6019
    expect(Math.round(dLdy1 * 1e4) / 1e4).toBe(-0.1391);
    expect(Math.round(dy1dz1 * 1e4) / 1e4).toBe(0.1819);
    expect(Math.round(dLdy1 * dy1dz1 * dz1dw * 1e4) / 1e4).toBe(-0.0152);
  });

  it("backward() gives the same ∂L/∂w⁽²⁾₂,₁ and the update w ← w − α·∂L/∂w = 0.3652 with α = 1", () => {
    const w1 = W1(true);
    const w2 = W2(true);
    const yHat = w2.T.matmul(w1.T.matmul(x()).add(b1()).sigmoid()).add(b2()).sigmoid();
    const L = y().sub(yHat).pow(2).sum().mul(0.5);
    L.backward();
    const g = w2.grad!.get(1, 0);
    // exact value, computed in float64 from the same formula: −0.015229867316056689
    expectClose(g, -0.015229867316056689, 1e-12);
    expect(Math.round(g * 1e4) / 1e4).toBe(-0.0152);
    const alpha = 1;
    expect(Math.round((0.35 - alpha * g) * 1e4) / 1e4).toBe(0.3652);
    expect(w1.grad).not.toBeNull();
    expect([...w1.grad!.shape]).toEqual([3, 3]);
  });
});
