import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The folder of nnlab's own package.json, found by walking up from this file (the same
 * from src/ under vitest and from dist/src/ when built). A grading scratch folder links
 * `node_modules/nnlab` here, and the kernel's tslab is resolved from here.
 */
export function packageRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (
      existsSync(file) &&
      (JSON.parse(readFileSync(file, "utf8")) as { name?: string }).name === "nnlab"
    )
      return dir;
  }
  throw new Error(`nnlab: expected a package.json named "nnlab" above ${__dirname}, found none`);
}

/** nnlab's version, for submission manifests. */
export function nnlabVersion(): string {
  return (
    JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }
  ).version;
}
