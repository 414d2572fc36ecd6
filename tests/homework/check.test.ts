import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { check, formatCheck } from "../../src/homework/check";
import { runInKernel } from "../../src/homework/kernel_runner";
import { codeCell } from "../../src/homework/notebook";
import { resetTests, test } from "../../src/homework/registry";
import { assertClose } from "../../src/testing/assert_close";
import { ROOT } from "./fixtures";

describe("check", () => {
  let log: string[] = [];
  beforeEach(() => {
    resetTests();
    log = [];
    vi.spyOn(console, "log").mockImplementation((s: string) => void log.push(s));
  });
  afterEach(() => vi.restoreAllMocks());

  it("prints which test failed with assertClose's expected, got and tolerance, and does not throw", () => {
    test("q2", "first step", () => assertClose(0.9968, 0.999, { atol: 1e-4, rtol: 0, label: "θ" }));
    test("q2", "shape", () => {});
    const error = vi.spyOn(console, "error");
    expect(() => check("q2")).not.toThrow();
    expect(log).toEqual([
      "q2: 1 of 2 tests passed\n  ✗ first step: assertClose(θ): expected 0.999 ± 0.0001, got 0.9968\n  ✓ shape",
    ]);
    expect(error).not.toHaveBeenCalled(); // stderr is where tslab reports failing cells
  });

  it("says when every test passes", () => {
    expect(formatCheck("q1", [{ name: "a", passed: true, message: "" }])).toBe(
      "q1: all 1 tests passed\n  ✓ a",
    );
  });

  it("says which cell to run when a question has no tests yet", () => {
    test("q1", "a", () => {});
    check("q3");
    expect(log[0]).toBe(
      'check("q3"): no tests of q3 are registered yet; run its "// TESTS q3" cell first (questions with tests: q1)',
    );
  });

  it("in a tslab kernel, runs against a function redefined in a cell after the test cell", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "nnlab-check-"));
    mkdirSync(join(cwd, "node_modules"));
    symlinkSync(ROOT, join(cwd, "node_modules", "nnlab"));
    const cells = [
      'import { check, homework, assertClose } from "nnlab";',
      "function double(x: number): number {\n  return x + 2;\n}",
      '// TESTS q1\nhomework.test("q1", "double(3) is 6", () => assertClose(double(3), 6, { atol: 1e-9, rtol: 0, label: "double(3)" }));',
      'check("q1");',
      "function double(x: number): number {\n  return 2 * x;\n}",
      'check("q1");',
    ].map((s, i) => codeCell(`c${i}`, s));
    const run = await runInKernel({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }, cwd);
    rmSync(cwd, { recursive: true, force: true });
    expect(run.cells.map((c) => c.status)).toEqual(["ok", "ok", "ok", "ok", "ok", "ok"]);
    expect(run.cells[3].stdout).toContain(
      "✗ double(3) is 6: assertClose(double(3)): expected 6 ± 1e-9, got 5",
    );
    expect(run.cells[5].stdout).toBe("q1: all 1 tests passed\n  ✓ double(3) is 6\n");
    expect(run.cells[3].stderr).toBe("");
  }, 60_000);
});
