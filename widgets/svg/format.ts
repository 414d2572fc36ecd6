/**
 * Text and number helpers of the static SVG renderer: XML escaping, plotly's bits of HTML
 * turned into plain text, pixel coordinates and tick labels.
 */

/** `s` safe inside SVG text and single- or double-quoted attributes. */
export function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/'/g, "&apos;")
    .replace(/"/g, "&quot;");
}

/** Plotly text may carry a little HTML (`<b>`, `<br>`, `<sub>`); the static image shows the words. */
export function plainText(value: unknown): string {
  return String(value ?? "")
    .replace(/<br\s*\/?>/gi, " ")
    .replace(/<[^>]*>/g, "");
}

/** A plotly title, given as a string or as `{ text }`. */
export function titleText(title: unknown): string {
  if (title !== null && typeof title === "object")
    return plainText((title as { text?: unknown }).text);
  return plainText(title);
}

/** A pixel coordinate to 0.1 px, the precision an image needs. */
export function px(v: number): string {
  return String(Math.round(v * 10) / 10);
}

/** About how wide `s` is at font size `size` (sans-serif averages ≈ 0.58 em per character). */
export function textWidth(s: string, size: number): number {
  return s.length * size * 0.58;
}

/**
 * A tick label for `v` on ticks `step` apart: as many decimals as the step needs,
 * "1e-5" style for very large or very small numbers.
 */
export function formatTick(v: number, step: number): string {
  if (Math.abs(v) < step * 1e-9) return "0";
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-4) return formatExponent(v);
  const decimals = Math.max(0, Math.min(10, -Math.floor(Math.log10(step) + 1e-9)));
  return v.toFixed(decimals);
}

/** `v` with up to `digits` significant digits, no trailing zeros: 0.123456 → "0.1235". */
export function formatNumber(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e6 || a < 1e-4)) return formatExponent(v, digits);
  return String(Number(v.toPrecision(digits)));
}

function formatExponent(v: number, digits = 3): string {
  const [mantissa, exponent] = v.toExponential(digits - 1).split("e");
  return `${String(Number(mantissa))}e${Number(exponent)}`;
}
