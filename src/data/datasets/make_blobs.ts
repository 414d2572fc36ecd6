import type { Generator } from "../../tensor/random";
import { Tensor } from "../../tensor/tensor";
import { type Points, checkCount, checkNoise, toPoints } from "./points";
import { type SeedOptions, generatorFrom } from "../seeding";

/** Options of `makeBlobs`. */
export interface MakeBlobsOptions extends SeedOptions {
  /** How many centers to draw uniformly in `centerBox`, or their coordinates. Default 3. */
  centers?: number | number[][];
  /** Standard deviation of each blob: one for all, or one per center. Default 1. */
  clusterStd?: number | number[];
  /** The box the drawn centers lie in, per coordinate. Default [−10, 10]. */
  centerBox?: [number, number];
  /** Coordinates per point when the centers are drawn. Default 2. */
  nFeatures?: number;
  /** Put the rows in random order (else blob 0 first). Default true. */
  shuffle?: boolean;
}

/**
 * Gaussian blobs (scikit-learn's `make_blobs`): class c is a cloud around center μ_c,
 *
 *     x ~ N(μ_c, σ_c² I),   μ_c ~ U(centerBox)ᴰ when the centers are not given,
 *
 * with n split as evenly as possible (the first n mod C blobs get one point more).
 * Draw order as scikit-learn: centers, then the points blob by blob, then the shuffle;
 * the numbers differ (nnlab's generator). `centers` holds the μ_c, float64 [C, D].
 *
 * @example const { x, y } = makeBlobs(300, { centers: 3, clusterStd: 1, seed: 0 });  // x [300, 2]
 * @example makeBlobs(100, { centers: [[0, 0], [3, 3]], clusterStd: [0.5, 1] });
 */
export function makeBlobs(n: number, options: MakeBlobsOptions = {}): Points & { centers: Tensor } {
  const where = "makeBlobs";
  checkCount(where, "n", n);
  const { centers = 3, clusterStd = 1, centerBox = [-10, 10], shuffle = true } = options;
  const g = generatorFrom(where, options);
  const mu =
    typeof centers === "number"
      ? drawCenters(g, centers, options.nFeatures ?? 2, centerBox)
      : centers;
  const C = mu.length;
  const D = mu[0]?.length ?? 0;
  if (C === 0 || D === 0 || mu.some((c) => c.length !== D)) {
    throw new RangeError(
      `${where}: centers must be C ≥ 1 rows of the same length D ≥ 1, got ${JSON.stringify(centers)}`,
    );
  }
  const sigma = typeof clusterStd === "number" ? mu.map(() => clusterStd) : clusterStd;
  if (sigma.length !== C) {
    throw new RangeError(
      `${where}: clusterStd has ${sigma.length} values for ${C} centers; give one per center`,
    );
  }
  sigma.forEach((s) => checkNoise(where, "clusterStd", s));
  const x = new Float64Array(n * D);
  const y = new Int32Array(n);
  for (let c = 0, row = 0; c < C; c++) {
    const nc = Math.floor(n / C) + (c < n % C ? 1 : 0);
    for (let i = 0; i < nc; i++, row++) {
      for (let d = 0; d < D; d++) x[row * D + d] = mu[c][d] + sigma[c] * g.normal(); // μ + σz
      y[row] = c;
    }
  }
  return {
    ...toPoints(x, y, D, shuffle ? g : undefined),
    centers: new Tensor(Float64Array.from(mu.flat()), [C, D]),
  };
}

/** C centers, each coordinate uniform in [low, high): μ_c ~ U(centerBox)ᴰ. */
function drawCenters(g: Generator, C: number, D: number, centerBox: [number, number]): number[][] {
  checkCount("makeBlobs", "centers", C);
  checkCount("makeBlobs", "nFeatures", D);
  const [lo, hi] = centerBox;
  if (!(lo < hi)) {
    throw new RangeError(
      `makeBlobs: centerBox must be [low, high] with low < high, got [${lo}, ${hi}]`,
    );
  }
  return Array.from({ length: C }, () =>
    Array.from({ length: D }, () => lo + (hi - lo) * g.random()),
  );
}
