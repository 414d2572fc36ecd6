import { cpus } from "node:os";
import { type Tensor, manualSeed, nn, optim } from "../src";
import { loadMNIST } from "../src/data/datasets/load_mnist";
import { evaluate } from "../src/train/evaluate";
import { fit } from "../src/train/fit";

const EPOCHS = 5;
const TARGET_ACCURACY = 0.975;

/**
 * The lecture 004 lab end to end: a three-layer MLP (784 → 128 → 10, ReLU, softmax
 * cross-entropy) trained on all 60,000 MNIST training digits with mini-batch Adam
 * (lr 1e-3, PyTorch's default, ×0.1 for the last epoch; B = 64, shuffled, seed 0),
 * float32, for 5 epochs — notebook 13's configuration; then
 * scored on the 10,000 test digits. Pixels are standardised with the training set's mean
 * and standard deviation (0.1307, 0.3081: torchvision's `Normalize`). Prints one line per
 * epoch (fit's progress line, with its wall time), the steps per second, and the test
 * accuracy against the target (≥ 97.5%).
 *
 * Why Adam: plain SGD (lr 0.1, B = 64) reaches 96.9% on raw pixels and 97.4–97.9% on
 * standardised ones after 5 epochs, depending on the seed; Adam gave 97.6–97.8% on
 * seeds 0–2, SGD with momentum 0.9 and lr 0.02 97.7–97.9%. Without the last epoch's
 * drop the final accuracy wobbles between ~97.5% and 97.8% with float32 rounding (97.52%
 * with the dot-product gemm kernel); with it, 97.98%.
 *
 * What it measures: the whole training path — indexSelect batches, Linear forward and
 * backward (the gemm kernel), cross-entropy, the optimiser step and fit's bookkeeping.
 */
export async function run(): Promise<void> {
  console.log(`node ${process.version}, ${cpus()[0]?.model ?? "unknown CPU"}`);
  let t = performance.now();
  const train = loadMNIST({ split: "train" });
  const test = loadMNIST({ split: "test" });
  console.log(`loaded MNIST in ${((performance.now() - t) / 1000).toFixed(2)} s\n`);

  const mean = train.images.mean().item();
  const std = Math.sqrt(train.images.var().item());
  const standardise = (x: Tensor) => x.sub(mean).div(std); // (x − μ)/σ, μ and σ of the training pixels

  manualSeed(0);
  const dtype = "float32";
  const net = new nn.Sequential(
    new nn.Linear(784, 128, { dtype }),
    new nn.ReLU(),
    new nn.Linear(128, 10, { dtype }),
  );
  t = performance.now();
  const adam = new optim.Adam(net.parameters(), { lr: 1e-3 });
  const history = await fit(net, {
    optimizer: adam,
    scheduler: new optim.StepLR(adam, EPOCHS - 1, { gamma: 0.1 }), // α = 1e-4 for the last epoch
    loss: nn.crossEntropy,
    train: { x: standardise(train.images), y: train.labels },
    epochs: EPOCHS,
    batchSize: 64,
    metrics: ["accuracy"],
    seed: 0,
  });
  const seconds = (performance.now() - t) / 1000;
  const steps = history.steps.loss.length;
  console.log(
    `\n${steps} steps in ${seconds.toFixed(1)} s: ${(steps / seconds).toFixed(0)} steps/s`,
  );
  const epochTimes = history.epochs.seconds.map((s) => s.toFixed(2)).join(", ");
  console.log(`epoch times (s): ${epochTimes}`);

  const { accuracy } = evaluate(
    net,
    { x: standardise(test.images), y: test.labels },
    { metrics: ["accuracy"], batchSize: 1000 },
  );
  const met = accuracy >= TARGET_ACCURACY ? "met" : "not met";
  console.log(
    `test accuracy: ${(accuracy * 100).toFixed(2)}% (target ≥ ${(TARGET_ACCURACY * 100).toFixed(1)}%: ${met})`,
  );
}
