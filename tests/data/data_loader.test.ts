import { describe, expect, it } from "vitest";
import { Generator, arange, manualSeed } from "../../src";
import { DataLoader, mixSeed } from "../../src/data/data_loader";
import { TensorDataset } from "../../src/data/tensor_dataset";

/** N samples whose x and y are both the sample index, so a batch shows which samples it holds. */
function indexed(n: number): TensorDataset {
  return new TensorDataset(arange(n).reshape(n, 1), arange(n, undefined, 1, { dtype: "int32" }));
}

function epochOf(loader: DataLoader, epoch: number): number[][] {
  return [...loader.batches(epoch)].map(([, y]) => Array.from(y.data));
}

describe("DataLoader", () => {
  it("defaults to PyTorch's: batch size 1, in order, the last batch kept", () => {
    const loader = new DataLoader(indexed(3));
    expect(loader.length).toBe(3);
    expect(epochOf(loader, 0)).toEqual([[0], [1], [2]]);
  });

  it("has ⌈N/B⌉ batches, or ⌊N/B⌋ with dropLast", () => {
    const keep = new DataLoader(indexed(10), { batchSize: 4 });
    expect(keep.length).toBe(3);
    expect(epochOf(keep, 0)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
    const drop = new DataLoader(indexed(10), { batchSize: 4, dropLast: true });
    expect(drop.length).toBe(2);
    expect(epochOf(drop, 0).flat()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("batch GD, SGD and mini-batch SGD are batch sizes N, 1 and k of one loader", () => {
    const ds = indexed(8);
    expect(new DataLoader(ds, { batchSize: 8 }).length).toBe(1); // batch GD: one step per epoch
    expect(new DataLoader(ds, { batchSize: 1, shuffle: true, seed: 0 }).length).toBe(8); // SGD
    expect(new DataLoader(ds, { batchSize: 3, shuffle: true, seed: 0 }).length).toBe(3); // mini-batch
  });

  it("yields [xBatch, yBatch] with the samples' rows", () => {
    const [[xb, yb]] = new DataLoader(indexed(5), { batchSize: 2 });
    expect(xb.shape).toEqual([2, 1]);
    expect(xb.toArray()).toEqual([[0], [1]]);
    expect(yb.toArray()).toEqual([0, 1]);
  });

  it("shuffles every sample exactly once per epoch, differently each epoch", () => {
    const loader = new DataLoader(indexed(20), { batchSize: 6, shuffle: true, seed: 3 });
    const e0 = epochOf(loader, 0).flat();
    const e1 = epochOf(loader, 1).flat();
    expect([...e0].sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
    expect([...e1].sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
    expect(e0).not.toEqual(e1);
  });

  it("epoch e's order depends only on the seed and e (resuming at e gives the same batches)", () => {
    const a = new DataLoader(indexed(20), { batchSize: 6, shuffle: true, seed: 3 });
    const b = new DataLoader(indexed(20), { batchSize: 6, shuffle: true, seed: 3 });
    const fromStart = [...a, ...a, ...a].map(([, y]) => Array.from(y.data)); // epochs 0, 1, 2
    manualSeed(123); // other randomness in between changes nothing
    b.setEpoch(2);
    expect([...b].map(([, y]) => Array.from(y.data))).toEqual(fromStart.slice(-4));
    expect(b.epoch).toBe(3);
    expect(Array.from(a.indices(1))).toEqual(
      Array.from(new Generator(mixSeed(3, 1)).permutation(20)),
    );
  });

  it("each for…of runs the next epoch", () => {
    const loader = new DataLoader(indexed(6), { batchSize: 6, shuffle: true, seed: 1 });
    const first = [...loader][0][1].toArray();
    const second = [...loader][0][1].toArray();
    expect(first).toEqual(Array.from(loader.indices(0)));
    expect(second).toEqual(Array.from(loader.indices(1)));
  });

  it("without a seed draws one from the default generator, so manualSeed repeats it", () => {
    manualSeed(7);
    const a = new DataLoader(indexed(10), { shuffle: true });
    manualSeed(7);
    const b = new DataLoader(indexed(10), { shuffle: true });
    expect(a.seed).toBe(b.seed);
    expect(Array.from(a.indices(0))).toEqual(Array.from(b.indices(0)));
  });

  it("with a generator draws its seed from it once", () => {
    const g = new Generator(5);
    const a = new DataLoader(indexed(10), { shuffle: true, generator: g });
    const b = new DataLoader(indexed(10), { shuffle: true, generator: g });
    expect(a.seed).toBe(new Generator(5).nextUint32());
    expect(a.seed).not.toBe(b.seed);
  });

  it("refuses a bad batch size, and seed with generator", () => {
    expect(() => new DataLoader(indexed(3), { batchSize: 0 })).toThrow(
      "DataLoader: batchSize must be a positive integer, got 0",
    );
    expect(() => new DataLoader(indexed(3), { seed: 1, generator: new Generator(1) })).toThrow(
      "DataLoader: pass { seed } or { generator }, not both",
    );
  });

  it("mixSeed gives distinct seeds for nearby (seed, epoch) pairs", () => {
    const seen = new Set<number>();
    for (let s = 0; s < 30; s++) for (let e = 0; e < 30; e++) seen.add(mixSeed(s, e));
    expect(seen.size).toBe(900);
    expect(mixSeed(1, 2)).not.toBe(mixSeed(2, 1));
  });
});
