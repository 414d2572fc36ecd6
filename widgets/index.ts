/** nnlab/widgets: figures and notebook display. Re-exports only. */
export { showLatex } from "./display";
export type { ToLatex } from "./display";
