import { describe, expect, it } from "vitest";
import { type Tensor, optim } from "../../src";
import { trajectories } from "../../widgets/figures/trajectories";
import { trajectoryPaths } from "../../widgets/figures/trajectory_paths";
import { expectCloseArray } from "./fixtures";

const optimisers = {
  "SGD α = 0.15": (ps: Tensor[]) => new optim.SGD(ps, { lr: 0.15 }),
  "momentum ρ = 0.5": (ps: Tensor[]) => new optim.SGD(ps, { lr: 0.1, momentum: 0.5 }),
  "Adam α = 0.3": (ps: Tensor[]) => new optim.Adam(ps, { lr: 0.3 }),
  "SGD α = 0.25": (ps: Tensor[]) => new optim.SGD(ps, { lr: 0.25 }),
};

describe("trajectories", () => {
  it("draws one panel per optimiser: the contour, the path trajectoryPaths computes, the minimum", () => {
    const fig = trajectories("quadratic", optimisers, { steps: 40, resolution: 21 });
    const paths = trajectoryPaths("quadratic", optimisers, { steps: 40 });
    expect(fig.paths).toEqual(paths);
    expect(fig.data).toHaveLength(3 * 4);
    const kinds = fig.data.map((t) => `${t.type}:${t.name}`);
    expect(kinds.slice(0, 3)).toEqual(["contour:f", "scatter:SGD α = 0.15", "scatter:minimum"]);
    fig.data.forEach((t, i) => {
      const panel = Math.floor(i / 3);
      expect(t.xaxis).toBe(panel === 0 ? "x" : `x${panel + 1}`);
    });
    const sgd = fig.data[1];
    expectCloseArray(sgd.x, paths[0].x, 0);
    expectCloseArray((sgd.x as number[]).slice(0, 3), [-4, -3.4, -2.89], 1e-12); // x ← 0.85x
    expectCloseArray((sgd.y as number[]).slice(0, 3), [1, -0.5, 0.25], 1e-12); // y ← −0.5y
    expect(fig.data[2]).toMatchObject({ x: [0], y: [0], marker: { symbol: "star" } });
    expect(fig.layout.xaxis4).toMatchObject({ range: [-5, 5] });
  });

  it("puts the steps to the tolerance, 'not within N steps' or the divergence in each title", () => {
    const fig = trajectories("quadratic", optimisers, { steps: 40, resolution: 11 });
    const titles = (fig.layout.annotations as { text: string }[]).map((a) => a.text);
    const [sgd, momentum, adam] = fig.paths;
    expect(titles).toContain(`f − f* < 0.001 after ${sgd.stepsToTol} steps`);
    expect(titles).toContain(`f − f* < 0.001 after ${momentum.stepsToTol} steps`);
    expect(momentum.stepsToTol!).toBeLessThan(sgd.stepsToTol!); // momentum arrives sooner
    expect(adam.stepsToTol).toBeNull(); // Adam at α = 0.3 still circles the minimum after 40 steps
    expect(titles).toContain("f − f* < 0.001 not within 40 steps");
    expect(titles.some((t) => /^diverged after \d+ steps$/.test(t))).toBe(true); // α = 0.25 > 2/κ
  });

  it("draws the contour of √(f − f*) on the grid, with evenly spaced levels", () => {
    const fig = trajectories(
      "quadratic",
      { SGD: optimisers["SGD α = 0.15"] },
      { resolution: 3, levels: 4 },
    );
    const contour = fig.data[0];
    // x ∈ {−5, 0, 5}, y ∈ {−ŷ, 0, ŷ}: the default y range is ±ŷ, ŷ = max(4.5/√10 + 0.5, 1.5) = 1.923…
    const yMax = 4.5 / Math.sqrt(10) + 0.5;
    expectCloseArray(contour.x, [-5, 0, 5], 1e-12);
    expectCloseArray(contour.y, [-yMax, 0, yMax], 1e-12);
    const z = contour.z as number[][];
    expect(z[1][1]).toBe(0); // the minimum
    expect(z[1][2]).toBeCloseTo(Math.sqrt(12.5), 12); // √(½·25)
    expect(z[2][1]).toBeCloseTo(Math.sqrt(5 * yMax * yMax), 12); // √(½·10·y²)
    const zMax = Math.sqrt(12.5 + 5 * yMax * yMax);
    expect(contour.contours).toMatchObject({ coloring: "lines", start: zMax / 5, size: zMax / 5 });
  });

  it("uses log₁₀(1 + f − f*) on Rosenbrock", () => {
    const fig = trajectories(
      "rosenbrock",
      { Adam: (ps) => new optim.Adam(ps, { lr: 0.05 }) },
      {
        resolution: 5,
        steps: 5,
      },
    );
    const z = fig.data[0].z as number[][];
    // grid x ∈ {−2, −1, 0, 1, 2}, y ∈ {−1, 0, 1, 2, 3}: z[2][3] is (1, 1), the minimum; z[1][2] is (0, 0), f = 1
    expect(z[2][3]).toBe(0);
    expect(z[1][2]).toBeCloseTo(Math.log10(2), 12);
    expect(fig.data[0].hovertemplate).toContain("log₁₀(1 + f − f*)");
  });

  it("names what it expected and what it got on bad options", () => {
    const one = { SGD: optimisers["SGD α = 0.15"] };
    expect(() => trajectories("quadratic", one, { resolution: 1 })).toThrow(
      /resolution must be an integer ≥ 2, got 1/,
    );
    expect(() => trajectories("quadratic", one, { levels: 0 })).toThrow(
      /levels must be a positive integer, got 0/,
    );
    expect(() => trajectories("nope" as never, one)).toThrow(/unknown surface "nope"/);
  });
});
