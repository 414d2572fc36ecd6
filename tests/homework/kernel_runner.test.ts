import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runInKernel } from "../../src/homework/kernel_runner";
import { codeCell, type Notebook } from "../../src/homework/notebook";

function notebook(...sources: string[]): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: sources.map((s, i) => codeCell(`c${i}`, s)),
  };
}

describe("runInKernel", () => {
  it("tells a failing cell from a warning on stderr, interrupts an endless cell and runs the rest", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "nnlab-kr-"));
    const run = await runInKernel(
      notebook(
        'let a = 1; console.warn("just a warning")',
        "while (true) {}",
        "console.log(a + 1)",
        'const n: number = "text"',
        'throw new Error("boom")',
        "console.log(process.cwd())",
      ),
      cwd,
      { cellTimeoutS: 3 },
    );
    expect(run.cells.map((c) => c.status)).toEqual(["ok", "timeout", "ok", "error", "error", "ok"]);
    expect(run.cells[0].stderr).toContain("just a warning");
    expect(run.cells[2].stdout).toBe("2\n");
    expect(run.cells[3].stderr).toContain("not assignable to type 'number'");
    expect(run.cells[4].stderr).toContain("boom");
    expect(run.cells[5].stdout.trim()).toBe(cwd);
    expect(run.failure).toBeNull();
  }, 60_000);

  it("kills a kernel over its memory limit and reports it, leaving later cells not run", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "nnlab-kr-"));
    const run = await runInKernel(
      notebook(
        "const big: Float64Array[] = []; while (true) big.push(new Float64Array(1 << 20).fill(1))",
        "console.log(1)",
      ),
      cwd,
      { cellTimeoutS: 30, memoryMb: 300 },
    );
    expect(run.failure?.kind).toMatch(/memory|crashed/);
    expect(run.cells.map((c) => c.status)).toEqual([run.failure?.kind, "not run"]);
  }, 60_000);

  it("kills the kernel when the whole notebook runs over its time limit, even if each cell is interrupted", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "nnlab-kr-"));
    const run = await runInKernel(
      notebook("while (true) {}", "while (true) {}", "console.log(1)"),
      cwd,
      {
        cellTimeoutS: 3,
        notebookTimeoutS: 5,
      },
    );
    expect(run.failure).toEqual({
      kind: "timeout",
      message: "the notebook ran over its time limit of 5s",
      cell: 1,
    });
    expect(run.cells.map((c) => c.status)).toEqual(["timeout", "timeout", "not run"]);
  }, 60_000);

  describe("when the runner itself hangs", () => {
    const saved = process.env.NNLAB_PYTHON;
    afterEach(() => {
      if (saved === undefined) delete process.env.NNLAB_PYTHON;
      else process.env.NNLAB_PYTHON = saved;
    });

    it("kills it past the notebook's limit plus the slack and reports a timeout", async () => {
      const dir = mkdtempSync(join(tmpdir(), "nnlab-kr-"));
      const stuck = join(dir, "stuck-python");
      writeFileSync(stuck, "#!/bin/sh\nexec sleep 600\n"); // a runner that never answers
      chmodSync(stuck, 0o755);
      process.env.NNLAB_PYTHON = stuck;
      const started = Date.now();
      const run = await runInKernel(notebook("console.log(1)", "console.log(2)"), dir, {
        notebookTimeoutS: 1,
        startupTimeoutsS: [1],
        runnerSlackS: 1,
      });
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(run.failure?.kind).toBe("timeout");
      expect(run.failure?.message).toContain("did not finish within 3s");
      expect(run.cells.map((c) => c.status)).toEqual(["not run", "not run"]);
    });
  });

  it("refuses start-up timeouts that are not whole seconds ≥ 1, saying what it got", () => {
    const cwd = mkdtempSync(join(tmpdir(), "nnlab-kr-"));
    expect(() => runInKernel(notebook("1"), cwd, { startupTimeoutsS: [] })).toThrow(
      "startupTimeoutsS must be one or more whole numbers of seconds ≥ 1, got []",
    );
    expect(() => runInKernel(notebook("1"), cwd, { startupTimeoutsS: [30, 0.5] })).toThrow(
      "got [30, 0.5]",
    );
  });

  it("cuts a huge output at the limit and says so", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "nnlab-kr-"));
    const run = await runInKernel(
      notebook('for (let i = 0; i < 20000; i++) console.log("x".repeat(100))'),
      cwd,
      { maxOutputChars: 10_000 },
    );
    expect(run.cells[0].stdout.length).toBeLessThan(20_000);
    expect(run.cells[0].stdout).toContain("output truncated after 10000 characters");
  }, 60_000);
});
