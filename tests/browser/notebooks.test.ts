/**
 * Notebooks with figures, end to end: the widgets tour executed in the tslab kernel holds
 * one copy of plotly and a full bundle per figure; exported with `jupyter nbconvert --to html`
 * it draws every figure in Chromium; a notebook with ten figures is measured; in the classic
 * notebook, the saved notebook shows its static images untrusted and draws plotly trusted.
 */
import { mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  ARTIFACTS,
  ROOT,
  SCREENSHOTS,
  browser,
  closeBrowser,
  drawnFigures,
  openPage,
} from "./chromium";
import {
  executeNotebook,
  exportHTML,
  figureOutputs,
  plotlyCopies,
  python,
  startNotebookServer,
} from "./jupyter";

const TOUR = join(ROOT, "notebooks", "14-widgets-tour.ipynb");
const OUT = join(ARTIFACTS, "notebooks");

afterAll(closeBrowser);

let executed: Promise<string> | undefined;
/** The tour, executed once for this file by the first test that needs it. */
function executedTour(): Promise<string> {
  executed ??= (async () => {
    rmSync(OUT, { recursive: true, force: true });
    return executeNotebook(TOUR, OUT);
  })();
  return executed;
}

/** The figures queued in a notebook's outputs: how many traces each draws. */
function tracesPerFigure(notebook: string): number[] {
  return figureOutputs(notebook).map((data) => {
    const html = [data["text/html"]].flat().join("");
    const queued = JSON.parse(/\.push\((.*)\);if \(window\.nnlab\)/s.exec(html)![1]) as [
      string,
      { data: unknown[] },
    ];
    return queued[1].data.length;
  });
}

describe("the widgets tour notebook", () => {
  it("holds one copy of plotly and, per figure, interactive HTML, a static SVG and a text line", async () => {
    const tour = await executedTour();
    const text = readFileSync(tour, "utf8");
    expect(plotlyCopies(text)).toBe(1);
    const figures = figureOutputs(tour);
    expect(figures).toHaveLength(3);
    for (const data of figures)
      expect(Object.keys(data).sort()).toEqual(["image/svg+xml", "text/html", "text/plain"]);
  }, 120_000);

  it("exported with nbconvert --to html, draws every figure in Chromium without console errors", async () => {
    const tour = await executedTour();
    const page = await exportHTML(tour, join(ARTIFACTS, "export"));
    const { page: tab, errors } = await openPage(await browser(), pathToFileURL(page).href);
    const drawn = await drawnFigures(tab, 3);
    expect(drawn.map((f) => f.traces)).toEqual(tracesPerFigure(tour));
    expect(drawn.map((f) => f.drawnScatter)).toEqual(drawn.map((f) => f.traces));
    const figures = tab.locator(".nnlab-figure");
    for (let i = 0; i < 3; i++)
      await figures
        .nth(i)
        .screenshot({ path: join(SCREENSHOTS, `notebook-export-figure-${i + 1}.png`) });
    expect(errors).toEqual([]);
  }, 120_000);

  it("opened in the classic notebook shows the static images untrusted, and plotly once trusted", async () => {
    const tour = await executedTour();
    const server = await startNotebookServer(ARTIFACTS);
    try {
      const url = server.url.replace("%PATH%", "notebooks/14-widgets-tour.ipynb");
      const { page, errors } = await openPage(await browser(), url);
      await page.waitForSelector(".output_area img.nnlab-static", { timeout: 30_000 });
      await page.waitForTimeout(500);
      expect(await page.locator(".output_area img.nnlab-static").count()).toBe(3);
      expect(await page.locator(".js-plotly-plot").count()).toBe(0); // untrusted: no scripts ran
      await page
        .locator(".output_area img.nnlab-static")
        .first()
        .screenshot({ path: join(SCREENSHOTS, "classic-notebook-untrusted.png") });
      await page.close();

      await python(["-m", "nbformat.sign", tour], server.env); // what "Trust Notebook" does
      const trusted = await openPage(await browser(), url);
      const drawn = await drawnFigures(trusted.page, 3, 30_000);
      expect(drawn.map((f) => f.traces)).toEqual(tracesPerFigure(tour));
      await trusted.page
        .locator(".nnlab-figure")
        .first()
        .screenshot({ path: join(SCREENSHOTS, "classic-notebook-trusted.png") });
      const ours = [...errors, ...trusted.errors].filter((e) => /nnlab|plotly|page error/i.test(e));
      expect(ours).toEqual([]);
      await trusted.page.close();
    } finally {
      server.stop();
    }
  }, 240_000); // the server may need a second try on a busy machine (startNotebookServer)
});

describe("a notebook with ten figures", () => {
  it("carries plotly once: measured size, and every figure drawn when exported", async () => {
    const dir = join(ARTIFACTS, "ten-figures");
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(dir, "node_modules"), { recursive: true });
    symlinkSync(ROOT, join(dir, "node_modules", "nnlab")); // imports "nnlab" by name, as notebooks/ does
    const notebook = join(dir, "ten-figures.ipynb");
    writeFileSync(notebook, JSON.stringify(tenFigures(), null, 1));
    const executed = await executeNotebook(notebook, join(dir, "executed"));
    const text = readFileSync(executed, "utf8");
    const bytes = statSync(executed).size;
    const svg = figureOutputs(executed).reduce(
      (n, d) => n + [d["image/svg+xml"]].flat().join("").length,
      0,
    );
    const sizes = {
      notebookBytes: bytes,
      plotlyCopies: plotlyCopies(text),
      figures: figureOutputs(executed).length,
      svgBytes: svg,
    };
    writeFileSync(join(dir, "sizes.json"), JSON.stringify(sizes, null, 2) + "\n");
    console.log(
      `ten-figure notebook: ${(bytes / 1e6).toFixed(2)} MB, ${sizes.plotlyCopies} copy of plotly, static SVGs ${(svg / 1e6).toFixed(2)} MB`,
    );
    expect(sizes.plotlyCopies).toBe(1);
    expect(sizes.figures).toBe(10);
    expect(bytes).toBeLessThan(4e6);
    const page = await exportHTML(executed, join(dir, "export"));
    const { page: tab, errors } = await openPage(await browser(), pathToFileURL(page).href);
    const drawn = await drawnFigures(tab, 10);
    expect(drawn).toHaveLength(10);
    expect(errors).toEqual([]);
  }, 180_000);
});

/** A notebook that trains once, then shows ten learning curves, one per cell. */
function tenFigures(): object {
  const cell = (source: string) => ({
    cell_type: "code",
    execution_count: null,
    metadata: {},
    outputs: [],
    source,
  });
  const setup = `import { nn, optim, data, fit, manualSeed } from "nnlab";
import { show, learningCurve } from "nnlab/widgets";
manualSeed(0);
const { x, y } = data.makeSpirals(100, 3, { seed: 0 });
const net = new nn.Sequential(new nn.Linear(2, 64), new nn.ReLU(), new nn.Linear(64, 3));
const history = await fit(net, { optimizer: new optim.SGD(net.parameters(), { lr: 0.05, momentum: 0.9 }), loss: nn.crossEntropy,
  train: { x, y }, val: { x, y }, metrics: ["accuracy"], epochs: 40, batchSize: 16, seed: 0, verbose: 0 });`;
  const figures = Array.from({ length: 10 }, (_, i) =>
    cell(`show(learningCurve(history, { beta: ${(0.5 + i * 0.05).toFixed(2)} }));`),
  );
  return {
    cells: [cell(setup), ...figures],
    metadata: {
      kernelspec: { display_name: "TypeScript (nnlab)", language: "typescript", name: "tslab" },
    },
    nbformat: 4,
    nbformat_minor: 4,
  };
}
