/**
 * scripts/run_notebook.py (what the notebook and browser tests execute notebooks with)
 * gets past a kernel that never answers by starting a fresh one, and says so.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { jupyterPython } from "../../src/homework/kernel_runner";
import { codeCell } from "../../src/homework/notebook";
import { deafKernel } from "../helpers/deaf_kernel";

function run(kernelName: string, jupyterPath: string, startupS: string) {
  const dir = mkdtempSync(join(tmpdir(), "nnlab-runnb-"));
  const notebook = join(dir, "tiny.ipynb");
  const nb = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: kernelName, display_name: kernelName, language: "typescript" },
    },
    cells: [codeCell("c0", "console.log(6 * 7)")],
  };
  writeFileSync(notebook, JSON.stringify(nb));
  const env = { ...process.env, JUPYTER_PATH: jupyterPath, NNLAB_KERNEL_STARTUP_S: startupS };
  const script = resolve("scripts", "run_notebook.py");
  return new Promise<{ code: number; stderr: string; executed: string }>((done) => {
    execFile(
      jupyterPython(),
      [script, notebook, join(dir, "out"), "30"],
      { env },
      (error, _o, stderr) => {
        let executed = "";
        try {
          executed = readFileSync(join(dir, "out", "tiny.ipynb"), "utf8");
        } catch {
          // no executed copy
        }
        done({ code: error ? Number(error.code ?? 1) : 0, stderr, executed });
      },
    );
  });
}

describe("scripts/run_notebook.py", () => {
  it("replaces a kernel that never answers and runs the notebook in the next one", async () => {
    const kernel = deafKernel(1);
    const result = await run(kernel.name, kernel.jupyterPath, "2,60");
    expect(result.code, result.stderr).toBe(0);
    expect(kernel.starts()).toBe(2);
    expect(result.stderr).toContain("kernel try 1 did not start");
    expect(result.executed).toContain("42");
  }, 120_000);

  it("fails with a clear line when no try answers", async () => {
    const kernel = deafKernel(5);
    const result = await run(kernel.name, kernel.jupyterPath, "1,1");
    expect(result.code).toBe(1);
    expect(kernel.starts()).toBe(2);
    expect(result.stderr).toMatch(
      /tiny\.ipynb: the kernel did not run: Kernel didn't respond in 1 seconds/,
    );
  }, 120_000);
});
