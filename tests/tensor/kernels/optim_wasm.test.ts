import { describe, expect, it } from "vitest";
import { Generator, optim, randn } from "../../../src";
import {
  adamWasm,
  float32StateBuffer,
  setOptimWasm,
  sgdWasm,
} from "../../../src/tensor/kernels/optim_wasm";
import { type AdamMoments, ADAM_DEFAULTS, adamStep } from "../../../src/optim/adam";
import { Tensor } from "../../../src/tensor/tensor";
import { expectClose } from "../../helpers/close";

/** Float32 moments in the kernel's memory (`inWasm`) or in ordinary arrays (the JS loop). */
function moments(n: number, inWasm: boolean, amsgrad: boolean): Omit<AdamMoments, "t"> {
  const make = () => (inWasm ? float32StateBuffer(n)! : new Float32Array(n));
  return { m: make(), v: make(), vMax: amsgrad ? make() : null };
}

const CASES = [
  { name: "Adam", lambda: 0, shrink: 1, amsgrad: false, biasCorrection: true },
  { name: "Adam with L2 λ = 0.1", lambda: 0.1, shrink: 1, amsgrad: false, biasCorrection: true },
  {
    name: "AdamW (θ ← 0.99θ first)",
    lambda: 0,
    shrink: 0.99,
    amsgrad: false,
    biasCorrection: true,
  },
  { name: "AMSGrad", lambda: 0, shrink: 1, amsgrad: true, biasCorrection: true },
  {
    name: "lecture 003's Adam (almost)",
    lambda: 0,
    shrink: 1,
    amsgrad: false,
    biasCorrection: false,
  },
];

describe("adamWasm (float32 Adam in WebAssembly SIMD)", () => {
  it("runs here, and only on moments in its memory", () => {
    const theta = new Float32Array(5);
    const k = { shrink: 1, lambda: 0, beta1: 0.9, beta2: 0.999, stepSize: 1, sqrtC2: 1, eps: 1e-8 };
    const inside = moments(5, true, false);
    expect(adamWasm(theta, new Float32Array(5), inside.m, inside.v, null, k)).toBe(true);
    const outside = moments(5, false, false);
    expect(adamWasm(theta, new Float32Array(5), outside.m, outside.v, null, k)).toBe(false);
    expect(adamWasm(new Float64Array(5), new Float64Array(5), inside.m, inside.v, null, k)).toBe(
      false,
    );
  });

  for (const c of CASES) {
    it(`${c.name}: 5 steps give the JavaScript loop's bits (sizes 1, 7, 33, 1001)`, () => {
      for (const [n, seed] of [
        [1, 1],
        [7, 2],
        [33, 3],
        [1001, 4],
      ]) {
        const start = randn([n], { generator: new Generator(seed), dtype: "float32" });
        const group = {
          ...ADAM_DEFAULTS,
          lr: 0.01,
          amsgrad: c.amsgrad,
          biasCorrection: c.biasCorrection,
        };
        const [wasm, js] = [true, false].map((inWasm) => {
          const theta = new Tensor(start.data.slice(), [n]);
          const state = moments(n, inWasm, c.amsgrad);
          for (let t = 1; t <= 5; t++) {
            const grad = randn([n], { generator: new Generator(100 * seed + t), dtype: "float32" });
            adamStep(theta, grad, c.lambda, { t, ...state }, group, c.shrink);
          }
          return theta;
        });
        expect(Array.from(wasm.data)).toEqual(Array.from(js.data)); // the same bits
      }
    });
  }

  it("optim.Adam on float32 parameters keeps its moments in the kernel's memory and matches float64 Adam", () => {
    const start = randn([257], { generator: new Generator(9) });
    const run = (dtype: "float32" | "float64") => {
      const p = start.to(dtype);
      p.requiresGrad = true;
      const opt = new optim.Adam([p], { lr: 0.01 });
      for (let t = 0; t < 10; t++) {
        opt.zeroGrad();
        p.mul(p).sum().mul(0.5).backward(); // ∇ = θ
        opt.step();
      }
      const m = opt.state.get(p)!.expAvg as Tensor;
      expect(m.data.buffer instanceof SharedArrayBuffer).toBe(dtype === "float32"); // the module's memory
      return p;
    };
    const p32 = run("float32");
    expectClose(p32, run("float64"), 1e-5);
  });
});

describe("sgdWasm (float32 SGD in WebAssembly SIMD)", () => {
  /** torch.optim.SGD's rule in float64, written out: the reference. */
  function reference(w0: number[], grads: number[][], o: SGDOptionsLike): number[] {
    const w = [...w0];
    const b = w.map(() => 0);
    grads.forEach((grad, step) => {
      w.forEach((wi, i) => {
        const g = grad[i] + o.weightDecay * wi; // g ← g + λw
        let d = g;
        if (o.momentum !== 0) {
          if (o.ewa)
            b[i] = o.momentum * b[i] + (1 - o.momentum) * g; // v ← βv + (1−β)g
          else b[i] = step === 0 ? g : o.momentum * b[i] + (1 - o.dampening) * g; // b ← ρb + (1−τ)g
          d = o.nesterov ? g + o.momentum * b[i] : b[i];
        }
        w[i] = wi - o.lr * d; // w ← w − αd
      });
    });
    return w;
  }
  interface SGDOptionsLike {
    lr: number;
    momentum: number;
    dampening: number;
    nesterov: boolean;
    weightDecay: number;
    ewa: boolean;
  }
  const base = { lr: 0.1, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0, ewa: false };
  const SGD_CASES: [string, SGDOptionsLike][] = [
    ["plain SGD", base],
    ["weight decay 0.01", { ...base, weightDecay: 0.01 }],
    ["momentum 0.9", { ...base, momentum: 0.9 }],
    ["momentum 0.9, dampening 0.5", { ...base, momentum: 0.9, dampening: 0.5 }],
    ["Nesterov 0.9", { ...base, momentum: 0.9, nesterov: true }],
    ["lecture 001's EWA momentum", { ...base, momentum: 0.9, ewa: true }],
  ];
  for (const [name, o] of SGD_CASES) {
    it(`${name}: 5 float32 steps of optim.SGD follow torch.optim.SGD's rule and give the JavaScript loop's bits (sizes 1, 7, 1001)`, () => {
      for (const [n, seed] of [
        [1, 1],
        [7, 2],
        [1001, 3],
      ]) {
        const w = randn([n], { generator: new Generator(seed), dtype: "float32" });
        w.requiresGrad = true;
        const w0 = Array.from(w.data);
        const grads = [1, 2, 3, 4, 5].map((t) =>
          randn([n], { generator: new Generator(10 * seed + t), dtype: "float32" }),
        );
        const opt = new optim.SGD([w], o);
        for (const g of grads) {
          w.grad = g;
          opt.step();
        }
        const expected = reference(
          w0,
          grads.map((g) => Array.from(g.data)),
          o,
        );
        expectClose(w, expected, 1e-5);
        // and the JavaScript loop's bits: the same steps with the kernel off
        setOptimWasm(false);
        try {
          const wJs = new Tensor(Float32Array.from(w0), [n]);
          wJs.requiresGrad = true;
          const optJs = new optim.SGD([wJs], o);
          for (const g of grads) {
            wJs.grad = g;
            optJs.step();
          }
          expect(Array.from(w.data)).toEqual(Array.from(wJs.data));
        } finally {
          setOptimWasm(true);
        }
        if (o.momentum !== 0) {
          const b = opt.state.get(w)!.momentumBuffer as Tensor;
          expect(b.data.buffer instanceof SharedArrayBuffer).toBe(true); // kept in the kernel's memory
        }
      }
    });
  }

  it("runs with no buffer or a buffer from its memory, not with another", () => {
    const k = { alpha: 0.1, lambda: 0, rho: 0.9, keep: 1, first: true, nesterov: false };
    expect(sgdWasm(new Float32Array(3), new Float32Array(3), null, k)).toBe(true);
    expect(sgdWasm(new Float32Array(3), new Float32Array(3), new Float32Array(3), k)).toBe(false);
  });
});
