/**
 * Seeded random numbers: one generator behind every random tensor, `manualSeed(n)`
 * to reset it, so the same seed gives the same numbers on every machine.
 *
 * Algorithm: xoshiro128** (Blackman & Vigna), 32-bit integer arithmetic only, seeded
 * through splitmix32 — small, fast and identical on every JavaScript engine.
 * Uniforms in [0, 1) take 53 bits from two outputs; normals come from the Box–Muller
 * transform  z = √(−2 ln u₁) · cos(2π u₂)  (the sine partner is kept for the next call).
 *
 * These are not PyTorch's numbers (PyTorch uses MT19937): reference values in tests
 * are computed with nnlab itself or with fixed inputs.
 *
 * @example manualSeed(0); randn([2, 3]);  // same numbers every run
 * @example const g = new Generator(42); rand([3], { generator: g });
 */
export class Generator {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private spareNormal: number | null = null;
  private seed = 0;

  constructor(seed = 0) {
    this.manualSeed(seed);
  }

  /** Resets the state from an integer seed (any safe integer; negative allowed). */
  manualSeed(seed: number): this {
    if (!Number.isSafeInteger(seed)) {
      throw new TypeError(`manualSeed: seed must be an integer, got ${seed}`);
    }
    // splitmix32 expands the seed (low and high 32 bits) into four non-zero words.
    let x = (seed | 0) ^ Math.floor(seed / 4294967296);
    const next = (): number => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
    this.spareNormal = null;
    this.seed = seed;
    return this;
  }

  /** The seed it was last reset with. */
  initialSeed(): number {
    return this.seed;
  }

  /** How a notebook shows it (the state words are noise to a reader). */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `Generator(seed=${this.seed})`;
  }

  /** The next 32 random bits as an unsigned integer (xoshiro128**). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1) with 53 random bits. */
  random(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Standard normal N(0, 1) by Box–Muller. */
  normal(): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return z;
    }
    const u1 = 1 - this.random(); // (0, 1]: log is finite
    const u2 = this.random();
    const r = Math.sqrt(-2 * Math.log(u1));
    this.spareNormal = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  }

  /** Uniform integer in [low, high) without modulo bias. */
  int(low: number, high: number): number {
    const range = high - low;
    if (range <= 0) throw new RangeError(`randint: need low < high, got low=${low}, high=${high}`);
    if (range > 4294967296) return low + Math.floor(this.random() * range);
    const limit = 4294967296 - (4294967296 % range);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return low + (x % range);
  }

  /** A random permutation of 0…n−1 (Fisher–Yates). */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(0, i + 1);
      const t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** The generator every random function uses unless given `{ generator }`. */
export const defaultGenerator = new Generator(0);

/** Seeds the default generator: `manualSeed(0)` at the top of a notebook makes it repeatable. */
export function manualSeed(seed: number): Generator {
  return defaultGenerator.manualSeed(seed);
}
