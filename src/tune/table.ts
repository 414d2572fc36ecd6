import type { Params } from "./space";
import type { Trial } from "./trial";

/** One printable row of `study.table()`: works with `console.table`. */
export type TableRow = Record<string, string | number | null>;

/**
 * The trials as rows: number, status, value, each hyperparameter, epochs trained, seconds,
 * and the error when any trial failed. Numbers keep 4 significant digits.
 */
export function trialRows(trials: readonly Trial[]): TableRow[] {
  const anyFailed = trials.some((t) => t.status === "failed");
  return trials.map((t) => {
    const row: TableRow = { trial: t.number, status: t.status, value: round4(t.value) };
    for (const [k, v] of Object.entries(t.params as Params))
      row[k] = typeof v === "number" ? round4(v) : String(v);
    row.epochs = t.budgetUsed;
    row.seconds = Number(t.seconds.toFixed(2));
    if (anyFailed) row.error = t.error ?? "";
    return row;
  });
}

/** Rows as an aligned text table with a header line (numbers right-aligned). */
export function formatTable(rows: readonly TableRow[]): string {
  if (rows.length === 0) return "(no trials)";
  const columns = Object.keys(rows[0]);
  const cells = rows.map((r) => columns.map((c) => (r[c] === null ? "—" : String(r[c]))));
  const widths = columns.map((c, j) => Math.max(c.length, ...cells.map((row) => row[j].length)));
  const numeric = columns.map((c) => rows.every((r) => typeof r[c] === "number" || r[c] === null));
  const line = (values: string[]) =>
    values
      .map((v, j) => (numeric[j] ? v.padStart(widths[j]) : v.padEnd(widths[j])))
      .join("  ")
      .trimEnd();
  return [line(columns), ...cells.map(line)].join("\n");
}

function round4(x: number | null): number | null {
  return x === null ? null : Number(x.toPrecision(4));
}
