/**
 * Headless Chromium for the browser tests: Debian's `chromium` (installed by `./lab setup`),
 * driven by playwright-core with a fresh profile; never a browser downloaded by the test tool.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BrowserContext, type Page, chromium } from "playwright-core";

export const ROOT = resolve(__dirname, "..", "..");
/** Debian's Chromium, which `./lab setup` installs; NNLAB_CHROMIUM names another (a Chrome or Chromium binary). */
export const CHROMIUM = process.env.NNLAB_CHROMIUM || "/usr/bin/chromium";
/** Where the tests leave screenshots for review (git-ignored, like all of test-artifacts/). */
export const SCREENSHOTS = join(ROOT, "test-artifacts", "screenshots");
/** Pages and notebooks the tests write. */
export const ARTIFACTS = join(ROOT, "test-artifacts", "browser");

/** A browser with a fresh profile; `close()` also deletes the profile. Fails, saying how to fix it, without Chromium. */
export async function openBrowser(): Promise<{
  context: BrowserContext;
  close: () => Promise<void>;
}> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing: the browser tests drive ${CHROMIUM} (Debian's chromium package); run ./lab setup, which installs it (or set NNLAB_CHROMIUM to a Chromium binary)`,
    );
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), "nnlab-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    viewport: { width: 1100, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

let shared: ReturnType<typeof openBrowser> | undefined;

/**
 * The test file's browser, started by the first test that asks: without Chromium every
 * test fails with `openBrowser`'s message (rather than being skipped after a failed hook).
 */
export async function browser(): Promise<BrowserContext> {
  shared ??= openBrowser();
  return (await shared).context;
}

/** Closes the test file's browser, if one was started. */
export async function closeBrowser(): Promise<void> {
  const opened = await shared?.catch(() => undefined);
  shared = undefined;
  await opened?.close();
}

/** Opens `url` in a new tab, recording console errors and uncaught exceptions. */
export async function openPage(
  context: BrowserContext,
  url: string,
): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  await page.goto(url);
  return { page, errors };
}

/** The bit of the DOM that page functions use (the project compiles without lib "dom"). */
export interface PageElement {
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
  querySelector(selector: string): PageElement | null;
  textContent: string | null;
}
export interface PageGlobals {
  document: PageElement & { getElementById(id: string): PageElement | null };
}

/** What plotly drew in each figure of the page, in order. */
export interface DrawnFigure {
  /** Traces in `gd.data`. */
  traces: number;
  /** Scatter traces drawn (`.scatterlayer .trace`). */
  drawnScatter: number;
  /** Points of each trace (`x.length`). */
  points: number[];
  names: string[];
}

/** Waits until `count` figures are drawn by plotly and no static image is left, then describes them. */
export async function drawnFigures(
  page: Page,
  count: number,
  timeout = 15_000,
): Promise<DrawnFigure[]> {
  await page.waitForFunction(
    (n) => {
      const { document } = globalThis as unknown as PageGlobals;
      return (
        document.querySelectorAll(".js-plotly-plot").length >= n &&
        document.querySelectorAll(".nnlab-figure .nnlab-static").length === 0
      );
    },
    count,
    { timeout },
  );
  return page.evaluate(() =>
    [...(globalThis as unknown as PageGlobals).document.querySelectorAll(".js-plotly-plot")].map(
      (el) => {
        const gd = el as unknown as { data: { x?: unknown[]; name?: string }[] };
        return {
          traces: gd.data.length,
          drawnScatter: el.querySelectorAll(".scatterlayer .trace").length,
          points: gd.data.map((t) => (t.x ?? []).length),
          names: gd.data.map((t) => t.name ?? ""),
        };
      },
    ),
  );
}
