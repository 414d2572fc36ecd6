import { describe, expect, it } from "vitest";
import { type Tensor, nn, tensor } from "../../src";
import { TensorDataset } from "../../src/data/tensor_dataset";
import { evaluate } from "../../src/train/evaluate";
import { accuracy, confusionMatrix, mse, resolveMetrics } from "../../src/train/metrics";
import { separable, tinyMlp } from "./fixtures";

const logits = tensor([
  [2, 1, 0], // → 0
  [0, 3, 1], // → 1
  [1, 0, 5], // → 2
  [4, 0, 1], // → 0
]);

describe("accuracy", () => {
  it("is the fraction of rows whose argmax is the label", () => {
    expect(accuracy(logits, tensor([0, 1, 1, 0], { dtype: "int32" }))).toBe(0.75);
  });

  it("takes predicted labels, and one-hot targets", () => {
    expect(accuracy(tensor([0, 1, 2]), tensor([0, 1, 1]))).toBeCloseTo(2 / 3, 15);
    const oneHot = tensor([
      [1, 0, 0],
      [0, 1, 0],
      [0, 1, 0],
      [1, 0, 0],
    ]);
    expect(accuracy(logits, oneHot)).toBe(0.75);
  });

  it("refuses a one-output binary classifier, saying how to threshold it", () => {
    expect(() => accuracy(tensor([[0.3], [0.8]]), tensor([0, 1]))).toThrow(
      "accuracy: output must be [N] labels or [N, C] scores with C ≥ 2, got [2, 1]; threshold a one-output binary classifier first (output.gt(0).flatten())",
    );
    expect(() => accuracy(logits, tensor([0, 1]))).toThrow(
      "accuracy: output and target must have the same number of samples, got 4 and 2",
    );
  });
});

describe("confusionMatrix", () => {
  it("counts true class i predicted as j in row i, column j (scikit-learn's layout)", () => {
    // sklearn.metrics.confusion_matrix([0, 1, 1, 0], [0, 1, 2, 0]) = [[2,0,0],[0,1,1],[0,0,0]]
    const M = confusionMatrix(logits, tensor([0, 1, 1, 0], { dtype: "int32" }), 3);
    expect(M.dtype).toBe("int32");
    expect(M.toArray()).toEqual([
      [2, 0, 0],
      [0, 1, 1],
      [0, 0, 0],
    ]);
  });

  it("refuses labels outside 0…C−1", () => {
    expect(() => confusionMatrix(tensor([0, 3]), tensor([0, 1]), 3)).toThrow(
      "confusionMatrix: pred label 3 (sample 1) is outside 0…2; is numClasses (3) right?",
    );
  });
});

describe("mse", () => {
  it("is the mean of squared differences, element by element", () => {
    // ((1−0)² + (2−4)²) / 2 = 2.5
    expect(mse(tensor([[1], [2]]), tensor([0, 4]))).toBe(2.5);
    expect(() => mse(tensor([1, 2]), tensor([1]))).toThrow(
      "mse: output and target must have the same number of elements, got 2 and 1",
    );
  });
});

describe("resolveMetrics", () => {
  it("names built-ins and functions, and refuses anonymous, 'loss' and repeated names", () => {
    const top = (out: Tensor, y: Tensor) => accuracy(out, y);
    expect(resolveMetrics("fit", ["accuracy", top]).map(([n]) => n)).toEqual(["accuracy", "top"]);
    expect(() =>
      resolveMetrics("fit", [
        (
          () => (a: Tensor) =>
            a.item()
        )(),
      ]),
    ).toThrow(/fit: a metric function needs a name of letters and digits other than "loss"/);
    expect(() => resolveMetrics("fit", ["mse", "mse"])).toThrow('fit: metric "mse" is given twice');
  });
});

describe("evaluate", () => {
  it("averages loss and metrics over all samples, in eval mode under noGrad", () => {
    const { x, y } = separable(10);
    const net = tinyMlp();
    const full = {
      loss: nn.crossEntropy(net.forward(x), y).item(),
      accuracy: accuracy(net.forward(x), y),
    };
    const options = { loss: nn.crossEntropy, metrics: ["accuracy" as const] };
    const batched = evaluate(net, new TensorDataset(x, y), { ...options, batchSize: 3 });
    expect(batched.loss).toBeCloseTo(full.loss, 12); // batches of 3, 3, 3, 1 weighted by size
    expect(batched.accuracy).toBeCloseTo(full.accuracy, 12);
    expect(Object.keys(batched)).toEqual(["loss", "accuracy"]);
    expect(net.training).toBe(true); // mode restored
    expect(net.parameters().every((p) => p.grad === null)).toBe(true);
  });

  it("switches dropout off and restores each module's own mode", () => {
    const { x, y } = separable(10);
    const net = tinyMlp(0, { dropout: 0.9 });
    const a = evaluate(net, { x, y }, { loss: nn.crossEntropy });
    const b = evaluate(net, { x, y }, { loss: nn.crossEntropy });
    expect(a).toEqual(b); // no random masks in eval mode
    const seq = net as nn.Sequential;
    seq.at(2).eval(); // a frozen dropout layer stays in eval mode
    evaluate(net, { x, y }, { loss: nn.crossEntropy });
    expect([seq.training, seq.at(0).training, seq.at(2).training]).toEqual([true, true, false]);
  });

  it("asks for something to compute", () => {
    const { x, y } = separable(4);
    expect(() => evaluate(tinyMlp(), { x, y })).toThrow(
      'evaluate: nothing to compute; pass { loss } and/or { metrics: ["accuracy"] }',
    );
  });
});
