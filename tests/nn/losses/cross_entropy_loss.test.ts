import { describe, expect, it } from "vitest";
import { Generator, gradcheck, oneHot, randn, tensor, zeros } from "../../../src";
import { CrossEntropyLoss, crossEntropy } from "../../../src/nn/losses/cross_entropy_loss";
import { nllLoss } from "../../../src/nn/losses/nll_loss";
import { expectClose } from "../../helpers/close";

/**
 * Reference values computed once with PyTorch 1.13.1 (Debian python3-torch), float64:
 *
 *   import torch, torch.nn.functional as F; torch.set_default_dtype(torch.float64)
 *   z = torch.tensor([[1.0, 2.0, 0.5], [0.1, -1.2, 0.3], [-0.5, 0.0, 2.5], [3.0, 1.0, -1.0]])
 *   y = torch.tensor([1, 0, 2, 1]);  yi = torch.tensor([1, -100, 2, 1])
 *   w = torch.tensor([0.2, 0.3, 0.5])
 *   P = torch.tensor([[0.1, 0.7, 0.2], [0.5, 0.25, 0.25], [0.0, 0.0, 1.0], [0.3, 0.3, 0.4]])
 *   F.cross_entropy(z, y, weight=w, ignore_index=…, label_smoothing=…, reduction=…)
 *
 * printed with '%.17g'.
 */
const Z = [
  [1.0, 2.0, 0.5],
  [0.1, -1.2, 0.3],
  [-0.5, 0.0, 2.5],
  [3.0, 1.0, -1.0],
];
const z = () => tensor(Z);
const y = () => tensor([1, 0, 2, 1], { dtype: "int32" });
const yIgnored = () => tensor([1, -100, 2, 1], { dtype: "int32" });
const w = [0.2, 0.3, 0.5];
const P = () =>
  tensor([
    [0.1, 0.7, 0.2],
    [0.5, 0.25, 0.25],
    [0.0, 0.0, 1.0],
    [0.3, 0.3, 0.4],
  ]);
const TOL = 1e-12;

describe("crossEntropy with class labels", () => {
  it("matches PyTorch for each reduction", () => {
    expectClose(crossEntropy(z(), y()), 0.9112587438465947, TOL);
    expectClose(crossEntropy(z(), y(), { reduction: "sum" }), 3.6450349753863787, TOL);
    expectClose(
      crossEntropy(z(), y(), { reduction: "none" }),
      [0.4643687841079449, 0.9138616044091666, 0.12387295836936753, 2.1429316284998996],
      TOL,
    );
  });

  it("accepts float labels holding integers, the same as int32", () => {
    expectClose(crossEntropy(z(), tensor([1, 0, 2, 1])), 0.9112587438465947, TOL);
  });

  it("matches PyTorch with class weights; the mean divides by Σ w_{yᵢ}", () => {
    expectClose(crossEntropy(z(), y(), { weight: w }), 0.7899222491145157, TOL);
    expectClose(crossEntropy(z(), y(), { weight: w, reduction: "sum" }), 1.0268989238488704, TOL);
    expectClose(
      crossEntropy(z(), y(), { weight: tensor(w), reduction: "none" }),
      [0.13931063523238346, 0.18277232088183334, 0.061936479184683764, 0.6428794885499699],
      TOL,
    );
    // Σ w_{yᵢ} = 0.3 + 0.2 + 0.5 + 0.3 = 1.3 and 1.0268989238488704 / 1.3 = 0.7899222491145157
    expectClose(1.0268989238488704 / 1.3, 0.7899222491145157, TOL);
  });

  it("matches PyTorch with ignoreIndex: an ignored sample contributes 0 and leaves the mean", () => {
    expectClose(crossEntropy(z(), yIgnored()), 0.9103911236590706, TOL);
    expectClose(crossEntropy(z(), yIgnored(), { reduction: "sum" }), 2.7311733709772117, TOL);
    expectClose(
      crossEntropy(z(), yIgnored(), { reduction: "none" }),
      [0.4643687841079449, 0, 0.12387295836936753, 2.1429316284998996],
      TOL,
    );
    expectClose(crossEntropy(z(), yIgnored(), { weight: w }), 0.7673878208791246, TOL);
    expectClose(crossEntropy(z(), y(), { ignoreIndex: 2 }), 1.1737206723390037, TOL);
  });

  it("with all samples ignored the mean is NaN (0/0), as in PyTorch", () => {
    expect(Number.isNaN(crossEntropy(z(), tensor([-100, -100, -100, -100])).item())).toBe(true);
  });
});

describe("crossEntropy with probability targets [N, C]", () => {
  it("matches PyTorch for each reduction, with weights, and with label smoothing", () => {
    expectClose(crossEntropy(z(), P()), 1.1300087438465947, TOL);
    expectClose(crossEntropy(z(), P(), { reduction: "sum" }), 4.520034975386379, TOL);
    expectClose(
      crossEntropy(z(), P(), { reduction: "none" }),
      [0.8643687841079448, 1.1888616044091667, 0.12387295836936753, 2.3429316284998998],
      TOL,
    );
    // with probabilities PyTorch's mean divides by N even when weighted
    expectClose(crossEntropy(z(), P(), { weight: w }), 0.4404656823095051, TOL);
    expectClose(crossEntropy(z(), P(), { labelSmoothing: 0.1 }), 1.1839670771799282, TOL);
  });

  it("one-hot rows give the same loss as the labels", () => {
    expectClose(crossEntropy(z(), oneHot(y(), 3)), crossEntropy(z(), y()), TOL);
  });
});

describe("crossEntropy with label smoothing", () => {
  it("the default (PyTorch) convention matches torch's own label_smoothing = 0.1", () => {
    expectClose(crossEntropy(z(), y(), { labelSmoothing: 0.1 }), 0.987092077179928, TOL);
    expectClose(
      crossEntropy(z(), y(), { labelSmoothing: 0.1, reduction: "sum" }),
      3.948368308719712,
      TOL,
    );
    expectClose(
      crossEntropy(z(), y(), { labelSmoothing: 0.1, reduction: "none" }),
      [0.5477021174412783, 0.9505282710758334, 0.30720629170270086, 2.1429316284998996],
      TOL,
    );
  });

  it("matches PyTorch when combined with weights and ignoreIndex", () => {
    const ls = 0.1;
    expectClose(crossEntropy(z(), y(), { labelSmoothing: ls, weight: w }), 0.8861873312642533, TOL);
    expectClose(
      crossEntropy(z(), y(), { labelSmoothing: ls, weight: w, reduction: "none" }),
      [0.17252519784607662, 0.20462380894062224, 0.10487192987852764, 0.6700225939783029],
      TOL,
    );
    expectClose(crossEntropy(z(), yIgnored(), { labelSmoothing: ls }), 0.9992800125479595, TOL);
    expectClose(
      crossEntropy(z(), yIgnored(), { labelSmoothing: ls, reduction: "sum" }),
      2.9978400376438787,
      TOL,
    );
    expectClose(
      crossEntropy(z(), yIgnored(), { labelSmoothing: ls, weight: w }),
      0.8612906560935519,
      TOL,
    );
  });

  it("the lecture 002 convention puts 1 − ε on the true class and ε/(K − 1) on the others", () => {
    // K = 3, ε = 0.1, class 0 → target [0.9, 0.05, 0.05]. By hand for z = [1, 2, 0.5]:
    // log p = z − log Σ eᶻ = [−1.464368784107945, −0.4643687841079449, −1.964368784107945]
    // ℓ = 0.9·1.464368784107945 + 0.05·0.4643687841079449 + 0.05·1.964368784107945
    //   = 1.3179319056971505 + 0.023218439205397245 + 0.09821843920539725 = 1.439368784107945
    const one = tensor([[1, 2, 0.5]]);
    const loss = crossEntropy(one, tensor([0]), { labelSmoothing: 0.1, smoothing: "lecture" });
    expectClose(loss, 1.439368784107945, TOL);
    expectClose(loss, crossEntropy(one, tensor([[0.9, 0.05, 0.05]])), TOL);
  });

  it("lecture ε equals PyTorch ε·K/(K − 1): lecture 0.1 is torch's label_smoothing = 0.15 for K = 3", () => {
    // F.cross_entropy(z, y, label_smoothing=0.15) = 1.0250087438465947
    const lecture = crossEntropy(z(), y(), { labelSmoothing: 0.1, smoothing: "lecture" });
    expectClose(lecture, 1.0250087438465947, TOL);
  });

  it("labelSmoothing = 0 changes nothing", () => {
    expectClose(crossEntropy(z(), y(), { labelSmoothing: 0 }), 0.9112587438465947, TOL);
  });
});

describe("crossEntropy gradients", () => {
  it("∂L/∂z = (softmax(z) − onehot(y)) / N for the mean, as PyTorch computes", () => {
    const logits = tensor(Z, { requiresGrad: true });
    crossEntropy(logits, y()).backward();
    const expected = z().softmax(1).sub(oneHot(y(), 3)).div(4);
    expectClose(logits.grad!, expected, 1e-12);
    // torch: z.grad after F.cross_entropy(z, y).backward()
    expectClose(
      logits.grad!,
      [
        0.05780597440553726, -0.09286707019705939, 0.03506109579152212, -0.14975679198145303,
        0.027319461220776112, 0.12243733076067692, 0.010996620073014461, 0.01813036142018694,
        -0.02912698149320142, 0.21670333304933367, -0.2206723930434504, 0.00396905999411669,
      ],
      1e-12,
    );
  });

  const g = new Generator(3);
  const logits = () => randn([5, 4], { generator: g, requiresGrad: true });
  const labels = () => tensor([3, 0, -100, 1, 3], { dtype: "int32" });
  const cases: [string, Parameters<typeof crossEntropy>[2]][] = [
    ["plain mean", {}],
    ["sum with weights and an ignored sample", { reduction: "sum", weight: [1, 2, 3, 0.5] }],
    ["torch label smoothing with weights", { labelSmoothing: 0.2, weight: [1, 2, 3, 0.5] }],
    [
      "lecture label smoothing, none",
      { labelSmoothing: 0.3, smoothing: "lecture", reduction: "none" },
    ],
  ];
  for (const [name, options] of cases) {
    it(`gradcheck passes: ${name}`, () => {
      expect(gradcheck((a) => crossEntropy(a, labels(), options), [logits()]).ok).toBe(true);
    });
  }

  it("gradcheck passes for probability targets, with respect to logits and targets", () => {
    const t = randn([5, 4], { generator: g }).softmax(1);
    t.requiresGrad = true;
    const f = (a: typeof t, b: typeof t) => crossEntropy(a, b, { labelSmoothing: 0.1 });
    expect(gradcheck(f, [logits(), t]).ok).toBe(true);
  });
});

describe("crossEntropy is stable and follows the lectures", () => {
  it("stays finite for huge logits (log-softmax subtracts the max)", () => {
    const loss = crossEntropy(tensor([[1000, 0, -1000]]), tensor([1]));
    expectClose(loss, 1000, 1e-12);
  });

  it("lecture 001's (29) drops a minus sign: the loss is −log ŷ_y ≥ 0, not log ŷ_y", () => {
    const loss = crossEntropy(tensor([[1, 2, 0.5]]), tensor([1])).item();
    const yHat = tensor([[1, 2, 0.5]])
      .softmax(1)
      .get(0, 1);
    expect(loss).toBeGreaterThan(0);
    expectClose(loss, -Math.log(yHat), 1e-12);
  });

  it("equals nllLoss of the log-softmax", () => {
    const opts = { weight: w, ignoreIndex: 2 };
    expectClose(crossEntropy(z(), y(), opts), nllLoss(z().logSoftmax(1), y(), opts), 1e-12);
  });

  it("keeps float32", () => {
    expect(crossEntropy(z().to("float32"), y()).dtype).toBe("float32");
    expect(crossEntropy(z().to("float32"), y(), { weight: w, labelSmoothing: 0.1 }).dtype).toBe(
      "float32",
    );
  });
});

describe("crossEntropy errors name the expected and the actual value", () => {
  it("a target of the wrong shape", () => {
    expect(() => crossEntropy(zeros([32, 10]), zeros([32, 1]))).toThrow(
      "crossEntropy: expected target [N] = [32] of class indices or [N, C] = [32, 10] of probabilities, got [32, 1]; for labels of shape [N, 1] use target.squeeze(1)",
    );
    expect(() => crossEntropy(zeros([32, 10]), zeros([31]))).toThrow(
      "expected target [N] = [32] of class indices or [N, C] = [32, 10] of probabilities, got [31]",
    );
  });

  it("a label out of range, or not an integer", () => {
    const labels = tensor([0, 1, 2, 10, ...Array(28).fill(0)], { dtype: "int32" });
    expect(() => crossEntropy(zeros([32, 10]), labels)).toThrow(
      "crossEntropy: label 10 at position 3 is not a class index in [0, 9]",
    );
    expect(() => crossEntropy(zeros([2, 3]), tensor([0, 1.5]))).toThrow(
      "crossEntropy: label 1.5 at position 1 is not a class index in [0, 2]",
    );
    expect(() => crossEntropy(zeros([2, 3]), tensor([0, -1]))).toThrow("label -1 at position 1");
  });

  it("label smoothing outside [0, 1), or the lecture's with one class", () => {
    expect(() => crossEntropy(z(), y(), { labelSmoothing: 1 })).toThrow(
      "crossEntropy: labelSmoothing must be in [0, 1), got 1",
    );
    expect(() => crossEntropy(z(), y(), { labelSmoothing: -0.1 })).toThrow("got -0.1");
    expect(() =>
      crossEntropy(zeros([2, 1]), tensor([0, 0]), { labelSmoothing: 0.1, smoothing: "lecture" }),
    ).toThrow("needs K ≥ 2 classes, got K = 1");
    expect(() =>
      crossEntropy(z(), y(), { smoothing: "pytorch" as "torch", labelSmoothing: 0.1 }),
    ).toThrow('crossEntropy: smoothing convention must be "torch" or "lecture", got "pytorch"');
  });

  it("logits that are not [N, C], weights that are not [C], an unknown reduction", () => {
    expect(() => crossEntropy(tensor([1, 2, 3]), tensor([0]))).toThrow(
      "crossEntropy: expected logits [N, C], got [3]; for one sample use logits.unsqueeze(0)",
    );
    expect(() => crossEntropy(z(), y(), { weight: [1, 2] })).toThrow(
      "crossEntropy: weight must hold one value per class, expected [3], got [2]",
    );
    expect(() => crossEntropy(z(), y(), { reduction: "avg" as "mean" })).toThrow(
      'crossEntropy: reduction must be one of "mean", "sum", "none", got "avg"',
    );
  });
});

describe("CrossEntropyLoss", () => {
  it("computes crossEntropy with its options", () => {
    const lossFn = new CrossEntropyLoss({ weight: w, labelSmoothing: 0.1 });
    expectClose(lossFn.forward(z(), y()), 0.8861873312642533, TOL);
    expect(Object.keys(lossFn.stateDict())).toEqual(["weight"]);
  });

  it("checks its hyperparameters in the constructor and needs a target", () => {
    expect(() => new CrossEntropyLoss({ labelSmoothing: 1 })).toThrow(
      "CrossEntropyLoss: labelSmoothing must be in [0, 1), got 1",
    );
    expect(() => new CrossEntropyLoss({ weight: tensor([[1, 2]]) })).toThrow(
      "CrossEntropyLoss: weight must hold one value per class, shape [C], got [1, 2]",
    );
    expect(() => new CrossEntropyLoss().forward(z())).toThrow(
      "CrossEntropyLoss.forward: expected (input, target), got no target tensor",
    );
  });
});
