import { describe, expect, it } from "vitest";
import {
  parseQuestion,
  parseTestHeader,
  replaceBlocks,
  solutionStub,
  testCalls,
} from "../../src/homework/markers";

describe("assignment markers", () => {
  it("reads a question heading's id, title and points", () => {
    expect(parseQuestion("### Question q1: BatchNorm backward (4 points)\n\ntext")).toEqual({
      id: "q1",
      title: "BatchNorm backward",
      points: 4,
    });
    expect(parseQuestion("## Question q2b (1.5 point)")).toEqual({
      id: "q2b",
      title: "q2b",
      points: 1.5,
    });
    expect(parseQuestion("### Questions about q1")).toBeNull();
  });

  it("tells public and hidden test cells by their first line", () => {
    expect(parseTestHeader("\n// TESTS q1\nhomework.test(…)")).toEqual({
      question: "q1",
      hidden: false,
    });
    expect(parseTestHeader("// HIDDEN TESTS q3")).toEqual({ question: "q3", hidden: true });
    expect(parseTestHeader("const x = 1; // TESTS q1")).toBeNull();
  });

  it("lists the test(question, name) calls of a source", () => {
    const src = `homework.test("q1", "shape", () => {});\nhomework.test('q1', 'values', () => {});`;
    expect(testCalls(src)).toEqual([
      ["q1", "shape"],
      ["q1", "values"],
    ]);
  });

  it("replaces a solution block by an indented stub that throws", () => {
    const src = "function f() {\n  // BEGIN SOLUTION\n  return 42;\n  // END SOLUTION\n}";
    const { source, count } = replaceBlocks(src, "SOLUTION", solutionStub, "hw: cell 2");
    expect(count).toBe(1);
    expect(source).toBe(
      'function f() {\n  // YOUR CODE HERE\n  throw new Error("not implemented");\n}',
    );
  });

  it("removes hidden blocks when the replacement is null", () => {
    const src = "a\n// BEGIN HIDDEN TESTS\nb\n// END HIDDEN TESTS\nc";
    expect(replaceBlocks(src, "HIDDEN TESTS", () => null, "w").source).toBe("a\nc");
  });

  it("names the cell and line of an unclosed or unopened block", () => {
    expect(() =>
      replaceBlocks("x\n// BEGIN SOLUTION\ny", "SOLUTION", solutionStub, "hw: cell 4"),
    ).toThrow('hw: cell 4, line 2: "// BEGIN SOLUTION" is never closed; add "// END SOLUTION"');
    expect(() => replaceBlocks("// END SOLUTION", "SOLUTION", solutionStub, "hw: cell 1")).toThrow(
      'hw: cell 1, line 1: "// END SOLUTION" without a "// BEGIN SOLUTION" before it',
    );
  });
});
