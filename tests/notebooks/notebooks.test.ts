/**
 * Every notebooks/*.ipynb runs top to bottom in the real tslab kernel, headless, as a
 * student would run it in the lab (the kernel starts in notebooks/, imports "nnlab" by
 * name). Executed copies go to test-artifacts/notebooks/; the committed notebooks are
 * never rewritten. Needs `./lab setup` (Jupyter, the build, the project-local kernel).
 */
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(__dirname, "..", "..");
const NOTEBOOKS = join(ROOT, "notebooks");
const JUPYTER_DATA = join(ROOT, ".jupyter", "share", "jupyter");
const KERNEL_JSON = join(JUPYTER_DATA, "kernels", "tslab", "kernel.json");
const PYTHON_FILE = join(ROOT, ".jupyter", "python");
const ARTIFACTS = join(ROOT, "test-artifacts", "notebooks");
const CELL_TIMEOUT_S = 120;
const NOTEBOOK_TIMEOUT_MS = 300_000;

const notebooks = readdirSync(NOTEBOOKS)
  .filter((f) => f.endsWith(".ipynb"))
  .sort();

/** A file `./lab setup` writes; a missing one means the set-up has not run here. */
function readSetupFile(file: string): string {
  if (!existsSync(file)) throw new Error(`the lab is not set up (no ${file}); run ./lab setup first`);
  return readFileSync(file, "utf8");
}

/** The interpreter `./lab setup` found with Jupyter in it. */
function jupyterPython(): string {
  readSetupFile(KERNEL_JSON);
  return readSetupFile(PYTHON_FILE).trim();
}

/** Runs scripts/run_notebook.py; resolves with its stderr report when a cell fails. */
function runNotebook(file: string): Promise<{ ok: boolean; report: string }> {
  const env = {
    ...process.env,
    JUPYTER_PATH: [JUPYTER_DATA, process.env.JUPYTER_PATH].filter(Boolean).join(":"),
    // Long training cells (the MNIST lab) train on a subset under test; a student gets the full run.
    NNLAB_QUICK: "1",
  };
  const args = [
    join(ROOT, "scripts", "run_notebook.py"),
    join(NOTEBOOKS, file),
    ARTIFACTS,
    String(CELL_TIMEOUT_S),
  ];
  return new Promise((done) => {
    execFile(jupyterPython(), args, { env, cwd: ROOT }, (error, _stdout, stderr) => {
      done({ ok: error === null, report: stderr || String(error) });
    });
  });
}

describe("the tslab kernel is project-local", () => {
  it("has its kernelspec inside the checkout, starting this checkout's tslab", () => {
    const spec = JSON.parse(readSetupFile(KERNEL_JSON)) as {
      argv: string[];
      language: string;
    };
    const tslab = spec.argv.find((a) => a.endsWith("tslab")) ?? "";
    expect(spec.language).toBe("typescript");
    expect(tslab, `kernel.json starts ${tslab}`).toBe(join(ROOT, "node_modules", ".bin", "tslab"));
    expect(realpathSync(tslab)).toBe(realpathSync(join(ROOT, "node_modules", "tslab", "bin", "tslab")));
    expect(spec.argv.slice(-3)).toEqual(["kernel", "--config-path", "{connection_file}"]);
    expect(spec.argv[1]).toBe("--single-threaded-gc"); // the second core stays with gemm's helper
  });

  it("lets notebooks import nnlab by name from this checkout", () => {
    const linked = realpathSync(join(NOTEBOOKS, "node_modules", "nnlab"));
    expect(linked).toBe(realpathSync(ROOT));
  });
});

describe("notebooks run top to bottom in the tslab kernel", () => {
  it("finds at least one notebook in notebooks/", () => {
    expect(notebooks.length).toBeGreaterThan(0);
  });

  it.each(notebooks)(
    "%s runs without a failing cell",
    async (file) => {
      const { ok, report } = await runNotebook(file);
      if (!ok) throw new Error(report);
    },
    NOTEBOOK_TIMEOUT_MS,
  );
});
