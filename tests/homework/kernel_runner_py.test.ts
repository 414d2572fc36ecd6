import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jupyterPython } from "../../src/homework/kernel_runner";
import { KERNEL_RUNNER_PY } from "../../src/homework/kernel_runner_py";
import { codeCell } from "../../src/homework/notebook";
import { deafKernel } from "../helpers/deaf_kernel";

/** Runs the runner script itself on a one-cell notebook with `kernel`, returns its result file. */
function runWith(kernel: { jupyterPath: string; name: string }, startupTimeouts: number[]) {
  const dir = mkdtempSync(join(tmpdir(), "nnlab-krpy-"));
  const job = {
    notebook: {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [codeCell("c0", "console.log(6 * 7)")],
    },
    cwd: dir,
    kernel_name: kernel.name,
    cell_timeout: 30,
    total_timeout: 60,
    memory_mb: 1024,
    max_output_chars: 10_000,
    stop_on_error: false,
    startup_timeouts: startupTimeouts,
    result_path: join(dir, "result.json"),
    pid_path: join(dir, "kernel.pid"),
  };
  const out = spawnSync(jupyterPython(), ["-c", KERNEL_RUNNER_PY], {
    cwd: dir,
    input: JSON.stringify(job),
    env: { ...process.env, JUPYTER_PATH: kernel.jupyterPath },
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(out.status, out.stderr).toBe(0);
  return JSON.parse(readFileSync(job.result_path, "utf8")) as {
    cells: { status: string; stdout: string }[];
    failure: { kind: string; message: string } | null;
  };
}

describe("the kernel runner's start-up", () => {
  it("replaces a kernel that never answers with a fresh one, and runs the notebook once", () => {
    const kernel = deafKernel(1);
    const result = runWith(kernel, [2, 60]);
    expect(kernel.starts()).toBe(2);
    expect(result.failure).toBeNull();
    expect(result.cells).toMatchObject([{ status: "ok", stdout: "42\n" }]);
  }, 120_000);

  it("gives up after its last try with a 'startup' failure naming every try", () => {
    const kernel = deafKernel(5);
    const result = runWith(kernel, [1, 1]);
    expect(kernel.starts()).toBe(2);
    expect(result.failure?.kind).toBe("startup");
    expect(result.failure?.message).toMatch(
      /^no kernel answered in 2 tries \(RuntimeError: Kernel didn't respond in 1 seconds; RuntimeError/,
    );
    expect(result.cells).toMatchObject([{ status: "not run" }]);
  }, 120_000);
});
