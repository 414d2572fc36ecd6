import { describe, expect, it } from "vitest";
import { Generator, nn, randn, tensor } from "../../src";
import { activationHistograms } from "../../widgets/figures/activation_histograms";
import { activationStats } from "../../widgets/figures/activation_stats";
import { layerActivations } from "../../widgets/figures/layer_activations";

/** Linear(4, 6) → BatchNorm1d → Tanh → Linear(6, 6) → ReLU, from Generator(seed). */
function smallNet(seed = 0): nn.Sequential {
  const generator = new Generator(seed);
  return new nn.Sequential(
    new nn.Linear(4, 6, { generator }),
    new nn.BatchNorm1d(6),
    new nn.Tanh(),
    new nn.Linear(6, 6, { generator }),
    new nn.ReLU(),
  );
}

describe("activationStats", () => {
  it("gives NumPy's mean, std (ddof 0) and the fraction of exact zeros", () => {
    // /usr/bin/python3: a = np.array([-1.5, 0, 0, 2, 0.25, 3.0]); a.mean(), a.std(), (a == 0).mean()
    const s = activationStats(tensor([-1.5, 0, 0, 2, 0.25, 3]), "toy");
    expect(s.mean).toBeCloseTo(0.625, 14);
    expect(s.std).toBeCloseTo(1.470189897031446, 14);
    expect(s.zeros).toBeCloseTo(1 / 3, 14);
    expect(s).toMatchObject({ name: "toy", min: -1.5, max: 3, count: 6 });
  });
});

describe("activationHistograms", () => {
  it("bins each tensor into fractions that sum to 1 on a shared range, values outside in the end bins", () => {
    // range [0, 1], 2 bins of width 0.5: [0, 0.1] → bin 0, [0.5, 1] → bin 1, −3 → bin 0, 7 → bin 1
    const fig = activationHistograms([tensor([0, 0.1, 0.5, 1]), tensor([-3, 0.2, 0.3, 7])], {
      bins: 2,
      range: [0, 1],
    });
    expect(fig.data).toHaveLength(2);
    expect(fig.data[0]).toMatchObject({ type: "bar", x: [0.25, 0.75], y: [0.5, 0.5] });
    expect(fig.data[1]).toMatchObject({ x: [0.25, 0.75], y: [0.75, 0.25] });
    expect(fig.data.map((t) => [t.xaxis, t.yaxis])).toEqual([
      ["x", "y"],
      ["x2", "y2"],
    ]);
    expect(fig.layout.xaxis).toMatchObject({ range: [0, 1] });
    expect(fig.layout.xaxis2).toMatchObject({ range: [0, 1] });
  });

  it("puts one panel per layer of a Sequential in a row, μ and σ in each title, stats equal to a direct computation", () => {
    const net = smallNet();
    const x = randn([50, 4], { generator: new Generator(1) });
    const fig = activationHistograms(net, x, { training: true });
    expect(fig.stats.map((s) => s.name)).toEqual(["layer 1 (Tanh)", "layer 2 (ReLU)"]);
    // the same layers by hand, in training mode (BN on the batch's statistics)
    const byHand = smallNet();
    const h1 = byHand.at(2).forward(byHand.at(1).forward(byHand.at(0).forward(x)));
    const h2 = byHand.at(4).forward(byHand.at(3).forward(h1));
    for (const [s, h] of [
      [fig.stats[0], h1],
      [fig.stats[1], h2],
    ] as const) {
      expect(s.mean).toBeCloseTo(h.mean().item(), 12);
      expect(s.std).toBeCloseTo(Math.sqrt(h.var(null, { correction: 0 }).item()), 12);
      expect(s.zeros).toBe(Array.from(h.data).filter((v) => v === 0).length / h.size);
    }
    expect(fig.stats[1].zeros).toBeGreaterThan(0.2); // ReLU zeroes about half
    const notes = fig.layout.annotations as { text: string; xref: string; y: number }[];
    expect(notes.map((a) => a.xref)).toEqual([
      "x domain",
      "x domain",
      "x2 domain",
      "x2 domain",
      "x2 domain",
    ]);
    expect(notes[0].text).toBe("layer 1 (Tanh)"); // two title lines, the name above the numbers
    expect(notes[0].y).toBeGreaterThan(notes[1].y);
    expect(notes[1].text).toMatch(/^μ -?[\d.e-]+ · σ [\d.e-]+$/);
    expect(notes[4].text).toMatch(/^\d+% zeros$/); // ReLU: a third line
    const domains = [fig.layout.xaxis, fig.layout.xaxis2].map(
      (a) => (a as { domain: number[] }).domain,
    );
    expect(domains[0][1]).toBeLessThan(domains[1][0]); // side by side
    expect(fig.layout.yaxis).toMatchObject({
      domain: (fig.layout.yaxis2 as { domain: number[] }).domain,
    });
    for (const t of fig.data) expect((t.y as number[]).reduce((a, b) => a + b)).toBeCloseTo(1, 12);
  });

  it("leaves the model as it was: modes, BatchNorm's running statistics, parameters, no gradients", () => {
    const net = smallNet();
    net.eval();
    const bn = net.at(1) as nn.BatchNorm1d;
    const before = net.stateDict();
    const x = randn([20, 4], { generator: new Generator(2) });
    activationHistograms(net, x, { training: true });
    expect(net.namedModules().every(([, m]) => m.training === false)).toBe(true);
    expect(net.stateDict()).toEqual(before); // running mean/var put back after the batch-statistics pass
    expect(net.parameters().every((p) => p.grad === null)).toBe(true);
    net.train();
    const outputs = layerActivations(net, x); // evaluation mode by default
    expect(outputs[0].output.requiresGrad).toBe(false);
    expect(bn.training).toBe(true);
  });

  it("sees the layers of any model through forward hooks, in the order they ran, and removes the hooks", () => {
    class TwoLayer extends nn.Module {
      body = new nn.Sequential(new nn.Linear(4, 5, { generator: new Generator(1) }), new nn.Tanh());
      head = new nn.Linear(5, 2, { generator: new Generator(2) });
      forward(x: ReturnType<typeof tensor>) {
        return this.head.forward(this.body.forward(x).relu()); // relu as a tensor method: no module
      }
    }
    const net = new TwoLayer();
    const x = randn([6, 4], { generator: new Generator(3) });
    const all = layerActivations(net, x, { layers: "all" });
    expect(all.map((l) => l.name)).toEqual([
      "layer 1 (Linear)",
      "layer 2 (Tanh)",
      "layer 3 (Linear)",
    ]);
    const h = net.body.at(0).forward(x);
    expect(Array.from(all[0].output.data)).toEqual(Array.from(h.data));
    expect(Array.from(all[1].output.data)).toEqual(Array.from(h.tanh().data));
    expect(Array.from(all[2].output.data)).toEqual(Array.from(net.forward(x).data));
    expect(layerActivations(net, x).map((l) => l.name)).toEqual(["layer 1 (Tanh)"]); // the default
    for (const [, m] of net.namedModules()) expect(Object.hasOwn(m, "forward")).toBe(false);
  });

  it("keeps the layers asked for: all of them, or by index", () => {
    const net = smallNet();
    const x = randn([8, 4], { generator: new Generator(3) });
    expect(layerActivations(net, x, { layers: "all" }).map((l) => l.name)).toEqual([
      "layer 1 (Linear)",
      "layer 2 (BatchNorm1d)",
      "layer 3 (Tanh)",
      "layer 4 (Linear)",
      "layer 5 (ReLU)",
    ]);
    const fig = activationHistograms(net, x, { layers: [0, 3], cols: 1 });
    expect(fig.stats.map((s) => s.name)).toEqual(["layer 1 (Linear)", "layer 2 (Linear)"]);
    expect((fig.layout.yaxis as { domain: number[] }).domain[0]).toBeGreaterThan(
      (fig.layout.yaxis2 as { domain: number[] }).domain[1],
    ); // one column: stacked
  });

  it("explains what it expected when the input is wrong", () => {
    const x = tensor([[1, 2, 3, 4]]);
    expect(() => layerActivations({ forward: (t: unknown) => t } as never, x)).toThrow(
      /expected an nn.Module, got .*; for another model pass its activations as a list of tensors/,
    );
    expect(() => activationHistograms(smallNet(), x, { layers: [7] })).toThrow(
      /indices in 0…4 of the model's 5 layers, got 7/,
    );
    expect(() => activationHistograms([x, x], { names: ["a"] })).toThrow(/2 tensors but 1 names/);
    expect(() => activationHistograms([x, [1, 2]] as never)).toThrow(
      /item 1 must be a tensor or \{ name, output \}, got an array of 2/,
    );
    expect(() => activationHistograms([x], { bins: 0 })).toThrow(
      /bins must be a positive integer, got 0/,
    );
  });
});
