/** Weight initialisers (`nn.init.xavierUniform(w)`): in place, seeded. Re-exports only. */
export { calculateGain } from "./calculate_gain";
export type { Nonlinearity } from "./calculate_gain";
export { computeFans } from "./compute_fans";
export type { Fans, FanMode } from "./compute_fans";
export { constant, zeros, ones } from "./constant";
export { uniform } from "./uniform";
export type { UniformOptions } from "./uniform";
export { normal } from "./normal";
export type { NormalOptions } from "./normal";
export { xavierUniform, xavierNormal } from "./xavier";
export type { XavierOptions } from "./xavier";
export { kaimingUniform, kaimingNormal } from "./kaiming";
export type { KaimingOptions } from "./kaiming";
