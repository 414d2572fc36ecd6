import { describe, expect, it } from "vitest";
import { Generator, nn, tensor, optim } from "../../src";
import { mixSeed } from "../../src/data/data_loader";
import type { TensorDataset } from "../../src/data/tensor_dataset";
import { bagging } from "../../src/train/bagging";
import { Ensemble } from "../../src/train/ensemble";
import { fit } from "../../src/train/fit";
import { accuracy } from "../../src/train/metrics";
import { linearRegression, separable, tinyMlp } from "./fixtures";

const trainBriefly = (model: nn.Module, sample: TensorDataset) =>
  fit(model, {
    optimizer: new optim.SGD(model.parameters(), { lr: 0.5 }),
    loss: nn.crossEntropy,
    train: sample,
    epochs: 10,
    batchSize: 16,
    seed: 0,
    verbose: 0,
  });

describe("bagging", () => {
  it("trains k models on bootstrap samples of size N and votes (lecture 004, k = 3)", async () => {
    const { x, y } = separable(64);
    const seen: number[] = [];
    const ens = await bagging(
      (j) => tinyMlp(j),
      (model, sample, j) => {
        seen.push(j);
        expect(sample.length).toBe(64); // 数据集大小与原始数据集保持一致
        return trainBriefly(model, sample);
      },
      { x, y },
      { k: 3, seed: 0 },
    );
    expect(seen).toEqual([0, 1, 2]);
    expect(ens.mode).toBe("vote"); // int32 labels
    expect(ens.models).toHaveLength(3);
    const shares = ens.forward(x);
    expect(shares.shape).toEqual([64, 2]);
    expect(Array.from(shares.sum(1).data).every((s) => Math.abs(s - 1) < 1e-12)).toBe(true);
    expect(accuracy(shares, y)).toBeGreaterThan(0.9);
  });

  it("draws sample j from Generator(mixSeed(seed, j)): N indices with replacement", async () => {
    const { x, y } = separable(50);
    const make = () =>
      bagging(
        () => tinyMlp(),
        () => undefined,
        { x, y },
        { k: 4, seed: 7 },
      );
    const [a, b] = [await make(), await make()];
    expect(a.samples).toEqual(b.samples);
    const g = new Generator(mixSeed(7, 2));
    expect(Array.from(a.samples[2])).toEqual(Array.from({ length: 50 }, () => g.int(0, 50)));
    for (const s of a.samples) {
      const unique = new Set(s).size;
      expect(unique).toBeGreaterThan(20); // about (1 − 1/e)·50 ≈ 32 distinct samples
      expect(unique).toBeLessThan(45);
    }
    expect(a.samples[0]).not.toEqual(a.samples[1]);
  });

  it("averages the models' outputs for regression", async () => {
    const { x, y } = linearRegression();
    const ens = await bagging(
      () => new nn.Linear(2, 1),
      (model, sample) =>
        fit(model, {
          optimizer: new optim.SGD(model.parameters(), { lr: 0.1 }),
          loss: nn.mseLoss,
          train: sample,
          epochs: 20,
          batchSize: 10,
          seed: 0,
          verbose: 0,
        }),
      { x, y },
      { k: 3, seed: 1 },
    );
    expect(ens.mode).toBe("average");
    const mean = ens.models
      .map((m) => m.forward(x))
      .reduce((s, o) => s.add(o))
      .div(3);
    expect(ens.forward(x).toArray()).toEqual(mean.toArray());
  });

  it("Ensemble votes the majority class, ties to the lower index", () => {
    class Fixed extends nn.Module {
      constructor(private readonly out: number[][]) {
        super();
      }
      forward() {
        return tensor(this.out);
      }
    }
    const ens = new Ensemble(
      [
        new Fixed([
          [1, 0, 0],
          [0, 1, 0],
        ]),
        new Fixed([
          [0, 1, 0],
          [0, 1, 0],
        ]),
        new Fixed([
          [0, 0, 1],
          [0, 0, 1],
        ]),
      ],
      "vote",
    );
    const shares = ens.forward(tensor([0]));
    expect(shares.argmax(1).toArray()).toEqual([0, 1]); // a 3-way tie → class 0; 2 votes for class 1
    expect(() => new Ensemble([], "vote")).toThrow(
      "Ensemble: models must be a non-empty array of Modules",
    );
  });
});
