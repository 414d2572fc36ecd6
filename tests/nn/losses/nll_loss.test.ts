import { describe, expect, it } from "vitest";
import { gradcheck, randn, Generator, tensor } from "../../../src";
import { NLLLoss, nllLoss } from "../../../src/nn/losses/nll_loss";
import { expectClose } from "../../helpers/close";

/**
 * Reference values computed once with PyTorch 1.13.1 (Debian python3-torch), float64:
 *
 *   lp = F.log_softmax(torch.tensor([[1.0, 2.0, 0.5], [0.1, -1.2, 0.3], [-0.5, 0.0, 2.5], [3.0, 1.0, -1.0]]), 1)
 *   F.nll_loss(lp, torch.tensor([1, 0, 2, 1]), weight=torch.tensor([0.2, 0.3, 0.5]), reduction=…)
 *
 * printed with '%.17g'; `lp` itself is pasted below.
 */
const logProbs = () =>
  tensor([
    [-1.464368784107945, -0.4643687841079449, -1.964368784107945],
    [-0.9138616044091666, -2.213861604409167, -0.7138616044091667],
    [-3.1238729583693674, -2.6238729583693674, -0.12387295836936753],
    [-0.14293162849989968, -2.1429316284998996, -4.1429316284999],
  ]);
const y = () => tensor([1, 0, 2, 1], { dtype: "int32" });
const w = [0.2, 0.3, 0.5];
const TOL = 1e-12;

describe("nllLoss", () => {
  it("matches PyTorch for each reduction", () => {
    expectClose(nllLoss(logProbs(), y()), 0.9112587438465947, TOL);
    expectClose(nllLoss(logProbs(), y(), { reduction: "sum" }), 3.6450349753863787, TOL);
    expectClose(
      nllLoss(logProbs(), y(), { reduction: "none" }),
      [0.4643687841079449, 0.9138616044091666, 0.12387295836936753, 2.1429316284998996],
      TOL,
    );
  });

  it("matches PyTorch with weights (mean divides by Σ w_{yᵢ}) and with ignoreIndex", () => {
    expectClose(nllLoss(logProbs(), y(), { weight: w }), 0.7899222491145157, TOL);
    expectClose(nllLoss(logProbs(), y(), { weight: w, reduction: "sum" }), 1.0268989238488704, TOL);
    expectClose(
      nllLoss(logProbs(), y(), { weight: w, reduction: "none" }),
      [0.13931063523238346, 0.18277232088183334, 0.061936479184683764, 0.6428794885499699],
      TOL,
    );
    const yIgnored = tensor([1, -100, 2, 1]);
    expectClose(nllLoss(logProbs(), yIgnored, { weight: w }), 0.7673878208791246, TOL);
  });

  it("∂L/∂(log p) = −w_{yᵢ}/Σw at the true class, 0 elsewhere; gradcheck passes", () => {
    const lp = logProbs();
    lp.requiresGrad = true;
    nllLoss(lp, y()).backward();
    expectClose(
      lp.grad!,
      [
        [0, -0.25, 0],
        [-0.25, 0, 0],
        [0, 0, -0.25],
        [0, -0.25, 0],
      ],
      TOL,
    );
    const x = randn([5, 3], { generator: new Generator(2), requiresGrad: true });
    const labels = tensor([2, 0, -100, 1, 1]);
    expect(gradcheck((a) => nllLoss(a, labels, { weight: [1, 2, 3] }), [x]).ok).toBe(true);
  });

  it("names the expected and the actual shape or label", () => {
    expect(() => nllLoss(logProbs(), tensor([1, 0]))).toThrow(
      "nllLoss: expected target [N] = [4] of class indices, got [2]",
    );
    expect(() => nllLoss(logProbs(), logProbs())).toThrow(
      "got [4, 3]; for probability targets use crossEntropy",
    );
    expect(() => nllLoss(tensor([1, 2]), tensor([0]))).toThrow(
      "nllLoss: expected log-probabilities [N, C], got [2]",
    );
    expect(() => nllLoss(logProbs(), tensor([1, 0, 3, 1]))).toThrow(
      "nllLoss: label 3 at position 2 is not a class index in [0, 2]",
    );
  });

  it("NLLLoss is nllLoss as a module", () => {
    const lossFn = new NLLLoss({ weight: w, ignoreIndex: 2 });
    expectClose(
      lossFn.forward(logProbs(), y()),
      nllLoss(logProbs(), y(), { weight: w, ignoreIndex: 2 }),
    );
    expect(() => new NLLLoss({ reduction: "mean!" as "mean" })).toThrow(
      'NLLLoss: reduction must be one of "mean", "sum", "none", got "mean!"',
    );
  });
});
