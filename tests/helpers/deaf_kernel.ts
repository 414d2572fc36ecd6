import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

/** A Jupyter data folder whose kernel "deaf-first" stays deaf for its first `deafTries` starts. */
export interface DeafKernel {
  /** The folder to put in JUPYTER_PATH. */
  jupyterPath: string;
  /** The kernelspec's name. */
  name: string;
  /** How many times the kernel was started so far. */
  starts(): number;
}

/**
 * A kernelspec that starts a process which never answers (as a tslab kernel does when
 * another process took one of its ports) for its first `deafTries` starts, then the real
 * tslab kernel: what a start-up retry must get past.
 */
export function deafKernel(deafTries: number): DeafKernel {
  const dir = mkdtempSync(join(tmpdir(), "nnlab-deaf-"));
  const log = join(dir, "starts.log");
  writeFileSync(log, "");
  const tslab = resolve("node_modules", "tslab", "bin", "tslab");
  const script = join(dir, "kernel.sh");
  writeFileSync(
    script,
    [
      "#!/bin/sh",
      `echo start >> "${log}"`,
      `if [ "$(wc -l < "${log}")" -le ${deafTries} ]; then exec sleep 600; fi`,
      `exec "${process.execPath}" "${tslab}" kernel --config-path "$1"`,
      "",
    ].join("\n"),
  );
  chmodSync(script, 0o755);
  const name = "deaf-first";
  mkdirSync(join(dir, "kernels", name), { recursive: true });
  const spec = { argv: [script, "{connection_file}"], display_name: name, language: "typescript" };
  writeFileSync(join(dir, "kernels", name, "kernel.json"), JSON.stringify(spec));
  return {
    jupyterPath: dir,
    name,
    starts: () => readFileSync(log, "utf8").split("\n").filter(Boolean).length,
  };
}
