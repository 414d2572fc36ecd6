/**
 * The tests a notebook has registered, by question: `test("q1", "name", fn)` in a test
 * cell stores `fn`; `check("q1")` (and the grader) run them later. A test is a closure over
 * the notebook's top-level names, which tslab reads from its shared exports object at call
 * time, so a test always runs against the student's *current* definitions, even ones
 * redefined in cells after the test cell.
 */

/** A test: throws (e.g. through assertClose) when the student's code is wrong. */
export type TestFn = () => void;

/** What running one test gave. */
export interface TestOutcome {
  name: string;
  passed: boolean;
  /** The error's message for a failed test, "" for a passed one. */
  message: string;
}

type Registry = Map<string, Map<string, TestFn>>;

// On globalThis, so two copies of nnlab in one kernel still share one registry.
const KEY = Symbol.for("nnlab.homework.tests");

function registry(): Registry {
  const g = globalThis as { [KEY]?: Registry };
  return (g[KEY] ??= new Map());
}

/**
 * Registers (or, when its cell runs again, replaces) test `name` of `question`.
 *
 * @example test("q1", "dβ is the column sum of dy", () => assertClose(dbeta, [3, 6]));
 */
export function test(question: string, name: string, fn: TestFn): void {
  if (typeof fn !== "function") {
    throw new TypeError(
      `test("${question}", "${name}"): expected a function as the test, got ${typeof fn}`,
    );
  }
  const tests = registry().get(question) ?? new Map<string, TestFn>();
  tests.set(name, fn);
  registry().set(question, tests);
}

/** Forgets every registered test (the grader does this before adding the key's). */
export function resetTests(): void {
  registry().clear();
}

/** The questions that have tests, in registration order. */
export function questionsWithTests(): string[] {
  return [...registry().keys()];
}

/** Runs the tests of `question` in registration order; a throwing test fails, the rest still run. */
export function runTests(question: string): TestOutcome[] {
  const tests = registry().get(question) ?? new Map<string, TestFn>();
  return [...tests].map(([name, fn]) => {
    try {
      const result: unknown = fn();
      if (result instanceof Promise) {
        result.catch(() => undefined);
        return {
          name,
          passed: false,
          message: "the test returned a Promise; tests must be synchronous",
        };
      }
      return { name, passed: true, message: "" };
    } catch (e) {
      return { name, passed: false, message: e instanceof Error ? `${e.message}` : String(e) };
    }
  });
}
