import { describe, expect, it } from "vitest";
import type { Trace } from "../../widgets/figures/figure";
import { contourLevels, isoLines } from "../../widgets/svg/draw_contour";
import { prepareTraces } from "../../widgets/svg/prepare";
import { renderSVG } from "../../widgets/svg/render_svg";

const prepared = (trace: Trace) => prepareTraces([trace]).traces[0];

/** Polylines rounded to 1e-9, for comparing with hand-worked points. */
const rounded = (lines: [number, number][][]) =>
  lines.map((l) => l.map(([c, r]) => [Math.round(c * 1e9) / 1e9, Math.round(r * 1e9) / 1e9]));

describe("isoLines (marching squares)", () => {
  it("joins the four cells around a minimum into one closed loop", () => {
    // z = |x| + |y| on x, y ∈ {−1, 0, 1}; z = 0.5 crosses each edge to the centre at its middle
    const z = [
      [2, 1, 2],
      [1, 0, 1],
      [2, 1, 2],
    ];
    const [loop, ...rest] = isoLines(z, 0.5);
    expect(rest).toEqual([]);
    expect(loop).toHaveLength(5); // 4 crossings and back to the first
    expect(loop[4]).toEqual(loop[0]);
    const points = new Set(rounded([loop])[0].map((p) => p.join(",")));
    expect(points).toEqual(new Set(["1,0.5", "1.5,1", "1,1.5", "0.5,1"])); // (column, row)
  });

  it("draws one open line through a ramp, interpolating linearly", () => {
    // z = column index: z = 0.25 lies a quarter of the way from column 0 to column 1, on every row
    const z = [
      [0, 1, 2],
      [0, 1, 2],
      [0, 1, 2],
    ];
    const lines = rounded(isoLines(z, 0.25));
    expect(lines).toHaveLength(1);
    expect(lines[0].map(([c]) => c)).toEqual([0.25, 0.25, 0.25]);
    expect(lines[0].map(([, r]) => r).sort()).toEqual([0, 1, 2]);
    expect(isoLines(z, 5)).toEqual([]); // a level outside the data has no line
  });

  it("splits a saddle cell by its mean", () => {
    // corners z₀₀ = 1, z₀₁ = 0 / z₁₀ = 0, z₁₁ = 1. Level 0.4 crosses the top edge at column 0.6
    // ((0.4 − 1)/(0 − 1)), the right at row 0.4, the bottom at column 0.4, the left at row 0.6.
    // The mean 0.5 is above, like the high corners, so they join through the centre and the
    // lines cut off the low corners: top-right (top, right) and bottom-left (bottom, left)
    const z = [
      [1, 0],
      [0, 1],
    ];
    const high = rounded(isoLines(z, 0.4)).map((l) => l.map((p) => p.join(",")).sort());
    expect(high.sort()).toEqual([
      ["0,0.6", "0.4,1"],
      ["0.6,0", "1,0.4"],
    ]);
    // level 0.6: the mean 0.5 is below, so the low corners join and the lines cut off the high ones
    const low = rounded(isoLines(z, 0.6)).map((l) => l.map((p) => p.join(",")).sort());
    expect(low.sort()).toEqual([["0,0.4", "0.4,0"].sort(), ["0.6,1", "1,0.6"].sort()].sort());
  });
});

describe("contourLevels", () => {
  it("follows contours.start, size and end, else ncontours levels inside the range", () => {
    const z = [
      [0, 1],
      [2, 3],
    ];
    const given = prepared({ type: "contour", z, contours: { start: 0.5, end: 2.5, size: 1 } });
    expect(contourLevels(given)).toEqual([0.5, 1.5, 2.5]);
    const auto = prepared({ type: "contour", z, ncontours: 2 });
    expect(contourLevels(auto)).toEqual([1, 2]); // 0 + 3·k/3 for k = 1, 2
  });
});

describe("renderSVG of a contour", () => {
  const z = [
    [2, 1, 2],
    [1, 0, 1],
    [2, 1, 2],
  ];
  const figure = (coloring?: string) => ({
    data: [
      {
        type: "contour",
        x: [-1, 0, 1],
        y: [-1, 0, 1],
        z,
        showscale: false,
        contours: { start: 0.5, end: 1.5, size: 1, ...(coloring ? { coloring } : {}) },
        colorscale: [
          [0, "rgb(0,0,255)"],
          [1, "rgb(255,0,0)"],
        ],
      },
    ],
    layout: {
      width: 300,
      height: 300,
      margin: { l: 50, r: 50, t: 50, b: 50 },
      xaxis: { range: [-1, 1] },
      yaxis: { range: [-1, 1] },
    },
  });

  it("with coloring 'lines' draws only iso-lines, coloured by the scale at their level", () => {
    const svg = renderSVG(figure("lines"));
    const paths = [...svg.matchAll(/<path d='([^']*)' fill='none' stroke='([^']*)'/g)];
    expect(paths).toHaveLength(2); // levels 0.5 and 1.5
    // z spans 0 … 2: level 0.5 is a quarter up the scale, 1.5 three quarters
    expect(paths.map((p) => p[2])).toEqual(["rgb(64,0,191)", "rgb(191,0,64)"]);
    // level 0.5 crosses the middle row (y = 0) at x = ±0.5: a quarter and three quarters across
    // the plot area (the clip rectangle), at half its height
    const [, left, top, width, height] = svg
      .match(
        /<clipPath id='[^']*'><rect x='([\d.]+)' y='([\d.]+)' width='([\d.]+)' height='([\d.]+)'/,
      )!
      .map(Number);
    const yMid = top + height / 2;
    expect(paths[0][1]).toContain(`${left + width / 4} ${yMid}`);
    expect(paths[0][1]).toContain(`${left + (3 * width) / 4} ${yMid}`);
    expect(paths[0][1]).toMatch(/^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+){4}$/); // one closed loop of 4 crossings
    expect(svg).not.toContain("<image");
    expect(svg).not.toMatch(/<rect x='[^']*' y='[^']*' width='[^']*' height='[^']*' fill='rgb/);
  });

  it("by default (plotly's 'fill') draws the heatmap under dark iso-lines", () => {
    const svg = renderSVG(figure());
    expect(svg).toMatch(/<rect x='[^']*' y='[^']*' width='[^']*' height='[^']*' fill='rgb/);
    expect([...svg.matchAll(/stroke='rgba\(0,0,0,0.35\)'/g)]).toHaveLength(2);
  });
});
