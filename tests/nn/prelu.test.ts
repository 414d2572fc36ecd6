import { describe, expect, it } from "vitest";
import { Generator, randn, tensor } from "../../src";
import { PReLU } from "../../src/nn/prelu";
import { expectClose, expectShape } from "../helpers/close";
import { gradcheckModule } from "../helpers/gradcheck_module";

/** Standard normals pushed away from 0 (PReLU has a kink there), requiring grad. */
function awayFromZero(shape: number[], seed: number) {
  const t = randn(shape, { generator: new Generator(seed) });
  const out = t.add(t.sign().mul(0.1)).detach();
  out.requiresGrad = true;
  return out;
}

describe("PReLU", () => {
  it("has one learned α = 0.25 by default, the parameter 'weight'", () => {
    const act = new PReLU();
    expect(act.namedParameters().map(([n]) => n)).toEqual(["weight"]);
    expect(Array.from(act.weight.data)).toEqual([0.25]);
    expect(act.weight.requiresGrad).toBe(true);
  });

  it("computes x for x > 0 and αx otherwise, for any input shape when α is shared", () => {
    const y = new PReLU().forward(tensor([[-4, -1, 0, 2]]));
    expectClose(y, [[-1, -0.25, 0, 2]]);
    expectShape(new PReLU().forward(randn([2, 3, 4, 5])), [2, 3, 4, 5]);
  });

  it("uses one α per channel on axis 1: [N, C] and [N, C, H, W]", () => {
    const act = new PReLU(2);
    act.weight.assign(tensor([0.1, 0.5]));
    expectClose(
      act.forward(
        tensor([
          [-1, -1],
          [2, -4],
        ]),
      ),
      [
        [-0.1, -0.5],
        [2, -2],
      ],
    );
    const images = tensor([[[[-1, 1]], [[-1, 1]]]]); // [1, 2, 1, 2]
    expectClose(act.forward(images), [[[[-0.1, 1]], [[-0.5, 1]]]]);
  });

  it("back-propagates ∂y/∂α_c = Σ x over the non-positive entries of channel c", () => {
    const act = new PReLU(2, { init: 0.3 });
    const x = tensor([
      [-1, 2],
      [-3, -4],
      [5, 6],
    ]);
    act.forward(x).sum().backward();
    expectClose(act.weight.grad!, [-1 + -3, -4]); // channel 0: −1 − 3; channel 1: −4
  });

  it("passes gradcheck for the input and α, shared and per channel", () => {
    gradcheckModule(new PReLU(), awayFromZero([3, 4], 1));
    const perChannel = new PReLU(3, { init: 0.1 });
    perChannel.weight.assign(tensor([0.1, 0.2, 0.3]));
    gradcheckModule(perChannel, awayFromZero([2, 3, 2, 2], 2));
  });

  it("keeps float32 when asked", () => {
    const act = new PReLU(1, { dtype: "float32" });
    expect(act.forward(randn([3], { dtype: "float32" })).dtype).toBe("float32");
  });

  it("explains a channel mismatch with the expected and actual shapes", () => {
    expect(() => new PReLU(3).forward(randn([4, 5]))).toThrow(
      "PReLU(3): expected input [N, 3, …] (channels on axis 1), got [4, 5]",
    );
    expect(() => new PReLU(0)).toThrow("PReLU: numParameters must be a positive integer, got 0");
  });
});
