import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { runInKernel, type KernelLimits } from "./kernel_runner";
import { cellSource, notebookJson, parseNotebook, sha256 } from "./notebook";
import { nnlabVersion } from "./package_root";
import { SUBMISSION_FORMAT, zipSubmission, type Manifest } from "./submission_file";

/** Options of `nnlab submit`. */
export interface SubmitOptions extends KernelLimits {
  /** The student's identifier (default: $NNLAB_STUDENT, else the login name). */
  student?: string;
  /** Folder for the submission zip (default: the notebook's folder). */
  outDir?: string;
}

/**
 * `nnlab submit hw.ipynb`: runs the notebook top to bottom in a fresh kernel (in its own
 * folder, as the lab does) and, only if every cell runs, writes
 * `hw.<student>.submission.zip` with the executed notebook and a manifest (student,
 * assignment, nnlab version, time, checksum). A cell that fails stops it with the cell's
 * number, source and error.
 *
 * @example await submit("notebooks/hw.ipynb", { student: "ada" })  // → "notebooks/hw.ada.submission.zip"
 */
export async function submit(path: string, options: SubmitOptions = {}): Promise<string> {
  const student = options.student ?? process.env.NNLAB_STUDENT ?? userInfo().username;
  if (!/^[\w.@-]+$/.test(student))
    throw new Error(
      `nnlab submit: expected a student id of letters, digits, . _ @ -, got "${student}"`,
    );
  if (!existsSync(path))
    throw new Error(`nnlab submit: expected a notebook at ${path}, got no such file`);
  const nb = parseNotebook(readFileSync(path, "utf8"), path);
  const run = await runInKernel(nb, dirname(resolve(path)), { ...options, stopOnError: true });
  const failed = run.cells.find((c) => c.status !== "ok" && c.status !== "not run");
  if (failed || run.failure) {
    const index = failed?.index ?? run.failure?.cell;
    const source = index === undefined ? "" : cellSource(nb.cells[index]);
    const why = run.failure?.message ?? `${failed?.status}: ${failed?.stderr.trim()}`;
    throw new Error(
      `nnlab submit: ${path} does not run from the top in a fresh kernel, so nothing was submitted.\n` +
        `Cell ${index === undefined ? "?" : index + 1} failed (${why})\n--- source ---\n${source}\nFix it, then submit again.`,
    );
  }
  const name = basename(path);
  const text = notebookJson(run.notebook);
  const assignment =
    (nb.metadata.nnlab as { assignment?: string } | undefined)?.assignment ??
    name.replace(/\.ipynb$/, "");
  const manifest: Manifest = {
    format: SUBMISSION_FORMAT,
    student,
    assignment,
    nnlabVersion: nnlabVersion(),
    submittedAt: new Date().toISOString(),
    notebook: name,
    sha256: sha256(text),
  };
  const outDir = options.outDir ?? dirname(path);
  mkdirSync(outDir, { recursive: true });
  const out = join(outDir, `${name.replace(/\.ipynb$/, "")}.${student}.submission.zip`);
  writeFileSync(out, zipSubmission(text, manifest));
  return out;
}
