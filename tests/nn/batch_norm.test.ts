import { describe, expect, it } from "vitest";
import { Generator, Tensor, randn, tensor } from "../../src";
import { BatchNorm1d, BatchNorm2d } from "../../src/nn/batch_norm";
import { expectClose, expectShape } from "../helpers/close";
import { gradcheckModule } from "../helpers/gradcheck_module";

/** value[i] = ((i·a) mod m − s)/d over the flattened shape: fixed inputs PyTorch can rebuild. */
function seq(shape: number[], a: number, m: number, s: number, d: number): Tensor {
  const n = shape.reduce((p, k) => p * k, 1);
  return tensor(Array.from({ length: n }, (_, i) => (((i * a) % m) - s) / d)).reshape(shape);
}

// Reference numbers: /usr/bin/python3 with torch 1.13.1 in float64 (torch.set_default_dtype),
// torch.nn.BatchNorm1d / BatchNorm2d with the same weight and bias, (y·G).sum().backward().
describe("BatchNorm1d", () => {
  /** BatchNorm1d(3) with γ = [1.5, −0.5, 2], β = [0.1, 0.2, −0.3], as in the PyTorch script. */
  function fixed(): BatchNorm1d {
    const bn = new BatchNorm1d(3);
    bn.weight!.assign(tensor([1.5, -0.5, 2]));
    bn.bias!.assign(tensor([0.1, 0.2, -0.3]));
    return bn;
  }
  const x = () => seq([4, 3], 37, 17, 8, 8);
  const G = () => seq([4, 3], 13, 7, 3, 4);

  it("has γ = 1, β = 0 and buffers runningMean = 0, runningVar = 1, numBatchesTracked = 0", () => {
    const bn = new BatchNorm1d(48);
    expect(bn.namedParameters().map(([n]) => n)).toEqual(["weight", "bias"]);
    expect(bn.namedBuffers().map(([n]) => n)).toEqual([
      "runningMean",
      "runningVar",
      "numBatchesTracked",
    ]);
    expectClose(bn.weight!.sum(), 48);
    expectClose(bn.runningVar!.sum(), 48);
    expect(bn.numBatchesTracked!.item()).toBe(0);
    expect(bn.momentum).toBe(0.1);
    expectClose(bn.rho!, 0.9);
  });

  it("in training normalises each feature to mean 0 and biased variance 1 over the batch", () => {
    const y = new BatchNorm1d(5).forward(
      randn([64, 5], { generator: new Generator(1) })
        .mul(3)
        .add(2),
    );
    expectClose(y.mean(0), [0, 0, 0, 0, 0], 1e-12);
    expectClose(y.var(0, { correction: 0 }), [1, 1, 1, 1, 1], 1e-4); // σ²/(σ² + ε) with ε = 1e-5
  });

  it("matches PyTorch in training: output, ∂x, ∂γ, ∂β", () => {
    // torch: x = seq([4,3], 37, 17, 8, 8), G = seq([4,3], 13, 7, 3, 4)
    const bn = fixed();
    const xs = x();
    xs.requiresGrad = true;
    const y = bn.forward(xs);
    // prettier-ignore
    expectClose(y, [-1.5564470345903052, 0.7521490115301017, -2.508596046120407, 1.425157627672244, -0.24171920922408136, 1.4668768368963254, -1.2251576276722442, 0.6417192092240813, -2.0668768368963253, 1.756447034590305, -0.3521490115301017, 1.9085960461204068], 1e-12);
    y.backward(G());
    // prettier-ignore
    expectClose(xs.grad!, [-0.16165125553557141, -0.6342971699633774, -0.5170909601256423, -0.201968402489604, 0.07676150697722255, -0.6464533340372814, 0.201968402489604, 0.6962471091649198, 0.6464533340372814, 0.16165125553557141, -0.13871144617876502, 0.5170909601256423], 1e-12);
    expectClose(
      bn.weight!.grad!,
      [2.042951342661376, 0.11042980230602034, -1.4355874299782645],
      1e-12,
    );
    expectClose(bn.bias!.grad!, [-0.5, 0.25, 1.0], 1e-12);
  });

  it("updates the running estimates as PyTorch: momentum 0.1 on the batch, unbiased variance", () => {
    const bn = fixed();
    bn.forward(x());
    // by hand: μ_B = [−0.375, 0, 0.375] → runningMean = 0.9·0 + 0.1·μ_B = [−0.0375, 0, 0.0375];
    // σ²_B = 0.3203125 (biased, 1/m) for each feature; unbiased σ²_B·m/(m − 1) = 0.3203125·4/3
    // = 0.4270833 → runningVar = 0.9·1 + 0.1·0.4270833 = 0.9427083 (with the biased σ²_B: 0.9320).
    expectClose(bn.runningMean!, [-0.037500000000000006, 0.0, 0.037500000000000006], 1e-15);
    expectClose(
      bn.runningVar!,
      [0.9427083333333334, 0.9427083333333334, 0.9427083333333334],
      1e-15,
    );
    const xs = x();
    const unbiased = xs.var(0); // Σ(x − μ)²/(m − 1)
    expectClose(bn.runningVar!, unbiased.mul(0.1).add(0.9), 1e-15);
    bn.forward(x().mul(2).add(1));
    expectClose(bn.runningMean!, [-0.008750000000000008, 0.1, 0.20875000000000002], 1e-15);
    expectClose(
      bn.runningVar!,
      [1.0192708333333333, 1.0192708333333333, 1.0192708333333333],
      1e-15,
    );
    expect(bn.numBatchesTracked!.item()).toBe(2);
  });

  it("in eval mode normalises with the running estimates, as PyTorch, and leaves them alone", () => {
    const bn = fixed();
    bn.forward(x());
    bn.forward(x().mul(2).add(1));
    bn.eval();
    const xs = x();
    xs.requiresGrad = true;
    const y = bn.forward(xs);
    // prettier-ignore
    expectClose(y, [-1.3727449102213367, 0.5590550852998636, -1.2087808021037927, 0.2987184178987176, 0.0019006425931787363, 1.0198369687229467, -1.1870267626524418, 0.4971490361102319, -0.961156605345266, 0.48443656546761255, -0.06000540659645291, 1.2674611654814734], 1e-12);
    y.backward(G());
    // prettier-ignore
    expectClose(xs.grad!, [-1.1143088854133696, -0.37143629513778986, 0.9904967870341064, 0.37143629513778986, -0.0, -0.4952483935170532, -0.7428725902755797, 0.37143629513778986, 1.4857451805511595, 0.7428725902755797, -0.1238120983792633, 0.0], 1e-12);
    expect(bn.numBatchesTracked!.item()).toBe(2);
    expectClose(bn.runningMean!, [-0.008750000000000008, 0.1, 0.20875000000000002], 1e-15);
  });

  it("with rho = 0.9 follows lecture 002's μ ← ρμ + (1 − ρ)μ_B, the same as momentum = 0.1", () => {
    const lecture = new BatchNorm1d(3, { rho: 0.9 });
    const torch = new BatchNorm1d(3, { momentum: 0.1 });
    let mu = tensor([0, 0, 0]);
    for (let t = 0; t < 5; t++) {
      const xt = x()
        .mul(t + 1)
        .add(t);
      lecture.forward(xt);
      torch.forward(xt);
      mu = mu.mul(0.9).add(xt.mean(0).mul(0.1)); // μ^{t+1} = ρ μ^t + (1 − ρ) μ_B^{t+1}
    }
    expectClose(lecture.runningMean!, mu, 1e-14);
    expectClose(lecture.runningMean!, torch.runningMean!, 1e-14);
    expectClose(lecture.runningVar!, torch.runningVar!, 1e-14);
    expectClose(lecture.momentum!, 0.1, 1e-15);
  });

  it("takes [N, C, L] and with momentum null keeps PyTorch's cumulative average", () => {
    // torch: BatchNorm1d(2, momentum=None); x = seq([3,2,4], 37, 17, 8, 8); y = bn(x); bn(x*x)
    const bn = new BatchNorm1d(2, { momentum: null });
    const xs = seq([3, 2, 4], 37, 17, 8, 8);
    const y = bn.forward(xs);
    expectShape(y, [3, 2, 4]);
    // prettier-ignore
    expectClose(y, [-1.4258287231084399, -0.8358306307877061, -0.2458325384669724, 0.34416555385376135, 0.8181346992874989, 1.4192132538660696, -1.3858200008339268, -0.7847414462553561, -0.04916650769339448, 0.5408315846273393, 1.130829676948073, 1.7208277692688068, -1.18546048264107, -0.5843819280624992, 0.016696626516071407, 0.617775181094642, 1.327495707721651, -1.4258287231084399, -0.8358306307877061, -0.2458325384669724, 0.21705614470892828, 0.8181346992874989, 1.4192132538660696, -1.3858200008339268], 1e-12);
    bn.forward(xs.mul(xs));
    expectClose(bn.runningMean!, [0.15950520833333334, 0.189453125], 1e-14);
    expectClose(bn.runningVar!, [0.2995263301964962, 0.26091512044270837], 1e-14);
  });

  it("passes gradcheck in training mode for x, γ and β", () => {
    const bn = fixed();
    const xs = randn([5, 3], { generator: new Generator(2), requiresGrad: true });
    expect(gradcheckModule(bn, xs).ok).toBe(true);
    const bn3 = new BatchNorm1d(2);
    const x3 = randn([3, 2, 4], { generator: new Generator(3), requiresGrad: true });
    expect(gradcheckModule(bn3, x3).ok).toBe(true);
  });

  it("saves the running estimates in stateDict and restores them", () => {
    const bn = fixed();
    bn.forward(x());
    const state = JSON.parse(JSON.stringify(bn.stateDict()));
    expect(Object.keys(state)).toEqual([
      "weight",
      "bias",
      "runningMean",
      "runningVar",
      "numBatchesTracked",
    ]);
    expect(state.numBatchesTracked).toEqual({ shape: [], dtype: "int32", data: [1] });
    const copy = new BatchNorm1d(3);
    copy.loadStateDict(state);
    expectClose(copy.eval().forward(x()), bn.eval().forward(x()), 0);
  });

  it("without affine has no parameters; without trackRunningStats uses batch statistics in eval too", () => {
    expect(new BatchNorm1d(3, { affine: false }).parameters()).toEqual([]);
    const bn = new BatchNorm1d(3, { trackRunningStats: false });
    expect(bn.namedBuffers()).toEqual([]);
    expectClose(bn.eval().forward(x()), bn.train().forward(x()), 0);
  });

  it('computes in float32 when built with { dtype: "float32" }', () => {
    const bn = new BatchNorm1d(3, { dtype: "float32" });
    const y = bn.forward(x().to("float32"));
    expect(y.dtype).toBe("float32");
    expect(bn.runningMean!.dtype).toBe("float32");
    expectClose(y, new BatchNorm1d(3).forward(x()), 1e-6);
    expect(() => bn.forward(x())).toThrow(
      'BatchNorm1d(3): input is float64 but the layer is float32; convert the input with x.to("float32")',
    );
  });

  it("explains wrong inputs and options", () => {
    expect(() => new BatchNorm1d(3).forward(randn([2, 3, 4, 4]))).toThrow(
      "BatchNorm1d(3): expected input [N, 3] or [N, 3, L], got [2, 3, 4, 4]; for images use nn.BatchNorm2d",
    );
    expect(() => new BatchNorm1d(48).forward(randn([32, 64]))).toThrow(
      "BatchNorm1d(48): expected input [N, 48] or [N, 48, L], got [32, 64]; axis 1 must have 48 features",
    );
    expect(() => new BatchNorm1d(3).forward(randn([1, 3]))).toThrow(
      "BatchNorm1d(3): expected more than 1 value per channel when training, got input [1, 3]",
    );
    expect(() => new BatchNorm1d(3).eval().forward(randn([1, 3]))).not.toThrow();
    expect(() => new BatchNorm1d(3, { momentum: 0.1, rho: 0.9 })).toThrow(
      "BatchNorm1d: give momentum (PyTorch's weight of the new batch) or rho (lecture 002's weight of the old average, = 1 − momentum), not both; got momentum 0.1 and rho 0.9",
    );
    expect(() => new BatchNorm1d(3, { rho: 1.5 })).toThrow(
      "BatchNorm1d: rho must be in [0, 1], got 1.5",
    );
    expect(() => new BatchNorm1d(0)).toThrow(
      "BatchNorm1d: numFeatures must be a positive integer, got 0",
    );
  });
});

describe("BatchNorm2d", () => {
  /** BatchNorm2d(2) with γ = [0.5, 2], β = [1, −1], as in the PyTorch script. */
  function fixed(): BatchNorm2d {
    const bn = new BatchNorm2d(2);
    bn.weight!.assign(tensor([0.5, 2]));
    bn.bias!.assign(tensor([1, -1]));
    return bn;
  }
  const x = () => seq([2, 2, 3, 3], 37, 17, 8, 8);

  it("matches PyTorch: statistics per channel over N, H, W; output, gradients, running estimates, eval", () => {
    // torch: x = seq([2,2,3,3], 37, 17, 8, 8), G = seq(x.shape, 13, 7, 3, 4)
    const bn = fixed();
    const xs = x();
    xs.requiresGrad = true;
    const y = bn.forward(xs);
    // prettier-ignore
    expectClose(y, [0.2379983826617289, 0.5698377966638792, 0.9016772106660296, 1.23351662466818, 1.5653560386703305, 1.8971954526724808, 0.3486115206624457, 0.680450934664596, 1.0122903486667465, -0.39600394860640986, 0.7286783539885513, 1.8533606565835123, -3.395156755526306, -2.270474452931345, -1.145792150336384, -0.021109847741422827, 1.1035724548535382, -4.14494495725628, 0.5698377966638792, 0.9016772106660296, 1.23351662466818, 1.5653560386703305, 1.8971954526724808, 0.3486115206624457, 0.680450934664596, 1.0122903486667465, 1.3441297626688968, 0.7286783539885513, 1.8533606565835123, -3.395156755526306, -2.270474452931345, -1.145792150336384, -0.021109847741422827, 1.1035724548535382, -4.14494495725628, -3.020262654661319], 1e-12);
    y.backward(seq([2, 2, 3, 3], 13, 7, 3, 4));
    // prettier-ignore
    expectClose(xs.grad!, [-0.6104120323743547, 0.6991010418922081, 0.4600301841487359, 0.22095932640526383, -0.01811153133820834, -0.2571823890816805, -0.39513395028693393, -0.6342048080304061, 0.6753082662361567, 1.5786941552814875, 0.8211000703785233, 0.06350598547555905, -0.6498547614471274, -1.4074488463500916, -2.165042931253056, 2.3258803959537984, 1.5682863110508338, 0.8549255641281476, 0.03542221388790746, -0.20364864385556472, -0.44271950159903684, -0.6817903593425091, 0.6277227149240537, 0.48977115371880026, 0.25070029597532817, 0.01162943823185599, -0.22744141951161617, -1.428264534811399, -2.185858619714363, 2.3492980454727688, 1.5917039605698047, 0.8341098756668404, 0.07651579076387602, -0.6810782941390882, -1.3944390410617746, -2.152033125964739], 1e-12);
    expectClose(bn.weight!.grad!, [0.5469205156702108, 0.08330980019221905], 1e-12);
    expectClose(bn.bias!.grad!, [-0.25, -0.5], 1e-12);
    expectClose(bn.runningMean!, [-0.01388888888888889, 0.004861111111111111], 1e-15);
    expectClose(bn.runningVar!, [0.9338031045751635, 0.9470843545751634], 1e-15);
    // prettier-ignore
    expectClose(bn.eval().forward(x()), [0.48977013599149266, 0.6838012110369814, 0.8778322860824701, 1.0718633611279589, 1.2658944361734477, 1.4599255112189364, 0.5544471610066556, 0.7484782360521443, 0.942509311097633, -0.4962145909727942, 0.27444864096684085, 1.045111872906476, -2.551316542811821, -1.7806533108721858, -1.0099900789325509, -0.23932684699291584, 0.5313363849467192, -3.0650920307715777, 0.6838012110369814, 0.8778322860824701, 1.0718633611279589, 1.2658944361734477, 1.4599255112189364, 0.5544471610066556, 0.7484782360521443, 0.942509311097633, 1.1365403861431218, 0.27444864096684085, 1.045111872906476, -2.551316542811821, -1.7806533108721858, -1.0099900789325509, -0.23932684699291584, 0.5313363849467192, -3.0650920307715777, -2.2944287988319427], 1e-12);
  });

  it("is BatchNorm1d on the pixels as rows: [N, C, H, W] → [N·H·W, C]", () => {
    const xs = randn([3, 4, 2, 5], { generator: new Generator(4) });
    const y2 = new BatchNorm2d(4).forward(xs);
    const rows = xs.permute(0, 2, 3, 1).reshape(-1, 4); // one row per pixel
    const y1 = new BatchNorm1d(4).forward(rows).reshape(3, 2, 5, 4).permute(0, 3, 1, 2);
    expectClose(y2, y1, 1e-12);
  });

  it("passes gradcheck in training mode for x, γ and β", () => {
    const bn = fixed();
    const xs = randn([2, 2, 3, 2], { generator: new Generator(6), requiresGrad: true });
    expect(gradcheckModule(bn, xs).ok).toBe(true);
  });

  it("explains a [N, C] input", () => {
    expect(() => new BatchNorm2d(6).forward(randn([4, 6]))).toThrow(
      "BatchNorm2d(6): expected input [N, 6, H, W], got [4, 6]; after a Linear layer use nn.BatchNorm1d",
    );
  });
});
