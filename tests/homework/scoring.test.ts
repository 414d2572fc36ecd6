import { describe, expect, it } from "vitest";
import { gradedNotebook } from "../../src/homework/graded_notebook";
import type { CellRun, KernelRun } from "../../src/homework/kernel_runner";
import { RESULT_MARK } from "../../src/homework/report";
import { round, runStatus, scoreQuestions } from "../../src/homework/scoring";
import { template } from "./fixtures";

const { student, key } = template();
const graded = gradedNotebook(student, key);

/** A run where every cell is ok unless `cells` says otherwise. */
function runWith(
  cells: Record<number, Partial<CellRun>>,
  failure: KernelRun["failure"] = null,
): KernelRun {
  const all = graded.notebook.cells.map((_, index) => ({
    index,
    status: "ok",
    stdout: "",
    stderr: "",
    ...cells[index],
  }));
  return { cells: all, failure, notebook: graded.notebook, seconds: 1 };
}

const report = (question: string, passed: boolean[]) => {
  const names = key.tests.filter((t) => t.question === question).map((t) => t.name);
  const tests = passed.map((p, i) => ({
    name: names[i],
    passed: p,
    message: p ? "" : "expected 1, got 2",
  }));
  return { stdout: `${RESULT_MARK}${JSON.stringify({ question, tests })}\n` };
};
const reportCell = (q: string) => graded.reportCells.find((r) => r.question === q)!.index;

describe("scoreQuestions", () => {
  it("gives points × passed / tests per question, explaining tests that never ran", () => {
    const q3Tests = graded.testCells.find((t) => t.question === "q3")!.index;
    const run = runWith({
      [reportCell("q1")]: report("q1", [true, true, false]),
      [reportCell("q2")]: { status: "timeout" },
      [q3Tests]: { status: "error", stderr: "1:3 - Cannot find name 'kFold'.\n" },
      [reportCell("q3")]: { stdout: `${RESULT_MARK}{"question":"q3","tests":[]}\n` },
    });
    const scores = scoreQuestions(key, graded, run);
    expect(scores.map((q) => q.score)).toEqual([2.67, 0, 0]); // 4 · 2/3 = 2.666…
    expect(scores[0].tests[2]).toMatchObject({
      passed: false,
      hidden: true,
      message: "expected 1, got 2",
    });
    expect(scores[1].tests[0].message).toBe(
      "the tests ran over the cell time limit (an endless loop?)",
    );
    expect(scores[2].tests[0].message).toBe(
      "the test cell did not run: 1:3 - Cannot find name 'kFold'.",
    );
  });
});

describe("runStatus", () => {
  it("puts a stopped kernel before a slow cell before a failing cell, naming the submitted notebook's cell", () => {
    const failing = { 1: { status: "error", stderr: "Error: boom\n    at x" } };
    expect(runStatus(graded, runWith(failing), 60)).toEqual({
      status: "errors",
      reason: "cell 4 failed: Error: boom at x",
    });
    const slow = { ...failing, [reportCell("q2")]: { status: "timeout" } };
    expect(runStatus(graded, runWith(slow), 60)).toEqual({
      status: "timeout",
      reason: "ran over the cell time limit of 60 s while the tests of q2 ran (an endless loop?)",
    });
    const dead = runWith(slow, { kind: "memory", message: "the kernel used 2100 MB", cell: 2 });
    expect(runStatus(graded, dead, 60)).toEqual({
      status: "memory",
      reason: "the kernel used 2100 MB in cell 6",
    });
    expect(runStatus(graded, runWith({}), 60)).toEqual({ status: "graded", reason: "" });
  });

  it("rounds scores to the cent", () => {
    expect(round((3 * 1) / 3)).toBe(1);
    expect(round(10 / 3)).toBe(3.33);
  });
});
