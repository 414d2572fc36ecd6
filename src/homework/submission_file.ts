import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { sha256 } from "./notebook";

/** What a submission zip says about itself, beside the executed notebook. */
export interface Manifest {
  format: typeof SUBMISSION_FORMAT;
  student: string;
  assignment: string;
  nnlabVersion: string;
  /** ISO 8601 time of `nnlab submit`. */
  submittedAt: string;
  /** Name of the notebook inside the zip. */
  notebook: string;
  /** SHA-256 of the notebook's bytes inside the zip. */
  sha256: string;
}

export const SUBMISSION_FORMAT = "nnlab-submission/1";

/** A submission as the grader reads it: a student id, the notebook's text, the manifest if any. */
export interface Submission {
  student: string;
  notebookText: string;
  notebookName: string;
  manifest: Manifest | null;
  /** SHA-256 of the submitted file: a changed file is graded again on a re-run. */
  fileHash: string;
}

/** The zip `nnlab submit` writes: `manifest.json` and the executed notebook. */
export function zipSubmission(notebookText: string, manifest: Manifest): Uint8Array {
  return zipSync({
    "manifest.json": strToU8(JSON.stringify(manifest, null, 2) + "\n"),
    [manifest.notebook]: strToU8(notebookText),
  });
}

/**
 * Reads a submission: a zip from `nnlab submit`, or a bare .ipynb (the student is its file
 * name). Throws, naming the file, when the zip is unreadable, has no notebook, or its
 * checksum does not match the manifest.
 */
export function readSubmission(path: string): Submission {
  const bytes = readFileSync(path);
  const fileHash = sha256(bytes);
  const stem = basename(path).replace(/\.(ipynb|zip)$/i, "");
  if (!/\.zip$/i.test(path)) {
    return {
      student: stem,
      notebookText: bytes.toString("utf8"),
      notebookName: basename(path),
      manifest: null,
      fileHash,
    };
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    throw new Error(
      `${path}: expected a zip from nnlab submit, got one that does not open (${(e as Error).message})`,
    );
  }
  const manifest = files["manifest.json"]
    ? (JSON.parse(strFromU8(files["manifest.json"])) as Manifest)
    : null;
  const name = manifest?.notebook ?? Object.keys(files).find((f) => f.endsWith(".ipynb"));
  if (!name || !files[name])
    throw new Error(
      `${path}: expected a notebook (.ipynb) in the zip, got [${Object.keys(files).join(", ")}]`,
    );
  if (manifest && sha256(files[name]) !== manifest.sha256) {
    throw new Error(
      `${path}: the notebook's checksum ${sha256(files[name]).slice(0, 12)}… differs from the manifest's ${String(manifest.sha256).slice(0, 12)}…; the file was changed after nnlab submit`,
    );
  }
  return {
    student: manifest?.student || stem,
    notebookText: strFromU8(files[name]),
    notebookName: name,
    manifest,
    fileHash,
  };
}

/** The student a submission file is from: its manifest's id, else the file name. */
export function submissionId(path: string): string {
  try {
    return readSubmission(path).student;
  } catch {
    return basename(path).replace(/\.(ipynb|zip)$/i, "");
  }
}
