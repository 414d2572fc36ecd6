/**
 * Jupyter for the browser tests: run a notebook in the tslab kernel (scripts/run_notebook.py),
 * export it with nbconvert, serve a folder with the classic notebook. Needs `./lab setup`.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { ROOT } from "./chromium";

const JUPYTER_DATA = join(ROOT, ".jupyter", "share", "jupyter");
const PYTHON_FILE = join(ROOT, ".jupyter", "python");

/** The interpreter `./lab setup` found with Jupyter in it. */
export function jupyterPython(): string {
  if (
    !existsSync(PYTHON_FILE) ||
    !existsSync(join(JUPYTER_DATA, "kernels", "tslab", "kernel.json"))
  ) {
    throw new Error(
      `the lab is not set up (no ${PYTHON_FILE} or tslab kernelspec); run ./lab setup first`,
    );
  }
  return readFileSync(PYTHON_FILE, "utf8").trim();
}

/** The environment that finds the project's tslab kernel; `extra` adds to it. */
export function jupyterEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    JUPYTER_PATH: [JUPYTER_DATA, process.env.JUPYTER_PATH].filter(Boolean).join(":"),
    NNLAB_QUICK: "1",
    ...extra,
  };
}

/** Runs `python args…`; rejects with its stderr when it fails. */
export function python(args: string[], env = jupyterEnv()): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      jupyterPython(),
      args,
      { env, cwd: ROOT, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        if (error)
          reject(new Error(`python ${args.join(" ")} failed:\n${stderr || error.message}`));
        else resolve(stdout);
      },
    );
  });
}

/** Executes `notebook` top to bottom in its own kernel; resolves with the executed copy's path in `outDir`. */
export async function executeNotebook(notebook: string, outDir: string): Promise<string> {
  await python([join(ROOT, "scripts", "run_notebook.py"), notebook, outDir, "120"]);
  return join(outDir, basename(notebook));
}

/** `jupyter nbconvert --to html`: resolves with the page's path. */
export async function exportHTML(notebook: string, outDir: string): Promise<string> {
  await python(["-m", "nbconvert", "--to", "html", "--output-dir", outDir, notebook]);
  return join(outDir, basename(notebook).replace(/\.ipynb$/, ".html"));
}

/** How many copies of plotly.js a saved notebook (or page) carries. */
export function plotlyCopies(text: string): number {
  return text.split("plotly.js (cartesian").length - 1;
}

/** The outputs of an executed notebook that are figures (they carry a static SVG). */
export function figureOutputs(notebook: string): Record<string, string | string[]>[] {
  const nb = JSON.parse(readFileSync(notebook, "utf8")) as {
    cells: { outputs?: { data?: Record<string, string | string[]> }[] }[];
  };
  return nb.cells
    .flatMap((c) => c.outputs ?? [])
    .flatMap((o) => (o.data && "image/svg+xml" in o.data ? [o.data] : []));
}

/**
 * A classic Jupyter Notebook server on `dir`, with its own (temporary) config, data and
 * runtime folders. The port is one the OS just called free; another process may take it
 * before the server binds it (a busy test machine), so the server is told not to wander to
 * another port, and a server that exits or does not answer within 60 s is replaced, three
 * tries in all.
 */
export async function startNotebookServer(
  dir: string,
): Promise<{ url: string; env: NodeJS.ProcessEnv; stop: () => void }> {
  const failures: string[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = await tryNotebookServer(dir);
    if (typeof started !== "string") return started;
    failures.push(started);
  }
  throw new Error(`the classic notebook server did not start: ${failures.join("; ")}`);
}

/** One try: the server, or why it did not start. */
async function tryNotebookServer(
  dir: string,
): Promise<{ url: string; env: NodeJS.ProcessEnv; stop: () => void } | string> {
  const home = mkdtempSync(join(tmpdir(), "nnlab-jupyter-"));
  const env = jupyterEnv({
    JUPYTER_CONFIG_DIR: join(home, "config"),
    JUPYTER_DATA_DIR: join(home, "data"),
    JUPYTER_RUNTIME_DIR: join(home, "runtime"),
  });
  const port = await freePort();
  const token = "nnlab-browser-test";
  const args = [
    "-m",
    "notebook",
    "--no-browser",
    `--port=${port}`,
    "--NotebookApp.port_retries=0",
    "--ip=127.0.0.1",
    `--NotebookApp.token=${token}`,
    `--notebook-dir=${dir}`,
  ];
  if (process.getuid?.() === 0) args.push("--allow-root");
  const server: ChildProcess = spawn(jupyterPython(), args, { env, stdio: "ignore" });
  let exited = false;
  server.on("exit", () => (exited = true));
  const stop = () => {
    server.kill();
    rmSync(home, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300 && !exited; i++) {
    const ok = await fetch(`${url}/api/status?token=${token}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url: `${url}/notebooks/%PATH%?token=${token}`, env, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  return exited ? `it exited on port ${port}` : `no answer on port ${port} within 60 s`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}
