import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KERNEL_RUNNER_PY } from "./kernel_runner_py";
import type { Notebook } from "./notebook";
import { packageRoot } from "./package_root";

/** Limits for one notebook run in a fresh kernel. */
export interface KernelLimits {
  /** Seconds one cell may run before it is interrupted (default 60). */
  cellTimeoutS?: number;
  /** Seconds the whole notebook may run before the kernel is killed (default 300). */
  notebookTimeoutS?: number;
  /** Memory of the kernel in MB: its JavaScript heap, and the resident size the watchdog allows (default 2048). */
  memoryMb?: number;
  /** Characters of output kept per cell (default 100 000). */
  maxOutputChars?: number;
  /** End the run at the first cell that fails (default false: run every cell). */
  stopOnError?: boolean;
  /**
   * Seconds each try to start a kernel waits for its first answer (default [30, 60, 60]: a
   * kernel that comes up deaf, because another process took one of its ports, is replaced).
   */
  startupTimeoutsS?: number[];
  /** Seconds beyond `notebookTimeoutS` and the start-up tries the runner may take before it is killed from outside (default 30). */
  runnerSlackS?: number;
}

/** How one code cell ended: "ok", "error" (compile or runtime), "timeout", "memory", "crashed", "not run". */
export interface CellRun {
  index: number;
  status: string;
  stdout: string;
  stderr: string;
}

/** The executed notebook, its code cells' statuses, and what stopped the kernel early, if anything. */
export interface KernelRun {
  cells: CellRun[];
  failure: {
    kind: "timeout" | "memory" | "crashed" | "startup";
    message: string;
    cell?: number;
  } | null;
  notebook: Notebook;
  seconds: number;
}

/** The Python with Jupyter: $NNLAB_PYTHON, else the one `./lab setup` recorded, else /usr/bin/python3. */
export function jupyterPython(): string {
  if (process.env.NNLAB_PYTHON) return process.env.NNLAB_PYTHON;
  const recorded = join(packageRoot(), ".jupyter", "python");
  return existsSync(recorded) ? readFileSync(recorded, "utf8").trim() : "/usr/bin/python3";
}

let gcFlag: string[] | undefined;
/** ["--single-threaded-gc"] where this Node's V8 takes the flag (probed once), else []. */
function singleThreadedGc(): string[] {
  gcFlag ??=
    spawnSync(process.execPath, ["--single-threaded-gc", "-e", "0"]).status === 0
      ? ["--single-threaded-gc"]
      : [];
  return gcFlag;
}

/** A private kernelspec for this run: this Node (V8's GC on one thread, as `./lab setup`'s kernel), nnlab's tslab, the heap limit in NODE_OPTIONS. */
function writeKernelspec(dir: string, memoryMb: number): void {
  const tslab = join(packageRoot(), "node_modules", "tslab", "bin", "tslab");
  if (!existsSync(tslab))
    throw new Error(`nnlab: the tslab kernel is missing (expected ${tslab}); run npm install`);
  mkdirSync(join(dir, "kernels", "nnlab-tslab"), { recursive: true });
  const spec = {
    argv: [
      process.execPath,
      ...singleThreadedGc(),
      tslab,
      "kernel",
      "--config-path",
      "{connection_file}",
    ],
    display_name: "TypeScript (nnlab grader)",
    language: "typescript",
    env: { NODE_OPTIONS: `--max-old-space-size=${memoryMb}` },
  };
  writeFileSync(join(dir, "kernels", "nnlab-tslab", "kernel.json"), JSON.stringify(spec));
}

/**
 * Runs `nb` top to bottom in a fresh tslab kernel whose working folder is `cwd`. The
 * notebook travels over a pipe and the result comes back in a private temporary folder,
 * so nothing but what `cwd` holds is beside the notebook's code.
 */
export function runInKernel(
  nb: Notebook,
  cwd: string,
  limits: KernelLimits = {},
): Promise<KernelRun> {
  const {
    cellTimeoutS = 60,
    notebookTimeoutS = 300,
    memoryMb = 2048,
    maxOutputChars = 100_000,
    startupTimeoutsS = [30, 60, 60],
  } = limits;
  if (startupTimeoutsS.length === 0 || startupTimeoutsS.some((t) => !Number.isInteger(t) || t < 1))
    throw new Error(
      `nnlab: startupTimeoutsS must be one or more whole numbers of seconds ≥ 1, got [${startupTimeoutsS.join(", ")}]`,
    );
  const specDir = mkdtempSync(join(tmpdir(), "nnlab-kernelspec-"));
  writeKernelspec(specDir, memoryMb);
  const job = {
    notebook: nb,
    cwd,
    kernel_name: "nnlab-tslab",
    cell_timeout: cellTimeoutS,
    total_timeout: notebookTimeoutS,
    memory_mb: memoryMb,
    max_output_chars: maxOutputChars,
    stop_on_error: limits.stopOnError ?? false,
    startup_timeouts: startupTimeoutsS,
    result_path: join(specDir, "result.json"),
    pid_path: join(specDir, "kernel.pid"),
  };
  const env = { ...process.env, JUPYTER_PATH: specDir, PYTHONUNBUFFERED: "1" };
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(jupyterPython(), ["-c", KERNEL_RUNNER_PY], {
      cwd,
      env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let err = "";
    const keep = (b: Buffer) => (err = (err + b.toString()).slice(-4000));
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    // The runner enforces the limits itself; this guard only ends a runner that hangs.
    const startupS = startupTimeoutsS.reduce((a, b) => a + b, 0);
    const guardS = notebookTimeoutS + startupS + (limits.runnerSlackS ?? RUNNER_SLACK_S);
    let guardFired = false;
    const guard = setTimeout(() => {
      guardFired = true;
      killKernel(job.pid_path);
      child.kill("SIGKILL");
    }, guardS * 1000);
    let finished = false;
    const finish = (code: number | null) => {
      if (finished) return;
      finished = true;
      clearTimeout(guard);
      try {
        resolve(JSON.parse(readFileSync(job.result_path, "utf8")) as KernelRun);
      } catch (e) {
        if (guardFired) {
          resolve(hungRun(nb, guardS, (Date.now() - started) / 1000));
        } else {
          const why = `exited with code ${code} without a readable result (${(e as Error).message})`;
          reject(new Error(`nnlab: the notebook runner ${why}. Its output:\n${err}`));
        }
      } finally {
        rmSync(specDir, { recursive: true, force: true });
      }
    };
    child.on("error", (e) => {
      clearTimeout(guard);
      finished = true;
      reject(
        new Error(`nnlab: could not start ${jupyterPython()} (${e.message}); run ./lab setup`),
      );
    });
    child.on("close", finish);
    // A kernel that outlived the runner may hold its pipes open: do not wait for them long.
    child.on("exit", (code) => setTimeout(() => finish(code), 2000).unref());
    child.stdin.end(JSON.stringify(job));
  });
}

/** Seconds beyond the notebook's limit and its start-up tries a runner may take (shutdown) before it is killed. */
const RUNNER_SLACK_S = 30;

/** Kills the kernel whose pid the runner wrote, with its process group; gone already is fine. */
function killKernel(pidPath: string): void {
  let pid: number;
  try {
    pid = Number(readFileSync(pidPath, "utf8"));
  } catch {
    return; // the kernel never started
  }
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

/** What a run that had to be killed from outside gives: every code cell "not run", a timeout. */
function hungRun(nb: Notebook, guardS: number, seconds: number): KernelRun {
  const cells = nb.cells.flatMap((c, index) =>
    c.cell_type === "code" ? [{ index, status: "not run", stdout: "", stderr: "" }] : [],
  );
  const message = `the notebook runner did not finish within ${guardS}s (the notebook's time limit plus time to start and stop its kernel); its kernel was killed`;
  return { cells, failure: { kind: "timeout", message }, notebook: nb, seconds };
}
