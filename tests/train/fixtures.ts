import { Generator, type Tensor, nn, randn, tensor } from "../../src";

/**
 * Small seeded problems for the training tests: a linearly separable 2-D set (label 1 when
 * x₀ + x₁ > 0, points within 0.2 of the line pushed out) and a tiny MLP 2 → 8 → 2.
 */
export function separable(n = 64, seed = 0): { x: Tensor; y: Tensor } {
  const generator = new Generator(seed);
  const rows: number[][] = [];
  const labels: number[] = [];
  while (rows.length < n) {
    const [a, b] = [generator.normal(), generator.normal()];
    if (Math.abs(a + b) < 0.2) continue; // keep a margin around the boundary
    rows.push([a, b]);
    labels.push(a + b > 0 ? 1 : 0);
  }
  return { x: tensor(rows), y: tensor(labels, { dtype: "int32" }) };
}

/** y = 2x₀ − x₁ + 0.5 + noise: a regression set. */
export function linearRegression(n = 40, seed = 0): { x: Tensor; y: Tensor } {
  const generator = new Generator(seed);
  const x = randn([n, 2], { generator });
  const noise = randn([n, 1], { generator }).mul(0.05);
  const y = x
    .matmul(tensor([[2], [-1]]))
    .add(0.5)
    .add(noise);
  return { x, y };
}

/** Linear(2, hidden) → ReLU → [Dropout] → Linear(hidden, 2), initialised from `Generator(seed)`. */
export function tinyMlp(seed = 0, options: { hidden?: number; dropout?: number } = {}): nn.Module {
  const { hidden = 8, dropout } = options;
  const generator = new Generator(seed);
  const layers: nn.Module[] = [new nn.Linear(2, hidden, { generator }), new nn.ReLU()];
  if (dropout !== undefined) layers.push(new nn.Dropout(dropout));
  layers.push(new nn.Linear(hidden, 2, { generator }));
  return new nn.Sequential(...layers);
}

/** The model's parameters and buffers as plain numbers, to compare runs exactly. */
export function weightsOf(model: nn.Module): Record<string, number[]> {
  return Object.fromEntries(Object.entries(model.stateDict()).map(([k, v]) => [k, v.data]));
}
