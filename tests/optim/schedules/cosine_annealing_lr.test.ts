import { describe, expect, it } from "vitest";
import { CosineAnnealingLR } from "../../../src/optim/schedules/cosine_annealing_lr";
import { expectLrs, trajectory, withLrs } from "./helpers";

describe("CosineAnnealingLR", () => {
  it("anneals from α₀ to η_min over tMax = 10 epochs, by step() and by lrAt", () => {
    // α₀ = 0.1, η_min = 0: 0.05·(1 + cos(πt/10)); cos(π/10) = 0.951057 → 0.0975528,
    // cos(π/5) = 0.809017 → 0.0904508, …, cos(π/2) = 0 → 0.05, …, cos(π) = −1 → 0
    const formula = [
      0.1, 0.09755282581475769, 0.09045084971874738, 0.07938926261462366, 0.06545084971874737, 0.05,
      0.03454915028125263, 0.02061073738537635, 0.009549150281252633, 0.0024471741852423235, 0,
    ];
    const sched = new CosineAnnealingLR(withLrs(0.1), 10);
    expectLrs(
      formula.map((_, t) => sched.lrAt(t)),
      formula,
      1e-15,
    );
    expectLrs(trajectory(sched, 10), formula, 1e-15);
  });

  it("matches torch.optim.lr_scheduler.CosineAnnealingLR, past tMax too", () => {
    // torch 1.13 (Debian python3-torch): opt = SGD([p], lr=0.1); s = CosineAnnealingLR(opt, 10)
    // (and CosineAnnealingLR(opt, 6, eta_min=0.01)); lr before, and after each of n
    // `opt.step(); s.step()`. Torch steps recursively, hence the last-digit drift.
    const torch10 = [
      0.1, 0.09755282581475769, 0.09045084971874738, 0.07938926261462367, 0.06545084971874739,
      0.05000000000000001, 0.03454915028125264, 0.020610737385376353, 0.009549150281252635,
      0.002447174185242324, 0.0, 0.0024471741852423235, 0.009549150281252666, 0.020610737385376433,
      0.034549150281252786, 0.050000000000000225, 0.06545084971874766, 0.079389262614624,
      0.09045084971874778, 0.09755282581475812, 0.10000000000000044, 0.0975528258147581,
      0.0904508497187478, 0.079389262614624, 0.06545084971874766, 0.050000000000000225,
    ];
    const torch6 = [
      0.1, 0.09397114317029975, 0.07750000000000001, 0.055000000000000014, 0.032500000000000015,
      0.01602885682970026, 0.01, 0.01602885682970026, 0.03250000000000001, 0.05500000000000004,
      0.07750000000000007, 0.09397114317029981, 0.10000000000000009, 0.09397114317029982,
      0.0775000000000001,
    ];
    expectLrs(trajectory(new CosineAnnealingLR(withLrs(0.1), 10), 25), torch10, 1e-12);
    const withMin = new CosineAnnealingLR(withLrs(0.1), 6, { etaMin: 0.01 });
    expectLrs(trajectory(withMin, 14), torch6, 1e-12);
  });

  it("refuses tMax that is not a positive integer and a negative etaMin", () => {
    const opt = withLrs(0.1);
    expect(() => new CosineAnnealingLR(opt, 0)).toThrow(
      "CosineAnnealingLR: tMax must be a positive integer, got 0",
    );
    expect(() => new CosineAnnealingLR(opt, 10, { etaMin: -1 })).toThrow(
      "CosineAnnealingLR: etaMin must be ≥ 0, got -1",
    );
  });
});
