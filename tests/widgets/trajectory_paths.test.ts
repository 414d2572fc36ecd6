import { describe, expect, it } from "vitest";
import { type Tensor, optim } from "../../src";
import { illConditionedQuadratic, rosenbrock } from "../../widgets/figures/loss_surfaces";
import { trajectoryPaths } from "../../widgets/figures/trajectory_paths";
import { expectCloseArray } from "./fixtures";

/** Pairs (x_t, y_t) of a path, for comparing with a reference written as points. */
const points = (p: { x: number[]; y: number[] }) => p.x.map((x, t) => [x, p.y[t]]);

describe("trajectoryPaths", () => {
  it("SGD on ½(x² + 10y²) with α = 0.15 follows the closed form x ← 0.85x, y ← −0.5y", () => {
    // ∇f = (x, 10y), so x_{t+1} = (1 − α)x_t = 0.85x_t and y_{t+1} = (1 − 10α)y_t = −0.5y_t:
    // x: −4, −3.4, −2.89, −2.4565; y: 1, −0.5, 0.25, −0.125
    // f = ½(x² + 10y²): ½(16 + 10) = 13, ½(11.56 + 2.5) = 7.03, ½(8.3521 + 0.625) = 4.48855
    const [sgd] = trajectoryPaths(
      "quadratic",
      { SGD: (ps) => new optim.SGD(ps, { lr: 0.15 }) },
      { steps: 3, start: [-4, 1] },
    );
    expect(sgd.name).toBe("SGD");
    expectCloseArray(sgd.x, [-4, -3.4, -2.89, -2.4565], 1e-12);
    expectCloseArray(sgd.y, [1, -0.5, 0.25, -0.125], 1e-12);
    expectCloseArray(sgd.loss.slice(0, 3), [13, 7.03, 4.48855], 1e-12);
    expect(sgd.diverged).toBe(false);
  });

  it("counts the steps to f − f* < tol as the closed form does, or null when not reached", () => {
    // f_t = ½(16·0.85^{2t} + 10·0.25^t); the first t with f_t < 1e-3, counted by hand-rolled loop
    const f = (t: number) => 0.5 * (16 * 0.85 ** (2 * t) + 10 * 0.25 ** t);
    let expected = 0;
    while (f(expected) >= 1e-3) expected++;
    const make = { SGD: (ps: Tensor[]) => new optim.SGD(ps, { lr: 0.15 }) };
    const [reached] = trajectoryPaths("quadratic", make, { steps: 100, tol: 1e-3 });
    expect(reached.stepsToTol).toBe(expected);
    expect(reached.x).toHaveLength(101); // θ₀ … θ₁₀₀
    const [short] = trajectoryPaths("quadratic", make, { steps: expected - 1 });
    expect(short.stepsToTol).toBeNull();
  });

  it("runs nnlab's real optimisers: Adam, RMSprop, Adagrad, momentum and Nesterov match torch.optim for 5 steps", () => {
    // /usr/bin/python3 (torch 1.13, float64): p = torch.tensor([-4., 1.], requires_grad=True),
    // f = 0.5*(p[0]**2 + 10*p[1]**2); five times opt.zero_grad(); f(p).backward(); opt.step()
    const torch = {
      "Adam lr 0.3": [
        [-4, 1],
        [-3.7000000007500002, 0.7000000003000001],
        [-3.4008363229371463, 0.4072838504751162],
        [-3.10317280216771, 0.13196164592620646],
        [-2.80776338776744, -0.11019312819165233],
        [-2.5154600949896593, -0.3002138337067901],
      ],
      "RMSprop lr 0.1": [
        [-4, 1],
        [-3.000000025, 1.0000000272292198e-8],
        [-2.3980707684497906, -5.037805295377034e-11],
        [-1.9627218933507136, 5.088687077459225e-13],
        [-1.6255779957829601, -7.72956406693833e-15],
        [-1.3553783477954426, 1.5694137951945068e-16],
      ],
      "Adagrad lr 1.5": [
        [-4, 1],
        [-2.5000000000375, -0.499999999985],
        [-1.7050015900410085, 0.17082039324283715],
        [-1.195100007434838, -0.05573020473378407],
        [-0.8474239607669833, 0.018092429511966712],
        [-0.6041568152721588, -0.005870525022453631],
      ],
      "momentum 0.5 lr 0.1": [
        [-4, 1],
        [-3.6, -5.551115123125783e-17],
        [-3.04, -0.5],
        [-2.456, -0.24999999999999994],
        [-1.9183999999999999, 0.12500000000000008],
        [-1.45776, 0.1875],
      ],
      "Nesterov 0.5 lr 0.1": [
        [-4, 1],
        [-3.4, -0.5000000000000001],
        [-2.79, 9.436895709313832e-17],
        [-2.2365, -2.498001805406602e-17],
        [-1.7637749999999999, 3.851859888774472e-33],
        [-1.3746712499999998, -1.9259299443872362e-33],
      ],
    };
    const paths = trajectoryPaths(
      "quadratic",
      {
        "Adam lr 0.3": (ps) => new optim.Adam(ps, { lr: 0.3 }),
        "RMSprop lr 0.1": (ps) => new optim.RMSprop(ps, { lr: 0.1 }),
        "Adagrad lr 1.5": (ps) => new optim.Adagrad(ps, { lr: 1.5 }),
        "momentum 0.5 lr 0.1": (ps) => new optim.SGD(ps, { lr: 0.1, momentum: 0.5 }),
        // lecture 003's change-of-variables form equals PyTorch's nesterov=True at constant α
        "Nesterov 0.5 lr 0.1": (ps) => new optim.Nesterov(ps, { lr: 0.1, momentum: 0.5 }),
      },
      { steps: 5, start: [-4, 1] },
    );
    for (const p of paths) {
      const ref = torch[p.name as keyof typeof torch];
      expectCloseArray(points(p).flat(), ref.flat(), 1e-12);
    }
  });

  it("drives LBFGS through its closure, and follows Adam on Rosenbrock as torch does", () => {
    const [lbfgs] = trajectoryPaths(
      illConditionedQuadratic(25),
      { LBFGS: (ps) => new optim.LBFGS(ps, { lineSearchFn: "strongWolfe", maxIter: 10 }) },
      { steps: 1 },
    );
    expect(lbfgs.loss[1]).toBeLessThan(1e-12); // a quadratic in 2-D: solved within 10 iterations
    // torch.optim.Adam(lr=0.05) on (1 − x)² + 100(y − x²)² from (−1.5, 2), 3 steps (same script)
    const [adam] = trajectoryPaths(
      rosenbrock(),
      { Adam: (ps) => new optim.Adam(ps, { lr: 0.05 }) },
      { steps: 3 },
    );
    expectCloseArray(
      points(adam).flat(),
      [
        -1.5, 2, -1.4500000000032258, 2.04999999999, -1.4090595504240422, 2.090437361107863,
        -1.389459832779121, 2.1071929178669357,
      ],
      1e-12,
    );
  });

  it("cuts a diverging path at its last finite point and says so", () => {
    // α = 0.25 > 2/κ = 0.2: y ← (1 − 2.5)y = −1.5y grows without bound
    const [p] = trajectoryPaths(
      "quadratic",
      { SGD: (ps) => new optim.SGD(ps, { lr: 0.25 }) },
      { steps: 200 },
    );
    expect(p.diverged).toBe(true);
    expect(p.stepsToTol).toBeNull();
    expect(p.x.length).toBeLessThan(201);
    expect(p.loss.every(Number.isFinite)).toBe(true);
  });

  it("names what it expected and what it got on bad input", () => {
    const sgd = { SGD: (ps: Tensor[]) => new optim.SGD(ps, { lr: 0.1 }) };
    expect(() => trajectoryPaths("bowl" as never, sgd)).toThrow(
      /unknown surface "bowl"; expected one of quadratic, rosenbrock/,
    );
    expect(() => trajectoryPaths("quadratic", {})).toThrow(
      /expected at least one optimiser.*got none/,
    );
    expect(() => trajectoryPaths("quadratic", sgd, { steps: 2.5 })).toThrow(
      /steps must be an integer ≥ 0, got 2.5/,
    );
    expect(() => trajectoryPaths("quadratic", sgd, { start: [1] as never })).toThrow(
      /start must be two finite numbers \[x, y\], got \[1\]/,
    );
    expect(() => trajectoryPaths("quadratic", { bad: (() => 3) as never })).toThrow(
      /optimiser "bad" must return an optimiser \(with step and zeroGrad\), got number/,
    );
    expect(() => trajectoryPaths({ f: 1 } as never, sgd)).toThrow(
      /expected a surface name .* got object/,
    );
  });
});
