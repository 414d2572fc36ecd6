import { describe, expect, it } from "vitest";
import { learningCurve } from "../../widgets/figures/learning_curve";
import { formatTick } from "../../widgets/svg/format";
import { crc32, encodePNG } from "../../widgets/svg/png";
import { thin } from "../../widgets/svg/polyline";
import { prepareTraces } from "../../widgets/svg/prepare";
import { renderSVG } from "../../widgets/svg/render_svg";
import { Scale, niceStep } from "../../widgets/svg/scale";
import { figureText } from "../../widgets/text";
import { noisyHistory } from "./fixtures";

/** Every element opened is closed, in order (a well-formedness check without a DOM). */
function expectBalanced(svg: string): void {
  const stack: string[] = [];
  for (const [, close, name, self] of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (self) continue;
    if (close) expect(stack.pop(), `closing </${name}>`).toBe(name);
    else stack.push(name);
  }
  expect(stack).toEqual([]);
}

describe("renderSVG", () => {
  it("labels ticks as percentages with plotly's tickformat '.0%'", () => {
    const svg = renderSVG({
      data: [{ type: "bar", x: [0, 1], y: [0.01, 0.03] }],
      layout: { yaxis: { range: [0, 0.04], tickformat: ".0%" } },
    });
    const labels = [...svg.matchAll(/text-anchor='end'>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(labels).toEqual([
      "0.0%",
      "0.5%",
      "1.0%",
      "1.5%",
      "2.0%",
      "2.5%",
      "3.0%",
      "3.5%",
      "4.0%",
    ]);
    const short = renderSVG({
      data: [{ type: "bar", x: [0, 1], y: [0.01, 0.03] }],
      layout: { height: 320, yaxis: { range: [0, 0.04], tickformat: ".0%" } },
    });
    const fewer = [...short.matchAll(/text-anchor='end'>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(fewer).toEqual(["0%", "1%", "2%", "3%", "4%"]);
  });

  it("breaks an annotation's text at <br> into lines, as plotly does", () => {
    const svg = renderSVG({
      data: [{ type: "scatter", x: [0, 1], y: [0, 1], mode: "lines" }],
      layout: {
        annotations: [
          {
            text: "layer 3 (Tanh)<br>μ 0.0012<BR/>48% <b>zeros</b>",
            x: 0.5,
            y: 0.5,
            showarrow: false,
          },
        ],
      },
    });
    const text = svg.match(/<text [^>]*>(.*?)<\/text>/g)!.find((t) => t.includes("layer 3"))!;
    const lines = [...text.matchAll(/<tspan x='[\d.]+'( dy='([\d.]+)')?>(.*?)<\/tspan>/g)];
    expect(lines.map((m) => m[3])).toEqual(["layer 3 (Tanh)", "μ 0.0012", "48% zeros"]);
    expect(lines.map((m) => m[2])).toEqual([undefined, "15.6", "15.6"]); // 1.3 × 12 px
    expectBalanced(svg);
  });

  it("places a shape on a log axis by its value and an annotation by log₁₀ of it, as plotly does", () => {
    const svg = renderSVG({
      data: [{ type: "scatter", x: [1, 1000], y: [0, 1], mode: "lines" }],
      layout: {
        xaxis: { type: "log", range: [0, 3] },
        yaxis: { range: [0, 1] },
        shapes: [{ type: "line", xref: "x", yref: "y", x0: 10, x1: 10, y0: 0, y1: 1 }],
        annotations: [{ text: "ten", xref: "x", yref: "y", x: 1, y: 0.5, showarrow: false }],
      },
    });
    const line = svg.match(
      /<line x1='([\d.]+)' y1='[\d.]+' x2='([\d.]+)'[^>]*stroke='#444' stroke-width='2'/,
    );
    const text = svg.match(/<text x='([\d.]+)'[^>]*>ten<\/text>/);
    expect(line, svg).not.toBeNull();
    expect(text).not.toBeNull();
    expect(line![1]).toBe(line![2]);
    expect(Number(line![1])).toBeCloseTo(Number(text![1]), 0); // both at 10: a third of the way
  });

  it("draws a learning curve as a well-formed SVG of the layout's size, title and legend included", () => {
    const svg = renderSVG(learningCurve(noisyHistory()));
    expectBalanced(svg);
    expect(svg).toMatch(/^<svg xmlns='http:\/\/www.w3.org\/2000\/svg' width='800' height='600'/);
    expect(svg).toContain(">Learning curve</text>");
    for (const label of [
      "train loss (smoothed)",
      "val loss",
      "val accuracy",
      "learning rate",
      "early stop",
      "lr ×0.1",
    ]) {
      expect(svg).toContain(`>${label}</text>`);
    }
    expect(svg).not.toContain("NaN");
  });

  it("draws lines, bars, histograms and heatmaps, and names the trace types it cannot", () => {
    const svg = renderSVG({
      data: [
        { type: "bar", x: ["a", "b"], y: [3, 1] },
        { type: "histogram", x: [1, 2, 2, 3, 3, 3], xaxis: "x2", yaxis: "y2" },
        {
          type: "heatmap",
          z: [
            [1, 2],
            [3, 4],
          ],
          xaxis: "x3",
          yaxis: "y3",
        },
        { type: "pie", values: [1, 2] },
      ],
      layout: {
        xaxis: { domain: [0, 0.3] },
        xaxis2: { domain: [0.35, 0.65] },
        xaxis3: { domain: [0.7, 1] },
        yaxis2: { anchor: "x2" },
        yaxis3: { anchor: "x3" },
      },
    });
    expectBalanced(svg);
    expect(svg.match(/<rect [^>]*fill='#1f77b4'/g)!.length).toBeGreaterThanOrEqual(2); // two bars
    expect(svg).toContain(">a</text>");
    expect(svg).toContain("not in this static image: pie");
  });

  it("draws a large heatmap as one pixelated PNG image", () => {
    const z = Array.from({ length: 60 }, (_, r) => Array.from({ length: 60 }, (_, c) => r * c));
    const svg = renderSVG({ data: [{ type: "heatmap", z }], layout: {} });
    expect(svg.match(/<image /g)).toHaveLength(1);
    expect(svg).toContain("href='data:image/png;base64,iVBORw0KGgo");
    expect(svg.match(/<rect /g)!.length).toBeLessThan(10);
  });

  it("counts a histogram's values into nice bins", () => {
    const [bars] = prepareTraces([{ type: "histogram", x: [0.1, 0.2, 1.1, 1.2, 1.3, 2.5] }]).traces;
    expect(bars.barWidth).toBe(1);
    expect(bars.x).toEqual([0.5, 1.5, 2.5]);
    expect(bars.y).toEqual([2, 3, 1]);
  });
});

describe("scales and ticks", () => {
  it("picks 1-2-5 steps and labels them with the decimals the step needs", () => {
    expect([0.013, 0.3, 7, 40].map(niceStep)).toEqual([0.02, 0.5, 10, 50]);
    expect(new Scale("linear", [0, 1], [0, 400]).ticks(80).map((t) => t.label)).toEqual([
      "0",
      "0.2",
      "0.4",
      "0.6",
      "0.8",
      "1.0",
    ]);
    expect(formatTick(2e-5, 1e-5)).toBe("2e-5");
  });

  it("maps a log axis in log₁₀ units with ticks at 1, 2, 5 × 10ᵏ over a short range", () => {
    const s = new Scale("log", [-2, 0], [0, 200]);
    expect(s.pixel(0.1)).toBe(100);
    expect(s.pixel(-1)).toBeNaN();
    expect(s.ticks(20).map((t) => t.label)).toEqual([
      "0.01",
      "0.02",
      "0.05",
      "0.1",
      "0.2",
      "0.5",
      "1",
    ]);
  });
});

describe("thin", () => {
  it("keeps the first, lowest, highest and last point of every pixel column", () => {
    const points: [number, number][] = [
      [0, 5],
      [0.1, 9],
      [0.2, 1],
      [0.3, 4],
      [0.4, 6],
      [1, 3],
    ];
    expect(thin(points)).toEqual([
      [0, 5],
      [0.1, 9],
      [0.2, 1],
      [0.4, 6],
      [1, 3],
    ]);
  });
});

describe("encodePNG", () => {
  it("writes the PNG signature and chunks with their CRC-32", () => {
    expect(crc32(Buffer.from("IEND"))).toBe(0xae426082); // the CRC every PNG ends with
    const png = encodePNG(1, 1, new Uint8Array([255, 0, 0, 255]));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(-12).toString("hex")).toBe("0000000049454e44ae426082");
    expect(() => encodePNG(2, 2, new Uint8Array(4))).toThrow(
      "encodePNG: 2×2 RGBA needs 16 bytes, got 4",
    );
  });
});

describe("figureText", () => {
  it("summarises a figure: title, then points and last value per trace", () => {
    const text = figureText({
      data: [
        { type: "scatter", name: "loss", y: [1, 0.5, 0.25] },
        { type: "heatmap", z: [[1, 2]] },
      ],
      layout: { title: { text: "<b>Run</b>" } },
    });
    expect(text).toBe("Run: 2 traces\n  loss: 3 points, last 0.25\n  heatmap 2: 1×2 cells");
  });
});
