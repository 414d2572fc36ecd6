/**
 * The part-1 lecture figures (optimiser trajectories, EWA, activation functions, learning-rate
 * schedules) in headless Chromium: each page (toHTML) draws every trace with all its points
 * and panel titles, without console errors; the schedule figure's menu switches the axis to
 * log. A screenshot of each, interactive and static SVG, goes to test-artifacts/screenshots/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { Generator, type Tensor, optim, tensor } from "../../src";
import { activationFigure } from "../../widgets/figures/activation_figure";
import { ewaFigure } from "../../widgets/figures/ewa_figure";
import type { Figure } from "../../widgets/figures/figure";
import { scheduleFigure } from "../../widgets/figures/schedule_figure";
import { trajectories } from "../../widgets/figures/trajectories";
import { svgDataURI, toHTML } from "../../widgets/html";
import { renderSVG } from "../../widgets/svg/render_svg";
import {
  ARTIFACTS,
  type PageGlobals,
  SCREENSHOTS,
  browser,
  closeBrowser,
  drawnFigures,
  openPage,
} from "./chromium";

afterAll(closeBrowser);

/** Writes `html` to test-artifacts/browser/NAME.html and opens it. */
async function openHTML(name: string, html: string): Promise<{ page: Page; errors: string[] }> {
  mkdirSync(ARTIFACTS, { recursive: true }); // a fresh clone has no test-artifacts/ yet
  const file = join(ARTIFACTS, `${name}.html`);
  writeFileSync(file, html);
  return openPage(await browser(), pathToFileURL(file).href);
}

/** Screenshots of the figure as drawn by plotly and of its static SVG. */
async function screenshots(page: Page, name: string, figure: Figure): Promise<void> {
  await page
    .locator(".nnlab-figure")
    .first()
    .screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
  const still = await (await browser()).newPage();
  await still.setContent(
    `<body style="margin:0"><img src="${svgDataURI(renderSVG(figure))}"></body>`,
  );
  await still.locator("img").screenshot({ path: join(SCREENSHOTS, `${name}-static.png`) });
  await still.close();
}

/** How many of each kind plotly drew: contour traces, scatter traces, annotations, subplots. */
function drawnParts(page: Page) {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    const count = (s: string) => document.querySelectorAll(s).length;
    return {
      contours: count(".contourlayer .contour"),
      contourLines: count(".contourlayer .contourlevel path"),
      scatter: count(".scatterlayer .trace"),
      annotations: count(".annotation"),
      subplots: count(".subplot"),
      legendItems: count(".legend .traces"),
    };
  });
}

/** Opens the figure's page, checks plotly drew every trace with all its points, takes the screenshots. */
async function drawn(name: string, figure: Figure) {
  const { page, errors } = await openHTML(name, toHTML(figure));
  const [fig] = await drawnFigures(page, 1);
  expect(fig.traces).toBe(figure.data.length);
  expect(fig.points).toEqual(figure.data.map((t) => (t.x as unknown[]).length));
  const parts = await drawnParts(page);
  await screenshots(page, name, figure);
  expect(errors).toEqual([]);
  return { page, parts, errors };
}

describe("part-1 lecture figures in the browser", () => {
  it("trajectories: a contour and a path per optimiser, the arrival in each title", async () => {
    const figure = trajectories(
      "quadratic",
      {
        "SGD α = 0.15": (ps: Tensor[]) => new optim.SGD(ps, { lr: 0.15 }),
        "momentum ρ = 0.5, α = 0.1": (ps: Tensor[]) =>
          new optim.SGD(ps, { lr: 0.1, momentum: 0.5 }),
        "Nesterov ρ = 0.5, α = 0.1": (ps: Tensor[]) =>
          new optim.Nesterov(ps, { lr: 0.1, momentum: 0.5 }),
        "AdaGrad α = 1.5": (ps: Tensor[]) => new optim.Adagrad(ps, { lr: 1.5 }),
        "RMSProp α = 0.1": (ps: Tensor[]) => new optim.RMSprop(ps, { lr: 0.1 }),
        "Adam α = 0.3": (ps: Tensor[]) => new optim.Adam(ps, { lr: 0.3 }),
      },
      { steps: 60 },
    );
    const { parts } = await drawn("trajectories", figure);
    expect(parts.subplots).toBe(6);
    expect(parts.contours).toBe(6);
    expect(parts.contourLines).toBeGreaterThanOrEqual(6 * 10); // ≈ 12 levels per panel, a few clipped
    expect(parts.scatter).toBe(12); // path and minimum per panel
    expect(parts.annotations).toBe(12); // name and arrival per panel
    const svg = renderSVG(figure);
    expect(
      [...svg.matchAll(/<path d='M[^']*' fill='none' stroke='rgb/g)].length,
    ).toBeGreaterThanOrEqual(60);
  });

  it("trajectories on Rosenbrock: log-spaced levels", async () => {
    const figure = trajectories(
      "rosenbrock",
      {
        "momentum ρ = 0.9, α = 2e-4": (ps: Tensor[]) =>
          new optim.SGD(ps, { lr: 2e-4, momentum: 0.9 }),
        "Adam α = 0.05": (ps: Tensor[]) => new optim.Adam(ps, { lr: 0.05 }),
      },
      { steps: 400 },
    );
    const { parts } = await drawn("trajectories-rosenbrock", figure);
    expect(parts.contours).toBe(2);
    expect(parts.scatter).toBe(4);
  });

  it("ewaFigure: the data, and per β the plain and the bias-corrected average", async () => {
    const g = new Generator(0);
    const days = Array.from(
      { length: 365 },
      (_, t) => 10 - 8 * Math.cos((2 * Math.PI * (t + 1)) / 365) + 3 * g.normal(),
    );
    const figure = ewaFigure(days);
    const { parts } = await drawn("ewa", figure);
    expect(parts.scatter).toBe(7);
    expect(parts.legendItems).toBe(7);
  });

  it("activationFigure: values and autodiff derivatives, two panels", async () => {
    const figure = activationFigure();
    const { parts } = await drawn("activations", figure);
    expect(parts.subplots).toBe(2);
    expect(parts.scatter).toBe(12);
    expect(parts.legendItems).toBe(6); // one entry per activation, both panels toggle together
    expect(parts.annotations).toBe(2);
  });

  it("scheduleFigure: one staircase per schedule; the menu switches the rate axis to log", async () => {
    const sgd = () => new optim.SGD([tensor([0], { requiresGrad: true })], { lr: 0.2 });
    const figure = scheduleFigure(
      {
        "step ×0.5 every 10": new optim.StepLR(sgd(), 10, { gamma: 0.5 }),
        "0.95^t": new optim.ExponentialLR(sgd(), 0.95),
        "1/(1 + 0.2t)": new optim.InverseTimeLR(sgd(), 0.2),
        "1/√t": new optim.InverseSqrtLR(sgd()),
      },
      { epochs: 60 },
    );
    const { page, parts, errors } = await drawn("schedules", figure);
    expect(parts.scatter).toBe(4);
    await page.getByText("log lr").click();
    await page.waitForFunction(() => {
      const gd = (globalThis as unknown as PageGlobals).document.querySelector(
        ".js-plotly-plot",
      ) as unknown as { layout: { yaxis: { type: string } } };
      return gd.layout.yaxis.type === "log";
    });
    await page
      .locator(".nnlab-figure")
      .first()
      .screenshot({ path: join(SCREENSHOTS, "schedules-log.png") });
    expect(errors).toEqual([]);
  });
});
