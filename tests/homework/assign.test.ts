import { describe, expect, it } from "vitest";
import { assign } from "../../src/homework/assign";
import { cellSource, codeCell, type Cell, type Notebook } from "../../src/homework/notebook";
import { template } from "./fixtures";

function nb(...cells: Cell[]): Notebook {
  return { nbformat: 4, nbformat_minor: 5, metadata: {}, cells };
}
const md = (source: string): Cell => ({ cell_type: "markdown", metadata: {}, source });

describe("assign", () => {
  const { student, key } = template();

  it("keeps notebook 15's questions, points and every test in the key, hidden ones marked", () => {
    expect(key.questions.map((q) => [q.id, q.points])).toEqual([
      ["q1", 4],
      ["q2", 3],
      ["q3", 3],
    ]);
    expect(key.tests.filter((t) => t.hidden).map((t) => t.name)).toEqual([
      "dx, dγ and dβ match PyTorch on a 4×3 batch",
      "five steps match torch.optim.Adam",
      "the folds match scikit-learn on n = 10, k = 3",
      "k = n is leave-one-out",
    ]);
    expect(key.tests).toHaveLength(10);
    expect(key.imports).toEqual([
      'import { tensor, assertClose, check, homework, optim, data, manualSeed } from "nnlab";',
    ]);
  });

  it("gives students no hidden test, no solution and no output", () => {
    const text = JSON.stringify(student);
    for (const t of key.tests.filter((t) => t.hidden)) expect(text).not.toContain(t.name);
    const code = student.cells
      .filter((c) => c.cell_type === "code")
      .map(cellSource)
      .join("\n");
    for (const secret of ["sumDyXHat", "BEGIN SOLUTION", "HIDDEN TESTS", "torch 1.13"])
      expect(code).not.toContain(secret);
    expect(text).not.toContain("0.5079636619");
    expect(student.cells.every((c) => (c.outputs ?? []).length === 0 && !c.execution_count)).toBe(
      true,
    );
    expect(student.metadata.nnlab).toEqual({ assignment: "15-homework-template" });
  });

  it("keeps the public tests for check()", () => {
    const tests = student.cells.map(cellSource).filter((s) => s.startsWith("// TESTS"));
    expect(tests.map((s) => s.split("\n")[0])).toEqual([
      "// TESTS q1",
      "// TESTS q2",
      "// TESTS q3",
    ]);
    expect(tests.join("\n")).toContain('"the folds match data.KFold"');
  });

  it("refuses a test of an undeclared question, naming the questions there are", () => {
    const bad = nb(
      md("### Question q1: a (1 point)"),
      codeCell("t", '// TESTS q2\nhomework.test("q2", "x", () => {});'),
    );
    expect(() => assign(bad, "hw", "h")).toThrow(
      'hw: test "x" is for q2, but the questions are [q1]',
    );
  });

  it("refuses a test cell whose tests belong to another question", () => {
    const bad = nb(
      md("### Question q1: a (1 point)"),
      codeCell("t", '// TESTS q1\nhomework.test("q2", "x", () => {});'),
    );
    expect(() => assign(bad, "hw", "h")).toThrow(
      'hw: cell 2: expected tests of q1 (the cell\'s header), got test("q2", "x")',
    );
  });

  it("refuses a question without tests and a notebook without questions", () => {
    expect(() => assign(nb(md("### Question q1: a (1 point)")), "hw", "h")).toThrow(
      "question q1 has no tests",
    );
    expect(() => assign(nb(codeCell("c", "1")), "hw", "h")).toThrow(
      "expected at least one question heading",
    );
  });
});
