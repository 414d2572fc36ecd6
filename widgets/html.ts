import { readFileSync } from "node:fs";
import { type Showable, resolveContent } from "./content";
import type { Figure } from "./figures/figure";
import { pageRuntime } from "./page_runtime";
import { escapeXml } from "./svg/format";
import { renderSVG } from "./svg/render_svg";

/**
 * The HTML of nnlab's figures. plotly.js (the offline cartesian bundle, `plotly.js-cartesian-dist-min`:
 * scatter, bar, histogram, heatmap, contour) is never fetched from a CDN: its source travels
 * inside one output, the *carrier* (`carrierHTML`), together with the page runtime
 * (page_runtime.ts). Each figure's own output (`figureHTML`) is small: its static SVG as an
 * `<img>` (what shows where scripts do not run) and a script that queues the figure for the
 * runtime, so figures rendered before the carrier — a reopened notebook whose carrier sits
 * in a later cell — wait for it, and each one is drawn the moment plotly is there.
 */

const PLOTLY_PACKAGE = "plotly.js-cartesian-dist-min";
let plotly: { source: string; version: string } | undefined;

/** plotly.js's source and version, read once from the npm package. */
export function plotlyBundle(): { source: string; version: string } {
  if (!plotly) {
    const file = require.resolve(PLOTLY_PACKAGE);
    const pkg = JSON.parse(
      readFileSync(require.resolve(`${PLOTLY_PACKAGE}/package.json`), "utf8"),
    ) as { version: string };
    plotly = { source: readFileSync(file, "utf8"), version: pkg.version };
  }
  return plotly;
}

/** The version stamp of the page runtime: nnlab's widgets with this plotly. */
function runtimeVersion(): string {
  return `nnlab-widgets-1/plotly-${plotlyBundle().version}`;
}

/**
 * The carrier: plotly.js (evaluated only where `window.Plotly` is missing or another version)
 * and the page runtime, then a drain of the figures waiting. The bundle runs inside a
 * function whose `define`, `module` and `exports` are undefined, so it sets `window.Plotly`
 * even in the classic notebook, where require.js defines a global `define`.
 */
export function carrierHTML(): string {
  const { source, version } = plotlyBundle();
  const guarded =
    `if (!window.Plotly || window.Plotly.version !== ${JSON.stringify(version)}) {\n` +
    `(function (define, module, exports) {\n${source}\n}).call(window);\n}`;
  return `<script type="text/javascript">${scriptSafe(guarded)}</script>\n<script type="text/javascript">${scriptSafe(pageRuntime(runtimeVersion()))}</script>`;
}

/** Options of `figureHTML`. */
export interface FigureHTMLOptions {
  /** The element id (unique in the page). Default: a random one. */
  id?: string;
  /** A live display's id: the runtime redraws its plot in place across updates. */
  live?: string;
  /** The static SVG, when already rendered. */
  svg?: string;
  /** The image's alternative text. */
  alt?: string;
}

/**
 * One figure's output: a `<div>` holding the static SVG as an `<img>` (kept by every HTML
 * sanitiser: the classic notebook's and JupyterLab's allow `data:` images), and a script
 * that queues the figure for the page runtime.
 */
export function figureHTML(figure: Figure, options: FigureHTMLOptions = {}): string {
  const id = options.id ?? `nnlab-${Math.random().toString(36).slice(2, 12)}`;
  const svg = options.svg ?? renderSVG(figure);
  const height = Number(figure.layout?.height ?? 450);
  const item = [id, figure, options.live ? { live: options.live } : {}];
  return (
    `<div class="nnlab-figure" id="${id}" style="width:100%;min-height:${height}px">` +
    `<img class="nnlab-static" alt="${escapeXml(options.alt ?? "")}" src="${svgDataURI(svg)}" style="max-width:100%;height:auto"/></div>\n` +
    `<script type="text/javascript">(window.nnlabQueue = window.nnlabQueue || []).push(${scriptSafe(figureJSON(item))});` +
    `if (window.nnlab) window.nnlab.drain();</script>`
  );
}

/**
 * A standalone page showing `content` (one figure or widget, or several), plotly inlined:
 * open it in any browser, offline. `title` names the page.
 *
 * @example writeFileSync("curve.html", toHTML(learningCurve(history)));
 */
export function toHTML(content: Showable | Showable[], options: { title?: string } = {}): string {
  const items = (Array.isArray(content) ? content : [content]).map((c) =>
    resolveContent("toHTML", c),
  );
  const figures = items
    .map(({ figure, text }, i) =>
      figureHTML(figure, { id: `nnlab-figure-${i}`, alt: text.split("\n")[0] }),
    )
    .join("\n");
  const title = escapeXml(options.title ?? items[0]?.text.split("\n")[0] ?? "nnlab");
  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n` +
    `<style>body { font-family: sans-serif; margin: 16px; } .nnlab-figure { margin-bottom: 24px; }</style>\n</head>\n<body>\n` +
    `${carrierHTML()}\n${figures}\n</body>\n</html>\n`
  );
}

/**
 * JSON of a figure for the page, numbers cut to 6 significant digits (integers kept): a
 * 10⁴-step history is half the size, and no plot can show the difference.
 */
export function figureJSON(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === "number" && Number.isFinite(v) && !Number.isInteger(v))
      return Number(v.toPrecision(6));
    if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
    return v;
  });
}

/** `svg` as a `data:` URL for an `<img src="…">`: percent-encodes only what a URL or the attribute needs. */
export function svgDataURI(svg: string): string {
  const encoded = svg
    .replace(/%/g, "%25")
    .replace(/#/g, "%23")
    .replace(/"/g, "%22")
    .replace(/\n/g, "%0A");
  return `data:image/svg+xml;charset=utf-8,${encoded.replace(/&/g, "&amp;").replace(/</g, "%3C").replace(/>/g, "%3E")}`;
}

/** Text safe inside `<script>`: no `</script`, no `<!--` (both only occur in JS strings, where the escape means the same). */
export function scriptSafe(js: string): string {
  return js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}
