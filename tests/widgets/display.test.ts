import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { setDisplayTransport, show } from "../../widgets/display";
import { learningCurve } from "../../widgets/figures/learning_curve";
import { RecordingTransport, noisyHistory } from "./fixtures";

let recorder: RecordingTransport;
beforeEach(() => {
  recorder = new RecordingTransport();
  setDisplayTransport(recorder);
});
afterEach(() => setDisplayTransport());

const isCarrier = (html: string | undefined) => Boolean(html?.includes("plotly.js (cartesian"));

describe("show", () => {
  it("sends one display_data with the interactive HTML, the static SVG and a text summary", () => {
    const figure = learningCurve(noisyHistory());
    show(figure);
    const [{ message, update }] = recorder.figures();
    expect(update).toBe(false);
    expect(Object.keys(message.data).sort()).toEqual(["image/svg+xml", "text/html", "text/plain"]);
    expect(message.data["image/svg+xml"]).toMatch(/^<svg xmlns='http:\/\/www.w3.org\/2000\/svg'/);
    expect(message.data["text/html"]).toContain('class="nnlab-static"'); // the static image, for sanitised HTML
    expect(message.data["text/html"]).toContain("window.nnlabQueue");
    expect(message.data["text/plain"]).toMatch(/^Learning curve: \d+ traces/);
    expect(isCarrier(message.data["text/html"])).toBe(false);
  });

  it("sends plotly once per cell, in a carrier output before the first figure", () => {
    show(learningCurve(noisyHistory()));
    show(learningCurve(noisyHistory()));
    const carriers = recorder.messages.filter((m) => isCarrier(m.message.data["text/html"]));
    expect(carriers).toHaveLength(1);
    expect(recorder.messages[0]).toBe(carriers[0]);
    expect(carriers[0].message.transient.display_id).toMatch(/^[0-9a-f]{16}$/);
    expect(recorder.figures()).toHaveLength(2);
  });

  it("moves the carrier to the cell run last, emptying the previous one", () => {
    show(learningCurve(noisyHistory()));
    const first = recorder.messages[0].message.transient.display_id;
    recorder.nextCell();
    recorder.messages = [];
    show(learningCurve(noisyHistory()));
    const [clear, carrier, figure] = recorder.messages;
    expect(clear).toEqual({
      message: { data: { "text/plain": "" }, metadata: {}, transient: { display_id: first } },
      update: true,
    });
    expect(isCarrier(carrier.message.data["text/html"])).toBe(true);
    expect(carrier.message.transient.display_id).not.toBe(first);
    expect(figure.message.data["image/svg+xml"]).toBeDefined();
  });

  it("accepts a widget with its own text line", () => {
    const figure = learningCurve(noisyHistory());
    show({ toFigure: () => figure, toText: () => "epoch 3 · loss 0.31" });
    expect(recorder.figures()[0].message.data["text/plain"]).toBe("epoch 3 · loss 0.31");
  });

  it("refuses what is not a figure, saying what it expected", () => {
    expect(() => show(42 as never)).toThrow(
      "show: expected a figure { data: [traces], layout } (such as learningCurve(history)) or a widget with toFigure(), got number",
    );
  });

  it("outside a notebook, says so and points to toHTML", () => {
    setDisplayTransport();
    expect(() => show(learningCurve(noisyHistory()))).toThrow(
      /no notebook cell is running .* toHTML\(figure\)/,
    );
  });
});
