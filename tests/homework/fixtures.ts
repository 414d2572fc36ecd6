/**
 * A class of students for the homework tests, made from notebook 15: the instructor's
 * notebook, its student version, and submissions that edit the student version's cells.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { assign } from "../../src/homework/assign";
import {
  cellSource,
  notebookJson,
  parseNotebook,
  sha256,
  type Notebook,
} from "../../src/homework/notebook";

export const ROOT = resolve(__dirname, "..", "..");
export const TEMPLATE = join(ROOT, "notebooks", "15-homework-template.ipynb");

export function instructorNotebook(): Notebook {
  return parseNotebook(readFileSync(TEMPLATE, "utf8"), TEMPLATE);
}

/** The student notebook and key of notebook 15, as `nnlab assign` makes them. */
export function template() {
  const text = readFileSync(TEMPLATE, "utf8");
  return assign(parseNotebook(text, TEMPLATE), "15-homework-template", sha256(text));
}

/** The instructor's code cell that contains `needle` (a solution cell, a test cell). */
export function instructorCell(needle: string): string {
  const cell = instructorNotebook().cells.find(
    (c) => c.cell_type === "code" && cellSource(c).includes(needle),
  );
  if (!cell) throw new Error(`fixtures: no instructor cell contains ${needle}`);
  return cellSource(cell);
}

export const SOLUTIONS = {
  q1: () => instructorCell("function batchNormBackward("),
  q2: () => instructorCell("function adamStep("),
  q3: () => instructorCell("function kFold("),
};

/** A copy of the student notebook where each cell containing a key of `edits` gets its value as source. */
export function studentWith(student: Notebook, edits: Record<string, string>): Notebook {
  const cells = student.cells.map((c) => {
    const needle = Object.keys(edits).find(
      (n) => c.cell_type === "code" && cellSource(c).includes(n),
    );
    return needle === undefined ? c : { ...c, source: edits[needle] };
  });
  return { ...student, cells };
}

/** A student notebook with all three questions solved as the instructor did. */
export function solved(student: Notebook): Notebook {
  return studentWith(student, {
    "function batchNormBackward(": SOLUTIONS.q1(),
    "function adamStep(": SOLUTIONS.q2(),
    "function kFold(": SOLUTIONS.q3(),
  });
}

export { notebookJson };
