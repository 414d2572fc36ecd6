import type { Figure } from "./figures/figure";
import { figureText } from "./text";

/**
 * A widget: something that draws itself as a plotly figure, with its own plain-text line
 * (a live learning curve reports "epoch 3, loss 0.31" rather than trace sizes).
 */
export interface Widget {
  toFigure(): Figure;
  toText?(): string;
}

/** What `show`, `toHTML` and a live display take: a plotly figure or a widget. */
export type Showable = Figure | Widget;

/** The figure of `content` and its text/plain summary; a clear error for anything else. */
export function resolveContent(where: string, content: Showable): { figure: Figure; text: string } {
  if (
    content !== null &&
    typeof content === "object" &&
    typeof (content as Widget).toFigure === "function"
  ) {
    const widget = content as Widget;
    const figure = widget.toFigure();
    return { figure, text: widget.toText?.() ?? figureText(figure) };
  }
  const figure = content as Figure;
  if (figure === null || typeof figure !== "object" || !Array.isArray(figure.data)) {
    throw new TypeError(
      `${where}: expected a figure { data: [traces], layout } (such as learningCurve(history)) or a widget with toFigure(), got ${figure === null ? "null" : typeof figure}`,
    );
  }
  return { figure: { ...figure, layout: figure.layout ?? {} }, text: figureText(figure) };
}
