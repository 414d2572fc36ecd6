/**
 * Rich output in a notebook cell: the only file that talks to tslab.
 *
 * tslab prints a cell's last value with `console.log` (plain text, through
 * `util.inspect`); anything richer goes through `tslab.display`, which sends a
 * Jupyter `display_data` message with one MIME type.
 */
import * as tslab from "tslab";
import type { LatexOptions } from "../src/index";

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
