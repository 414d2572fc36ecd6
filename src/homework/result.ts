/** One key test's outcome for one student. */
export interface TestResult {
  question: string;
  name: string;
  hidden: boolean;
  passed: boolean;
  /** Why it failed (the test's error, or why it never ran); "" when passed. */
  message: string;
}

/** A question's partial credit: points × (tests passed / tests). */
export interface QuestionScore {
  id: string;
  title: string;
  score: number;
  points: number;
  tests: TestResult[];
}

/**
 * How grading a submission went:
 * - "graded": every cell ran; "errors": some of the student's cells failed, tests ran anyway;
 * - "timeout", "memory", "crashed": the kernel was stopped; tests that had not run score 0;
 * - "malformed": not a readable notebook; "wrong assignment": a notebook of another one.
 */
export type Status =
  "graded" | "errors" | "timeout" | "memory" | "crashed" | "malformed" | "wrong assignment";

/** One student's grade, as results/<student>.json keeps it. */
export interface StudentResult {
  student: string;
  file: string;
  /** SHA-256 of the submitted file and of the key: a re-run regrades only when one changed. */
  fileHash: string;
  keyHash: string;
  status: Status;
  reason: string;
  questions: QuestionScore[];
  total: number;
  maxTotal: number;
  seconds: number;
  gradedAt: string;
}
