import type { GradingKey } from "./key";
import { parseTestHeader } from "./markers";
import { cellSource, codeCell, type Notebook } from "./notebook";

/** The notebook the grader runs, and where its own cells are. */
export interface GradedNotebook {
  notebook: Notebook;
  /** How many cells are the student's (they come first). */
  studentCells: number;
  /** For each of the student's cells here, its number (1-based) in the submitted notebook. */
  cellNumbers: number[];
  /** Index of each of the key's test cells, with its question. */
  testCells: { question: string; index: number }[];
  /** Index of each question's report cell. */
  reportCells: { question: string; index: number }[];
}

/**
 * What grading runs: the student's code cells, in order, without their test cells, then
 * the grader's cells: the key's imports and a reset of the test registry, every test cell
 * of the key (hidden ones included), and one `report(question)` cell per question. So the
 * tests come from the key, run after all of the student's code against their final
 * definitions, and a student who edits or deletes test cells changes nothing.
 */
export function gradedNotebook(student: Notebook, key: GradingKey): GradedNotebook {
  const kept = student.cells
    .map((c, i) => ({ c, number: i + 1 }))
    .filter(({ c }) => c.cell_type === "code" && parseTestHeader(cellSource(c)) === null);
  const cells = kept.map(({ c }, i) => codeCell(`student-${i}`, cellSource(c)));
  const cellNumbers = kept.map(({ number }) => number);
  const studentCells = cells.length;
  const prelude = [
    ...new Set(key.imports),
    'import { homework as nnlabGrader__ } from "nnlab";',
    "nnlabGrader__.resetTests();",
  ].join("\n");
  cells.push(codeCell("grader-prelude", prelude));
  const testCells = key.testCells.map((t, i) => {
    cells.push(codeCell(`grader-tests-${i}`, t.source));
    return { question: t.question, index: cells.length - 1 };
  });
  const reportCells = key.questions.map((q) => {
    cells.push(codeCell(`grader-report-${q.id}`, `nnlabGrader__.report(${JSON.stringify(q.id)});`));
    return { question: q.id, index: cells.length - 1 };
  });
  const notebook: Notebook = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells };
  return { notebook, studentCells, cellNumbers, testCells, reportCells };
}
