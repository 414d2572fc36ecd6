/**
 * Each widget's page (toHTML) in headless Chromium: plotly draws the expected traces and
 * points without console errors, the controls work, a live figure redraws in place; a
 * screenshot of each kind, interactive and static, goes to test-artifacts/screenshots/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { nn, optim } from "../../src";
import { fit } from "../../src/train/fit";
import { setDisplayTransport } from "../../widgets/display";
import type { Figure } from "../../widgets/figures/figure";
import { learningCurve } from "../../widgets/figures/learning_curve";
import { carrierHTML, svgDataURI, toHTML } from "../../widgets/html";
import { liveLearningCurve } from "../../widgets/live_learning_curve";
import { renderSVG } from "../../widgets/svg/render_svg";
import { separable, tinyMlp } from "../train/fixtures";
import { RecordingTransport, expectCloseArray, noisyHistory } from "../widgets/fixtures";
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

/** What the page's first plot holds now (gd.data, the slider and the loss axis). */
function plotState(page: Page) {
  return page.evaluate(() => {
    const gd = (globalThis as unknown as PageGlobals).document.querySelector(
      ".js-plotly-plot",
    ) as unknown as {
      data: { name: string; y: number[] }[];
      layout: { sliders: { active: number }[]; yaxis: { type: string } };
      dataset: Record<string, string>;
    };
    return {
      data: gd.data.map((t) => ({ name: t.name, y: [...t.y] })),
      slider: gd.layout.sliders[0].active,
      yType: gd.layout.yaxis.type,
      mark: gd.dataset.mark,
    };
  });
}

/** Clicks the smoothing slider at β and the "log loss" button, as a student would. */
async function setSmoothingAndLog(page: Page, beta: string): Promise<void> {
  const label = await page
    .locator(".slider-label-group text", { hasText: new RegExp(`^${beta.replace(".", "\\.")}$`) })
    .boundingBox();
  const rail = await page.locator(".slider-rail-touch-rect").boundingBox();
  await page.mouse.click(label!.x + label!.width / 2, rail!.y + rail!.height / 2);
  await page.getByText("log loss").click();
}

describe("learningCurve in the browser", () => {
  it("draws every trace, point and mark of a run, without console errors", async () => {
    const history = noisyHistory();
    const figure = learningCurve(history);
    const { page, errors } = await openHTML("learning-curve", toHTML(figure));
    const [drawn] = await drawnFigures(page, 1);
    expect(drawn.traces).toBe(figure.data.length);
    expect(drawn.drawnScatter).toBe(figure.data.length);
    expect(drawn.points).toEqual(figure.data.map((t) => (t.x as number[]).length));
    expect(drawn.points[0]).toBe(history.steps.loss.length);
    const markers = await page.locator(".scatterlayer .trace").nth(2).locator(".point").count();
    expect(markers).toBe(history.epochs.train.loss.length); // one circle per epoch
    expect(await page.locator(".shapelayer path").count()).toBe(
      (figure.layout.shapes as unknown[]).length,
    );
    await screenshots(page, "learning-curve", figure);
    expect(errors).toEqual([]);
  });

  it("recomputes the smoothing when the slider moves, and switches the loss axis to log", async () => {
    const figure = learningCurve(noisyHistory());
    const { page, errors } = await openHTML("learning-curve-controls", toHTML(figure));
    await drawnFigures(page, 1);
    await setSmoothingAndLog(page, "0.5");
    await page.waitForFunction(() => {
      const gd = (globalThis as unknown as PageGlobals).document.querySelector(
        ".js-plotly-plot",
      ) as unknown as { layout: { yaxis: { type: string } } };
      return gd.layout.yaxis.type === "log";
    });
    const state = await plotState(page);
    const raw = state.data.find((t) => t.name === "train loss (per step)")!.y;
    const smoothed = state.data.find((t) => t.name === "train loss (smoothed)")!.y;
    expectCloseArray(smoothed, optim.ewa(raw, 0.5, { biasCorrection: true }), 1e-12); // the page's EWA is optim.ewa's
    expect(state.slider).toBe(1);
    expect(errors).toEqual([]);
  });

  it("overlays several runs with their names", async () => {
    const runs = [noisyHistory(8, 20, 1), noisyHistory(8, 20, 2), noisyHistory(8, 20, 3)];
    const figure = learningCurve(runs, { names: ["lr = 0.3", "lr = 0.1", "lr = 0.03"] });
    const { page, errors } = await openHTML("learning-curve-runs", toHTML(figure));
    const [drawn] = await drawnFigures(page, 1);
    expect(drawn.traces).toBe(figure.data.length);
    const legend = await page.locator(".legend .legendtext").allTextContents();
    expect(legend.filter((t) => t.startsWith("lr ="))).toEqual([
      "lr = 0.3",
      "lr = 0.1",
      "lr = 0.03",
    ]); // group titles
    expect(legend.filter((t) => t === "train loss")).toHaveLength(3);
    await screenshots(page, "learning-curve-runs", figure);
    expect(errors).toEqual([]);
  });
});

describe("liveLearningCurve in the browser", () => {
  it("redraws its plot in place across updates, keeping the student's slider and log axis", async () => {
    const recorder = new RecordingTransport();
    setDisplayTransport(recorder);
    let history;
    try {
      const curve = liveLearningCurve({ intervalMs: 0 });
      const { x, y } = separable(64);
      const net = tinyMlp();
      history = await fit(net, {
        optimizer: new optim.SGD(net.parameters(), { lr: 0.3 }),
        loss: nn.crossEntropy,
        train: { x, y },
        val: { x, y },
        metrics: ["accuracy"],
        epochs: 6,
        batchSize: 8,
        seed: 0,
        verbose: 0,
        callbacks: [curve],
      });
    } finally {
      setDisplayTransport();
    }
    const outputs = recorder.figures().map((m) => m.message.data["text/html"]);
    expect(outputs.length).toBeGreaterThanOrEqual(7); // the placeholder, every epoch, the end
    // The page of a notebook: the carrier, then one output area whose content each update replaces.
    const { page, errors } = await openHTML(
      "live-learning-curve",
      `<!DOCTYPE html><meta charset="utf-8"><body>${carrierHTML()}<div id="output"></div></body>`,
    );
    const replaceOutput = (html: string) =>
      page.evaluate((content) => {
        const { document } = globalThis as unknown as {
          document: {
            getElementById(id: string): HostElement;
            createElement(tag: string): HostElement;
          };
        };
        type HostElement = {
          innerHTML: string;
          querySelectorAll(s: string): HostElement[];
          textContent: string;
          replaceWith(e: HostElement): void;
        };
        const output = document.getElementById("output");
        output.innerHTML = content; // as JupyterLab renders HTML: set it, then run its scripts
        for (const old of output.querySelectorAll("script")) {
          const script = document.createElement("script");
          script.textContent = old.textContent;
          old.replaceWith(script);
        }
      }, html);
    await replaceOutput(outputs[0]);
    await drawnFigures(page, 1);
    await page.evaluate(() => {
      const gd = (globalThis as unknown as PageGlobals).document.querySelector(
        ".js-plotly-plot",
      ) as unknown as { dataset: Record<string, string> };
      gd.dataset.mark = "the first plot";
    });
    await setSmoothingAndLog(page, "0.8");
    for (const html of outputs.slice(1)) await replaceOutput(html);
    await page.waitForFunction((n) => {
      const gd = (globalThis as unknown as PageGlobals).document.querySelector(
        ".js-plotly-plot",
      ) as unknown as { data: { x: unknown[] }[] };
      return gd.data[0].x.length === n;
    }, history.steps.loss.length);
    const state = await plotState(page);
    expect(state.mark).toBe("the first plot"); // the same element: redrawn in place, not rebuilt
    expect(state.yType).toBe("log");
    const raw = state.data.find((t) => t.name === "train loss (per step)")!.y;
    expect(raw).toHaveLength(history.steps.loss.length);
    expectCloseArray(
      state.data.find((t) => t.name === "train loss (smoothed)")!.y,
      optim.ewa(raw, 0.8, { biasCorrection: true }),
      1e-12,
    );
    expect(await page.locator(".nnlab-static").count()).toBe(0);
    await screenshots(page, "live-learning-curve", learningCurve(history));
    expect(errors).toEqual([]);
  });
});
