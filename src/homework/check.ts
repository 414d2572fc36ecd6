import { questionsWithTests, runTests, type TestOutcome } from "./registry";

/**
 * Runs the public tests of `question` against the notebook's current definitions and
 * prints a short result: which tests passed, and for a failing one its message (e.g.
 * assertClose's "expected 0.999 ± 1e-4, got 0.9968"). Never throws, so the notebook goes
 * on; prints on stdout only, never stderr (where tslab reports a failing cell).
 *
 * @example check("q1")  // q1: 2 of 3 tests passed … ✗ dx matches autograd: expected …
 */
export function check(question: string): void {
  const outcomes = runTests(question);
  if (outcomes.length === 0) {
    const known = questionsWithTests();
    console.log(
      `check("${question}"): no tests of ${question} are registered yet; run its "// TESTS ${question}" cell first` +
        (known.length > 0 ? ` (questions with tests: ${known.join(", ")})` : ""),
    );
    return;
  }
  console.log(formatCheck(question, outcomes));
}

/** The text `check` prints for a question's outcomes. */
export function formatCheck(question: string, outcomes: TestOutcome[]): string {
  const passed = outcomes.filter((o) => o.passed).length;
  const head =
    passed === outcomes.length
      ? `${question}: all ${outcomes.length} tests passed`
      : `${question}: ${passed} of ${outcomes.length} tests passed`;
  const lines = outcomes.map((o) => (o.passed ? `  ✓ ${o.name}` : `  ✗ ${o.name}: ${o.message}`));
  return [head, ...lines].join("\n");
}
