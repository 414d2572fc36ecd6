import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nn, optim } from "../../src";
import { fit } from "../../src/train/fit";
import { setDisplayTransport } from "../../widgets/display";
import { liveLearningCurve, progressLine } from "../../widgets/live_learning_curve";
import { separable, tinyMlp } from "../train/fixtures";
import { RecordingTransport, makeHistory } from "./fixtures";

let recorder: RecordingTransport;
beforeEach(() => {
  recorder = new RecordingTransport();
  setDisplayTransport(recorder);
});
afterEach(() => setDisplayTransport());

describe("liveLearningCurve", () => {
  it("shows an empty curve when created, then the whole run after fit, in the same output", async () => {
    const curve = liveLearningCurve({ intervalMs: 50 });
    const [placeholder] = recorder.figures();
    expect(placeholder.update).toBe(false);
    expect(placeholder.message.data["text/plain"]).toBe(
      "Learning curve: waiting for the first step",
    );
    const { x, y } = separable(40);
    const net = tinyMlp();
    const history = await fit(net, {
      optimizer: new optim.SGD(net.parameters(), { lr: 0.3 }),
      loss: nn.crossEntropy,
      train: { x, y },
      val: { x, y },
      epochs: 3,
      batchSize: 10,
      seed: 0,
      verbose: 0,
      metrics: ["accuracy"],
      callbacks: [curve],
    });
    const sent = recorder.figures();
    const last = sent.at(-1)!;
    expect(
      sent
        .slice(1)
        .every(
          (m) =>
            m.update && m.message.transient.display_id === placeholder.message.transient.display_id,
        ),
    ).toBe(true);
    expect(last.message.data["text/plain"]).toBe(`Learning curve: ${history.message}`);
    const html = last.message.data["text/html"];
    const queued = JSON.parse(html.slice(html.indexOf(".push(") + 6, html.lastIndexOf(");if"))) as [
      string,
      { data: { name: string; y: number[] }[] },
    ];
    const raw = queued[1].data.find((t) => t.name === "train loss (per step)")!;
    expect(raw.y).toHaveLength(history.steps.loss.length);
    expect(raw.y).toHaveLength(12);
  });

  it("reports progress as one line: epoch, step, last loss, validation", () => {
    const h = makeHistory(
      [
        [1, 0.5],
        [0.4, 0.3],
      ],
      { val: [0.6, 0.45], valAccuracy: [0.7, 0.8] },
    );
    expect(progressLine(h, "epoch")).toBe(
      "Learning curve (training): epoch 2 · step 4 · loss 0.3 · val loss 0.45 · val accuracy 0.8",
    );
  });
});
