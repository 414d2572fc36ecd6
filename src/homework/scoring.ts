import type { GradedNotebook } from "./graded_notebook";
import type { GradingKey } from "./key";
import type { KernelRun } from "./kernel_runner";
import { parseReport } from "./report";
import type { QuestionScore, Status } from "./result";

/**
 * Partial credit per question, from the report cells of a graded run:
 *
 * $$ \text{score}_q = \text{points}_q \cdot \frac{\#\{\text{tests of } q \text{ passed}\}}{\#\{\text{tests of } q \text{ in the key}\}} $$
 *
 * A key test missing from the report failed, with why it never ran (its test cell did not
 * compile against the student's code, the tests ran over the time limit, the kernel died).
 */
export function scoreQuestions(
  key: GradingKey,
  graded: GradedNotebook,
  run: KernelRun,
): QuestionScore[] {
  const cellOf = new Map(run.cells.map((c) => [c.index, c]));
  return key.questions.map((q) => {
    const reportCell = cellOf.get(graded.reportCells.find((r) => r.question === q.id)!.index);
    const outcomes = parseReport(reportCell?.stdout ?? "", q.id) ?? [];
    const brokenTestCell = graded.testCells
      .filter((t) => t.question === q.id)
      .map((t) => cellOf.get(t.index))
      .find((c) => c && c.status !== "ok");
    const tests = key.tests
      .filter((t) => t.question === q.id)
      .map((t) => {
        const outcome = outcomes.find((o) => o.name === t.name);
        if (outcome) return { ...t, passed: outcome.passed, message: outcome.message };
        let message = "the test did not run";
        if (reportCell?.status === "timeout")
          message = "the tests ran over the cell time limit (an endless loop?)";
        else if (run.failure) message = `the test did not run: ${run.failure.message}`;
        else if (brokenTestCell)
          message = `the test cell did not run: ${firstLines(brokenTestCell.stderr)}`;
        return { ...t, passed: false, message };
      });
    const passed = tests.filter((t) => t.passed).length;
    return {
      id: q.id,
      title: q.title,
      points: q.points,
      score: round((q.points * passed) / tests.length),
      tests,
    };
  });
}

/**
 * The run's status and its reason, naming cells by their number in the submitted notebook:
 * a stopped kernel first, then a cell over the time limit, then a failing student cell.
 */
export function runStatus(
  graded: GradedNotebook,
  run: KernelRun,
  cellTimeoutS: number,
): { status: Status; reason: string } {
  const where = (index: number | undefined) =>
    index === undefined
      ? ""
      : index < graded.studentCells
        ? ` in cell ${graded.cellNumbers[index]}`
        : ` while the tests of ${testsAt(graded, index)} ran`;
  if (run.failure) {
    const status = run.failure.kind === "startup" ? "crashed" : run.failure.kind;
    return { status, reason: run.failure.message + where(run.failure.cell) };
  }
  const slow = run.cells.find((c) => c.status === "timeout");
  if (slow) {
    return {
      status: "timeout",
      reason: `ran over the cell time limit of ${cellTimeoutS} s${where(slow.index)} (an endless loop?)`,
    };
  }
  const failed = run.cells.find((c) => c.index < graded.studentCells && c.status !== "ok");
  if (failed) {
    return {
      status: "errors",
      reason: `cell ${graded.cellNumbers[failed.index]} failed: ${firstLines(failed.stderr)}`,
    };
  }
  return { status: "graded", reason: "" };
}

function testsAt(graded: GradedNotebook, index: number): string {
  const cell = [...graded.testCells, ...graded.reportCells].find((c) => c.index === index);
  return cell ? cell.question : "the grader";
}

/** The first lines of an error text, for one-line reasons. */
function firstLines(text: string): string {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  return lines.slice(0, 2).join(" ").slice(0, 300) || "no error text";
}

/** Scores to the cent, so 4 · 1/3 prints as 1.33. */
export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
