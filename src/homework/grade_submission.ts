import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gradedNotebook, type GradedNotebook } from "./graded_notebook";
import { maxPoints, type GradingKey } from "./key";
import { runInKernel, type KernelLimits, type KernelRun } from "./kernel_runner";
import { parseNotebook, type Notebook } from "./notebook";
import { packageRoot } from "./package_root";
import { parseReport } from "./report";
import type { QuestionScore, Status, StudentResult } from "./result";
import { readSubmission, type Submission } from "./submission_file";

/**
 * Grades one submission file (of `student`, as submissionId says) against the key: reads it (zip or .ipynb), checks it is a
 * notebook of this assignment, runs it with the key's tests in a fresh kernel in an empty
 * scratch folder (only `node_modules/nnlab` in it: no key, no other student's file), and
 * scores each question by the share of its tests passed. A submission that cannot be graded
 * gets 0 and the reason; only a grader that cannot start a kernel at all throws (grading
 * the rest would give everyone 0).
 */
export async function gradeSubmission(
  path: string,
  student: string,
  key: GradingKey,
  keyHash: string,
  limits: KernelLimits = {},
): Promise<StudentResult> {
  const started = Date.now();
  let submission: Submission;
  try {
    submission = readSubmission(path);
  } catch (e) {
    return unscored(
      path,
      { student, fileHash: "" },
      key,
      keyHash,
      "malformed",
      (e as Error).message,
      started,
    );
  }
  submission = { ...submission, student };
  let nb: Notebook;
  try {
    nb = parseNotebook(submission.notebookText, path);
  } catch (e) {
    return unscored(path, submission, key, keyHash, "malformed", (e as Error).message, started);
  }
  const assignment =
    (nb.metadata.nnlab as { assignment?: string } | undefined)?.assignment ??
    submission.manifest?.assignment;
  if (assignment !== undefined && assignment !== key.assignment) {
    const why = `expected a notebook of assignment "${key.assignment}", got one of "${assignment}"`;
    return unscored(path, submission, key, keyHash, "wrong assignment", why, started);
  }
  const graded = gradedNotebook(nb, key);
  const scratch = mkdtempSync(join(tmpdir(), "nnlab-grade-"));
  let run: KernelRun;
  try {
    mkdirSync(join(scratch, "node_modules"));
    symlinkSync(packageRoot(), join(scratch, "node_modules", "nnlab"), "dir");
    run = await runInKernel(graded.notebook, scratch, limits);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  if (run.failure?.kind === "startup") {
    throw new Error(
      `nnlab grade: no kernel could be started for ${path} (${run.failure.message}); is Jupyter set up (./lab setup)?`,
    );
  }
  const questions = scoreQuestions(key, graded, run);
  const { status, reason } = runStatus(graded, run, limits.cellTimeoutS ?? 60);
  return {
    ...identity(path, submission, keyHash),
    status,
    reason,
    questions,
    total: round(questions.reduce((s, q) => s + q.score, 0)),
    maxTotal: maxPoints(key),
    seconds: (Date.now() - started) / 1000,
    gradedAt: new Date().toISOString(),
  };
}

/** What the run's status was, and why, naming cells by their number in the submitted notebook. */
function runStatus(
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
    return {
      status: run.failure.kind === "startup" ? "crashed" : run.failure.kind, // startup threw above
      reason: run.failure.message + where(run.failure.cell),
    };
  }
  const slow = run.cells.find((c) => c.status === "timeout");
  if (slow)
    return {
      status: "timeout",
      reason: `ran over the cell time limit of ${cellTimeoutS} s${where(slow.index)} (an endless loop?)`,
    };
  const failed = run.cells.find((c) => c.index < graded.studentCells && c.status !== "ok");
  if (failed)
    return {
      status: "errors",
      reason: `cell ${graded.cellNumbers[failed.index]} failed: ${firstLines(failed.stderr)}`,
    };
  return { status: "graded", reason: "" };
}

function testsAt(graded: GradedNotebook, index: number): string {
  const cell = [...graded.testCells, ...graded.reportCells].find((c) => c.index === index);
  return cell ? cell.question : "the grader";
}

function scoreQuestions(key: GradingKey, graded: GradedNotebook, run: KernelRun): QuestionScore[] {
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

function unscored(
  path: string,
  submission: Pick<Submission, "student" | "fileHash">,
  key: GradingKey,
  keyHash: string,
  status: Status,
  reason: string,
  started: number,
): StudentResult {
  const questions = key.questions.map((q) => ({
    id: q.id,
    title: q.title,
    points: q.points,
    score: 0,
    tests: [],
  }));
  return {
    ...identity(path, submission, keyHash),
    status,
    reason,
    questions,
    total: 0,
    maxTotal: maxPoints(key),
    seconds: (Date.now() - started) / 1000,
    gradedAt: new Date().toISOString(),
  };
}

function identity(path: string, s: Pick<Submission, "student" | "fileHash">, keyHash: string) {
  return { student: s.student, file: path, fileHash: s.fileHash, keyHash };
}

/** The first lines of an error text, for one-line reasons. */
function firstLines(text: string): string {
  const lines = text
    .trim()
    .split("\n")
    .filter((l) => l.trim() !== "");
  return (lines.slice(0, 2).join(" ").slice(0, 300) || "no error text").trim();
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
