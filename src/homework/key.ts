import { readFileSync } from "node:fs";
import type { Question } from "./markers";
import { sha256 } from "./notebook";

/** One test as the key lists it; `hidden` tests are never shown to students. */
export interface KeyTest {
  question: string;
  name: string;
  hidden: boolean;
}

/**
 * The grading key `nnlab assign` writes beside the student notebook and never gives out:
 * every test (public and hidden) with the cells that define them, the points, and the
 * hashes of the instructor's and the student's notebooks. Grading takes its tests from
 * here, never from a submission.
 */
export interface GradingKey {
  format: typeof KEY_FORMAT;
  assignment: string;
  /** SHA-256 of the instructor's notebook file the key was made from. */
  notebookHash: string;
  /** SHA-256 of the student notebook handed out with it. */
  studentNotebookHash: string;
  questions: Question[];
  tests: KeyTest[];
  /** The instructor's import lines, run again before the tests (a student may have deleted them). */
  imports: string[];
  /** The instructor's test cells, in notebook order, hidden blocks included. */
  testCells: { question: string; source: string }[];
}

export const KEY_FORMAT = "nnlab-key/1";

/** Reads and checks a key file; the error says what was expected and what the file holds. */
export function readKey(path: string): { key: GradingKey; keyHash: string } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new Error(
      `expected a grading key (from nnlab assign) at ${path}, got: ${(e as Error).message}`,
    );
  }
  let key: Partial<GradingKey>;
  try {
    key = JSON.parse(text) as Partial<GradingKey>;
  } catch (e) {
    throw new Error(
      `${path}: expected a grading key (JSON from nnlab assign), got: ${(e as Error).message}`,
    );
  }
  if (key.format !== KEY_FORMAT || !Array.isArray(key.questions) || !Array.isArray(key.testCells)) {
    throw new Error(
      `${path}: expected a grading key of format "${KEY_FORMAT}" (from nnlab assign), got format ${JSON.stringify(key.format)}`,
    );
  }
  return { key: key as GradingKey, keyHash: sha256(text) };
}

/** Total points of the key's questions. */
export function maxPoints(key: GradingKey): number {
  return key.questions.reduce((s, q) => s + q.points, 0);
}
