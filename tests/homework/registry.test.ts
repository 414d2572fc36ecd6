import { beforeEach, describe, expect, it } from "vitest";
import { questionsWithTests, resetTests, runTests, test } from "../../src/homework/registry";

describe("the test registry", () => {
  beforeEach(() => resetTests());

  it("runs a question's tests in order; a throwing test fails, the others still run", () => {
    test("q1", "passes", () => {});
    test("q1", "fails", () => {
      throw new Error("expected 1, got 2");
    });
    test("q1", "also passes", () => {});
    expect(runTests("q1")).toEqual([
      { name: "passes", passed: true, message: "" },
      { name: "fails", passed: false, message: "expected 1, got 2" },
      { name: "also passes", passed: true, message: "" },
    ]);
  });

  it("runs a test against the current value of what it closes over", () => {
    let f = (x: number) => x;
    test("q1", "doubles", () => {
      if (f(2) !== 4) throw new Error(`expected 4, got ${f(2)}`);
    });
    expect(runTests("q1")[0].passed).toBe(false);
    f = (x: number) => 2 * x; // the student fixes the function in a later cell
    expect(runTests("q1")[0].passed).toBe(true);
  });

  it("replaces a test registered again under the same name (a cell run twice)", () => {
    test("q2", "t", () => {
      throw new Error("old");
    });
    test("q2", "t", () => {});
    expect(runTests("q2")).toEqual([{ name: "t", passed: true, message: "" }]);
    expect(questionsWithTests()).toEqual(["q2"]);
  });

  it("fails an async test instead of waiting for it", () => {
    test("q3", "async", (async () => {}) as unknown as () => void);
    expect(runTests("q3")[0]).toMatchObject({
      passed: false,
      message: expect.stringMatching(/synchronous/),
    });
  });

  it("forgets everything on reset", () => {
    test("q1", "t", () => {});
    resetTests();
    expect(runTests("q1")).toEqual([]);
  });
});
