import type { StudentResult } from "./result";

/** One test in Gradescope's autograder results format. */
export interface GradescopeTest {
  name: string;
  number: string;
  score: number;
  max_score: number;
  status: "passed" | "failed";
  output: string;
  visibility: "visible" | "after_published";
}

/**
 * A student's results.json in the Gradescope autograder format: the total, the run time,
 * the status as top-level output, and each test worth its share of its question's points.
 * Hidden tests are "after_published" and carry no message.
 */
export function gradescopeResults(r: StudentResult): {
  score: number;
  execution_time: number;
  output: string;
  tests: GradescopeTest[];
} {
  const tests = r.questions.flatMap((q) =>
    q.tests.map((t, i) => {
      const share = q.points / q.tests.length;
      return {
        name: `${q.id}: ${t.name}`,
        number: `${q.id}.${i + 1}`,
        score: t.passed ? share : 0,
        max_score: share,
        status: t.passed ? ("passed" as const) : ("failed" as const),
        output: t.hidden ? "" : t.message,
        visibility: t.hidden ? ("after_published" as const) : ("visible" as const),
      };
    }),
  );
  const output = r.reason ? `${r.status}: ${r.reason}` : r.status;
  return { score: r.total, execution_time: Math.round(r.seconds), output, tests };
}
