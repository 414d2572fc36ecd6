/**
 * A plotly figure as plain data: what every widget builds and what tests assert on.
 * Builders in widgets/figures/ are pure functions (History | Study | splits | tensors →
 * Figure); only widgets/display.ts sends figures to the notebook.
 */

/** One plotly trace (`{ type: "scatter", x, y, mode, name, … }`); see plotly's reference. */
export type Trace = { type: string; name?: string } & Record<string, unknown>;

/** Plotly's layout object (axes, titles, annotations, updatemenus, sliders, …). */
export type Layout = Record<string, unknown>;

export interface Figure {
  data: Trace[];
  layout: Layout;
  /** Plotly config (responsive, displaylogo, …); optional. */
  config?: Record<string, unknown>;
}
