import { describe, expect, it } from "vitest";
import { gradedNotebook } from "../../src/homework/graded_notebook";
import { cellSource } from "../../src/homework/notebook";
import { studentWith, template } from "./fixtures";

describe("gradedNotebook", () => {
  const { student, key } = template();

  it("runs the student's code cells, then the key's imports, every key test cell and one report per question", () => {
    const g = gradedNotebook(student, key);
    const sources = g.notebook.cells.map(cellSource);
    expect(g.studentCells).toBe(8); // 11 code cells less 3 test cells
    expect(g.cellNumbers).toEqual([2, 4, 6, 8, 10, 12, 14, 16]);
    expect(sources.slice(0, g.studentCells).some((s) => s.startsWith("// TESTS"))).toBe(false);
    expect(sources[g.studentCells]).toContain("nnlabGrader__.resetTests();");
    expect(g.testCells.map((t) => [t.question, sources[t.index].split("\n")[0]])).toEqual([
      ["q1", "// TESTS q1"],
      ["q2", "// TESTS q2"],
      ["q2", "// HIDDEN TESTS q2"],
      ["q3", "// TESTS q3"],
    ]);
    expect(sources[g.testCells[0].index]).toContain("match PyTorch on a 4×3 batch");
    expect(g.reportCells.map((r) => sources[r.index])).toEqual([
      'nnlabGrader__.report("q1");',
      'nnlabGrader__.report("q2");',
      'nnlabGrader__.report("q3");',
    ]);
  });

  it("ignores a student's edited test cells: the tests come from the key", () => {
    const tampered = studentWith(student, {
      "// TESTS q2": '// TESTS q2\nhomework.test("q2", "x", () => {});',
    });
    const sources = gradedNotebook(tampered, key).notebook.cells.map(cellSource);
    expect(sources.some((s) => s.includes('homework.test("q2", "x"'))).toBe(false);
  });
});
