/**
 * Rich output in a notebook cell: the only file that talks to tslab.
 *
 * A figure goes out as ONE Jupyter `display_data` message carrying a bundle of MIME types,
 * and the front end picks what it can show:
 *
 * - text/html: the interactive plotly figure (a small script queueing it for the page
 *   runtime) around its static image, so a sanitised (untrusted) HTML output still shows it;
 * - image/svg+xml: the static figure, drawn in Node by svg/render_svg.ts (nbconvert's
 *   LaTeX/PDF export, viewers that prefer images);
 * - text/plain: a summary (consoles, logs, `nbclient` reports).
 *
 * How the bundle is sent: tslab's public `display.html()`/`.svg()`/… put one MIME type in
 * each message (two calls make two outputs), but its kernel writes whatever content it is
 * given: `display.raw()` itself calls the kernel's per-cell writer,
 * `require("tslab/dist/jupyter").lastWriteDisplayData(content, update)`, whose `content` is
 * the Jupyter message `{ data: { mime: text, … }, metadata, transient: { display_id } }`
 * and `update` chooses `update_display_data`. nnlab calls that same writer with the whole
 * bundle: the message is exactly what `raw()` sends, only with more MIME types, and the
 * updatable display follows `tslab.newDisplay()`'s protocol (a random display_id,
 * `display_data` first, `update_display_data` after). The writer is internal to tslab (pinned
 * in package.json, checked by the notebook tests); if a tslab without it ever runs this,
 * `send` falls back to the public `newDisplay().html()`: interactive figures, no static
 * copy. `setDisplayTransport` swaps the kernel for a recorder in tests.
 *
 * plotly.js (1.5 MB) is sent once per cell that shows figures, in a separate *carrier*
 * output placed before the cell's first figure; when a later cell sends a carrier, the
 * earlier one is emptied by an `update_display_data` (the page keeps `window.Plotly`), so a
 * saved notebook holds one copy, in the cell run last. A notebook reopened trusted
 * re-runs the saved scripts and draws every figure from that copy; untrusted, or exported
 * without scripts, it shows the static images.
 */
import { randomBytes } from "node:crypto";
import * as tslab from "tslab";
import * as kernel from "tslab/dist/jupyter";
import type { LatexOptions } from "../src/index";
import { type Showable, resolveContent } from "./content";
import { carrierHTML, figureHTML } from "./html";
import { renderSVG } from "./svg/render_svg";

/** A Jupyter display message's content: MIME bundle, metadata, and the transient display id. */
export interface DisplayMessage {
  data: Record<string, string>;
  metadata: Record<string, string>;
  transient: { display_id?: string };
}

/** Where display messages go: the running tslab kernel, or a recorder in tests. */
export interface DisplayTransport {
  /** Sends `display_data`, or `update_display_data` when `update` is true. */
  send(message: DisplayMessage, update: boolean): void;
  /** Identifies the cell execution running now (a new value for every executed cell). */
  execution(): unknown;
}

const NOT_READY =
  "no notebook cell is running (tslab's display is not ready): show() works in a tslab notebook; elsewhere save the figure as a page with toHTML(figure)";

const publicDisplays = new Map<string, ReturnType<typeof tslab.newDisplay>>();

/** The running tslab kernel: its per-cell display writer (see the file comment). */
const tslabTransport: DisplayTransport = {
  send(message, update) {
    const write = kernel.lastWriteDisplayData as typeof kernel.lastWriteDisplayData | undefined;
    if (typeof write === "function") return write(message, update);
    if (write === null) throw new Error(`show: ${NOT_READY}`);
    const id = message.transient.display_id; // a tslab without the writer: one MIME type per output
    const display = id ? (publicDisplays.get(id) ?? tslab.newDisplay()) : tslab.display;
    if (id) publicDisplays.set(id, display);
    display.html(message.data["text/html"] ?? `<pre>${message.data["text/plain"] ?? ""}</pre>`);
  },
  execution: () => kernel.lastWriteDisplayData,
};

let transport: DisplayTransport = tslabTransport;
let carrier: { execution: unknown; id: string } | undefined;

/** Sends displays to `next` (a test's recorder) or, without an argument, to tslab again; returns the previous one. */
export function setDisplayTransport(next?: DisplayTransport): DisplayTransport {
  const previous = transport;
  transport = next ?? tslabTransport;
  carrier = undefined;
  return previous;
}

/** A fresh display id, as `tslab.newDisplay()` makes them (16 hex digits). */
export function newDisplayId(): string {
  return randomBytes(8).toString("hex");
}

/** The MIME bundle of `content`: interactive HTML (live: redrawn in place), static SVG, plain text. */
export function bundleOf(where: string, content: Showable, live?: string): Record<string, string> {
  const { figure, text } = resolveContent(where, content);
  const svg = renderSVG(figure);
  return {
    "text/html": figureHTML(figure, { svg, live, alt: text.split("\n")[0] }),
    "image/svg+xml": svg,
    "text/plain": text,
  };
}

/** Sends the plotly carrier unless this cell execution already has it; empties the previous one. */
function ensureCarrier(): void {
  const execution = transport.execution();
  if (carrier && carrier.execution === execution) return;
  if (carrier)
    transport.send(
      { data: { "text/plain": "" }, metadata: {}, transient: { display_id: carrier.id } },
      true,
    );
  carrier = { execution, id: newDisplayId() };
  transport.send(
    {
      data: { "text/html": carrierHTML(), "text/plain": "" },
      metadata: {},
      transient: { display_id: carrier.id },
    },
    false,
  );
}

/**
 * Shows a figure (or widget) in the cell: interactive plotly where scripts run, the static
 * SVG elsewhere, a text summary in consoles.
 *
 * @example show(learningCurve(history));
 */
export function show(content: Showable): void {
  const data = bundleOf("show", content);
  ensureCarrier();
  transport.send({ data, metadata: {}, transient: {} }, false);
}

/** Sends `data` as display `id`: a new output the first time, an update after. */
export function sendDisplay(id: string, data: Record<string, string>, update: boolean): void {
  if (!update) ensureCarrier();
  transport.send({ data, metadata: {}, transient: { display_id: id } }, update);
}

/** Anything that can write itself as LaTeX, such as a `Tensor`. */
export interface ToLatex {
  toLatex(options?: LatexOptions): string;
}

/**
 * Show `obj` as typeset math: `$$ prefix obj.toLatex(options) $$` (MIME type text/latex).
 *
 * @example showLatex(W, "W =", { decimals: 2 });
 */
export function showLatex(obj: ToLatex, prefix = "", options?: LatexOptions): void {
  tslab.display.latex(`$$ ${prefix} ${obj.toLatex(options)} $$`);
}
