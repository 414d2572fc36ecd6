/**
 * The hyperparameter and cross-validation widgets (scaleWidget, gridVsRandom, studyPlot,
 * foldsWidget, foldScores) in headless Chromium: each page (toHTML) draws every trace and
 * point without console errors; a screenshot of each, interactive and static SVG, goes to
 * test-artifacts/screenshots/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { data, tune } from "../../src";
import type { Figure } from "../../widgets/figures/figure";
import { foldScores } from "../../widgets/figures/fold_scores";
import { foldsWidget } from "../../widgets/figures/folds_widget";
import { gridVsRandom } from "../../widgets/figures/grid_vs_random";
import { scaleWidget } from "../../widgets/figures/scale_widget";
import { studyPlot } from "../../widgets/figures/study_plot";
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

/** How many of each kind plotly drew: bar traces, heatmap images, scatter points, shapes. */
function drawnParts(page: Page) {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    const count = (s: string) => document.querySelectorAll(s).length;
    return {
      bars: count(".barlayer .trace"),
      heatmaps: count(".heatmaplayer image"),
      scatter: count(".scatterlayer .trace"),
      points: count(".scatterlayer .point"),
      shapes: count(".shapelayer path"),
    };
  });
}

/**
 * Opens the figure's page, checks plotly drew every trace without errors, takes the
 * screenshots, and runs `check` (if given) on the same page.
 */
async function drawn(name: string, figure: Figure, check?: (page: Page) => Promise<void>) {
  const { page, errors } = await openHTML(name, toHTML(figure));
  const [fig] = await drawnFigures(page, 1);
  expect(fig.traces).toBe(figure.data.length);
  expect(fig.names).toEqual(figure.data.map((t) => t.name ?? ""));
  const parts = await drawnParts(page);
  await screenshots(page, name, figure);
  await check?.(page);
  expect(errors).toEqual([]);
  return parts;
}

/** Each decade divider is drawn where its axis puts that value (a log₁₀ number put it elsewhere). */
async function dividersOnTheirDecades(page: Page, figure: Figure) {
  const shapes = (figure.layout.shapes ?? []) as { xref: string; x0: number }[];
  const placed = await page.evaluate((want) => {
    type Ax = { _offset: number; l2p(v: number): number };
    const g = globalThis as unknown as PageGlobals;
    const gd = g.document.querySelector(".js-plotly-plot") as unknown as {
      _fullLayout: Record<string, Ax>;
    };
    const paths = [...g.document.querySelectorAll(".shapelayer path")];
    return want.map((s, i) => {
      const ax = gd._fullLayout[`xaxis${s.xref.slice(1)}`];
      const box = (paths[i] as unknown as { getBBox(): { x: number } }).getBBox();
      return { drawn: box.x, expected: ax._offset + ax.l2p(Math.log10(s.x0)) };
    });
  }, shapes);
  expect(placed).toHaveLength(shapes.length);
  for (const p of placed) expect(Math.abs(p.drawn - p.expected)).toBeLessThan(1.5);
}

const count = (f: Figure, type: string) => f.data.filter((t) => t.type === type).length;
const markers = (f: Figure) =>
  f.data
    .filter((t) => t.type === "scatter" && String(t.mode).includes("markers"))
    .reduce((s, t) => s + (t.x as unknown[]).filter((v) => v !== null).length, 0);
const space = { lr: tune.logUniform(1e-4, 1), beta1: tune.oneMinusLogUniform(0.9, 0.999) };

describe("tuning and fold widgets in the browser", () => {
  it("scaleWidget: α on linear and log axes, β three ways, a choice", async () => {
    for (const [name, d] of [
      ["scale-log-uniform", tune.logUniform(1e-4, 1)],
      ["scale-one-minus-beta", tune.oneMinusLogUniform(0.9, 0.999)],
      ["scale-choice", tune.choice(["sgd", "adam", "rmsprop"])],
    ] as const) {
      const fig = scaleWidget(d, { n: 2000, seed: 0 });
      const parts = await drawn(name, fig, (page) => dividersOnTheirDecades(page, fig));
      expect(parts.bars).toBe(count(fig, "bar"));
      expect(parts.scatter).toBe(count(fig, "scatter"));
      expect(parts.shapes).toBe(((fig.layout.shapes as unknown[]) ?? []).length);
    }
  });

  it("gridVsRandom: 25 grid points and 25 random ones, each with its two projections", async () => {
    const fig = gridVsRandom(space, { nTrials: 25 });
    const parts = await drawn("grid-vs-random", fig);
    expect(parts.scatter).toBe(6);
    expect(parts.points).toBe(6 * 25);
  });

  it("studyPlot: coarse-to-fine rounds with their bands, and a halving study with pruned and failed trials", async () => {
    const bowl = (p: { lr: number; beta1: number }) => {
      if (p.lr > 0.5) throw new Error("diverged");
      return (Math.log10(p.lr) + 2) ** 2 + 0.1 * (Math.log10(1 - p.beta1) + 2) ** 2;
    };
    const c2f = await new tune.Study({ seed: 0 }).optimize(
      bowl,
      tune.coarseToFine(space, { rounds: 3, trialsPerRound: 8 }),
    );
    const fig = studyPlot(c2f);
    const { page, errors } = await openHTML("study-coarse-to-fine", toHTML(fig));
    await drawnFigures(page, 1);
    // each round's band is drawn with a width (log₁₀ data coordinates on a log axis drew none)
    const widths = await page.evaluate(() =>
      [...(globalThis as unknown as PageGlobals).document.querySelectorAll(".shapelayer path")].map(
        (p) => (p as unknown as { getBBox(): { width: number } }).getBBox().width,
      ),
    );
    expect(widths).toHaveLength((fig.layout.shapes as unknown[]).length);
    for (const w of widths) expect(w, `band width ${w} px`).toBeGreaterThan(5);
    expect(errors).toEqual([]);
    const parts = await drawn("study-coarse-to-fine", fig);
    expect(parts.points).toBe(markers(fig));
    expect(parts.shapes).toBe((fig.layout.shapes as unknown[]).length);
    const halving = await new tune.Study({ seed: 1 }).optimize(
      async (p: { lr: number; beta1: number }, trial: tune.Trial) => {
        for (let e = 0; e < (trial.budget ?? 9); e++) trial.report(bowl(p) + 1 / (e + 1), e);
        return bowl(p) + 1 / (trial.budget ?? 9);
      },
      tune.successiveHalving(
        { ...space, lr: tune.logUniform(1e-4, 10) },
        { minBudget: 1, maxBudget: 9, eta: 3 },
      ),
    );
    const fig2 = studyPlot(halving, { space, logY: true });
    const parts2 = await drawn("study-halving", fig2);
    expect(parts2.points).toBe(markers(fig2));
  });

  it("foldsWidget: one heatmap of roles per splitter, with the class row", async () => {
    const y = Array.from({ length: 30 }, (_, i) => (i < 12 ? 0 : i < 22 ? 1 : 2));
    for (const [name, splitter] of [
      ["folds-stratified-k-fold", new data.StratifiedKFold(5)],
      ["folds-leave-p-out", new data.LeavePOut(2)],
      ["folds-monte-carlo", new data.MonteCarloCV(6, { valSize: 0.2, trainSize: 0.6, seed: 0 })],
    ] as const) {
      const fig = foldsWidget(splitter, y);
      const parts = await drawn(name, fig);
      expect(parts.heatmaps).toBe(count(fig, "heatmap")); // splits and class
      expect(parts.heatmaps).toBe(2);
    }
  });

  it("foldScores: bars per fold, the mean and the ±1 std band", async () => {
    const cv = await data.crossValidate(
      ({ fold }) => ({ accuracy: [0.9, 0.95, 0.92, 0.97, 0.93][fold] }),
      new data.KFold(5),
      20,
    );
    const fig = foldScores(cv);
    const parts = await drawn("fold-scores", fig);
    expect(parts.bars).toBe(1);
    expect(parts.scatter).toBe(3);
  });
});
