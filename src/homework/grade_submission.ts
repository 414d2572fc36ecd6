import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gradedNotebook } from "./graded_notebook";
import { maxPoints, type GradingKey } from "./key";
import { runInKernel, type KernelLimits, type KernelRun } from "./kernel_runner";
import { parseNotebook, sha256, type Notebook } from "./notebook";
import { packageRoot } from "./package_root";
import type { QuestionScore, Status, StudentResult } from "./result";
import { round, runStatus, scoreQuestions } from "./scoring";
import { readSubmission } from "./submission_file";

/**
 * Grades one submission file (of `student`, as submissionId says) against the key: reads it
 * (zip or .ipynb), checks it is a notebook of this assignment, runs it with the key's tests
 * in a fresh kernel in an empty scratch folder (only `node_modules/nnlab` in it: no key, no
 * other student's file), and scores each question by the share of its tests passed. A
 * submission that cannot be graded gets 0 and the reason; only a grader that cannot start
 * a kernel at all throws (grading the rest would give everyone 0).
 */
export async function gradeSubmission(
  path: string,
  student: string,
  key: GradingKey,
  keyHash: string,
  limits: KernelLimits = {},
): Promise<StudentResult> {
  const started = Date.now();
  const result = (status: Status, reason: string, questions: QuestionScore[]): StudentResult => ({
    ...{
      student,
      file: path,
      fileHash: sha256(readFileSync(path)),
      keyHash,
      status,
      reason,
      questions,
    },
    total: round(questions.reduce((s, q) => s + q.score, 0)),
    maxTotal: maxPoints(key),
    seconds: (Date.now() - started) / 1000,
    gradedAt: new Date().toISOString(),
  });
  const zeros = key.questions.map((q) => ({
    id: q.id,
    title: q.title,
    points: q.points,
    score: 0,
    tests: [],
  }));
  const loaded = loadNotebook(path, key);
  if ("status" in loaded) return result(loaded.status, loaded.reason, zeros);
  const graded = gradedNotebook(loaded.nb, key);
  const run = await runInScratch(graded.notebook, limits);
  if (run.failure?.kind === "startup") {
    throw new Error(
      `nnlab grade: no kernel could be started for ${path} (${run.failure.message}); is Jupyter set up (./lab setup)?`,
    );
  }
  const { status, reason } = runStatus(graded, run, limits.cellTimeoutS ?? 60);
  return result(status, reason, scoreQuestions(key, graded, run));
}

/** The submission's notebook, or why it cannot be graded: malformed, or of another assignment. */
function loadNotebook(
  path: string,
  key: GradingKey,
): { nb: Notebook } | { status: Status; reason: string } {
  let nb: Notebook;
  let manifestAssignment: string | undefined;
  try {
    const submission = readSubmission(path);
    manifestAssignment = submission.manifest?.assignment;
    nb = parseNotebook(submission.notebookText, path);
  } catch (e) {
    return { status: "malformed", reason: (e as Error).message };
  }
  const assignment =
    (nb.metadata.nnlab as { assignment?: string } | undefined)?.assignment ?? manifestAssignment;
  if (assignment !== undefined && assignment !== key.assignment) {
    const reason = `expected a notebook of assignment "${key.assignment}", got one of "${assignment}"`;
    return { status: "wrong assignment", reason };
  }
  return { nb };
}

/** Runs in a fresh, empty scratch folder holding only the `nnlab` link; removes it after. */
async function runInScratch(nb: Notebook, limits: KernelLimits): Promise<KernelRun> {
  const scratch = mkdtempSync(join(tmpdir(), "nnlab-grade-"));
  try {
    mkdirSync(join(scratch, "node_modules"));
    symlinkSync(packageRoot(), join(scratch, "node_modules", "nnlab"), "dir");
    return await runInKernel(nb, scratch, limits);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
