/**
 * The part-2 lecture figures (activation histograms, decision regions, confusion matrix,
 * tensor heatmap, digit grid) in headless Chromium: each page (toHTML) draws every trace
 * and panel title without console errors; a screenshot of each, interactive and static
 * SVG, goes to test-artifacts/screenshots/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { Generator, confusionMatrix, nn, rand, randn, tensor } from "../../src";
import { activationHistograms } from "../../widgets/figures/activation_histograms";
import { confusionMatrixFigure } from "../../widgets/figures/confusion_matrix_figure";
import { decisionBoundary } from "../../widgets/figures/decision_boundary";
import { digitGrid } from "../../widgets/figures/digit_grid";
import type { Figure } from "../../widgets/figures/figure";
import { tensorHeatmap } from "../../widgets/figures/tensor_heatmap";
import { svgDataURI, toHTML } from "../../widgets/html";
import { renderSVG } from "../../widgets/svg/render_svg";
import { separable, tinyMlp } from "../train/fixtures";
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

/** How many of each kind plotly drew: bar traces, heatmap images, scatter traces, annotations. */
function drawnParts(page: Page) {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as PageGlobals;
    const count = (s: string) => document.querySelectorAll(s).length;
    return {
      bars: count(".barlayer .trace"),
      heatmaps: count(".heatmaplayer image"),
      scatter: count(".scatterlayer .trace"),
      annotations: count(".annotation"),
      subplots: count(".subplot"),
      cellTexts: count(".heatmaplayer text"),
    };
  });
}

/** Opens the figure's page, checks plotly drew all its traces without errors, takes the screenshots. */
async function drawn(name: string, figure: Figure) {
  const { page, errors } = await openHTML(name, toHTML(figure));
  const [fig] = await drawnFigures(page, 1);
  expect(fig.traces).toBe(figure.data.length);
  const parts = await drawnParts(page);
  await screenshots(page, name, figure);
  expect(errors).toEqual([]);
  return parts;
}

describe("part-2 lecture figures in the browser", () => {
  it("activationHistograms: one bar panel per layer with its μ/σ title", async () => {
    const generator = new Generator(0);
    const layers: nn.Module[] = [];
    for (let l = 0; l < 6; l++) layers.push(new nn.Linear(64, 64, { generator }), new nn.Tanh());
    const figure = activationHistograms(
      new nn.Sequential(...layers),
      randn([200, 64], { generator }),
    );
    const parts = await drawn("activation-histograms", figure);
    expect(parts.bars).toBe(6);
    expect(parts.subplots).toBe(6);
    expect(parts.annotations).toBe(12); // two title lines per panel
  });

  it("decisionBoundary: the region heatmap and one scatter trace per class", async () => {
    const { x, y } = separable(60);
    const figure = decisionBoundary(tinyMlp(0), x, y, { resolution: 60 });
    const parts = await drawn("decision-boundary", figure);
    expect(parts.heatmaps).toBe(1);
    expect(parts.scatter).toBe(2);
  });

  it("confusionMatrixFigure: one annotated heatmap", async () => {
    const g = new Generator(1);
    const target = tensor(
      Array.from({ length: 200 }, () => g.int(0, 10)),
      { dtype: "int32" },
    );
    const pred = tensor(
      Array.from(target.data, (c) => (g.random() < 0.8 ? c : g.int(0, 10))),
      { dtype: "int32" },
    );
    const figure = confusionMatrixFigure(confusionMatrix(pred, target, 10), { normalize: "true" });
    const parts = await drawn("confusion-matrix", figure);
    expect(parts.heatmaps).toBe(1);
    expect(parts.cellTexts).toBe(100); // every cell written in
  });

  it("tensorHeatmap: a [C, H, W] stack as C heatmap panels", async () => {
    const filters = randn([8, 3, 3], { generator: new Generator(2) });
    const figure = tensorHeatmap(filters, { title: "8 filters" });
    const parts = await drawn("tensor-heatmap", figure);
    expect(parts.heatmaps).toBe(8);
    expect(parts.annotations).toBe(8);
  });

  it("digitGrid: N image panels with their titles", async () => {
    const images = rand([12, 28, 28], { generator: new Generator(3) });
    const labels = Array.from({ length: 12 }, (_, i) => i % 10);
    const predictions = labels.map((l, i) => (i % 4 === 0 ? (l + 1) % 10 : l));
    const figure = digitGrid(images, { labels, predictions, cols: 6 });
    const parts = await drawn("digit-grid", figure);
    expect(parts.heatmaps).toBe(12);
    expect(parts.annotations).toBe(12);
  });
});
