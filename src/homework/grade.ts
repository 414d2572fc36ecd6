import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { feedbackMarkdown } from "./feedback";
import { gradesCsv } from "./grades_csv";
import { gradescopeResults } from "./gradescope";
import { gradeSubmission } from "./grade_submission";
import { readKey } from "./key";
import type { KernelLimits } from "./kernel_runner";
import { sha256 } from "./notebook";
import { mapPool } from "./pool";
import type { StudentResult } from "./result";
import { submissionId } from "./submission_file";

/** Options of `nnlab grade`. */
export interface GradeOptions extends KernelLimits {
  /** Folder for grades.csv, results/, feedback/ and gradescope/. */
  outDir: string;
  /** Kernels run at once (default: os.availableParallelism()). */
  concurrency?: number;
  /** Grade again students whose result is already there (default false: resume). */
  force?: boolean;
  /** Called as each student is done (or skipped, `reused` true). */
  onResult?: (result: StudentResult, reused: boolean) => void;
}

/**
 * `nnlab grade <folders or files> --key key.json --out grades/`: grades a class. Each
 * submission runs in its own fresh kernel (gradeSubmission), several at once; each result
 * is written as soon as it is known (results/<student>.json, atomically), with the
 * student's feedback/<student>.md and gradescope/<student>/results.json. A re-run skips
 * students whose result matches the same file and key, so an interrupted run resumes. Ends
 * with grades.csv for everyone. Throws only when no kernel can start at all (Jupyter
 * missing): the students not yet graded then keep no result and are graded next run.
 */
export async function gradeClass(
  inputs: readonly string[],
  keyPath: string,
  options: GradeOptions,
): Promise<StudentResult[]> {
  const { key, keyHash } = readKey(keyPath);
  const { outDir, concurrency = availableParallelism(), force = false, onResult } = options;
  for (const sub of ["results", "feedback", "gradescope"])
    mkdirSync(join(outDir, sub), { recursive: true });
  const jobs = uniqueIds(
    submissionFiles(inputs).map((file) => ({ file, student: safeId(submissionId(file)) })),
  );
  const results = await mapPool(jobs, concurrency, async ({ file, student }) => {
    const resultPath = join(outDir, "results", `${student}.json`);
    const previous = force ? null : readResult(resultPath);
    if (
      previous &&
      previous.keyHash === keyHash &&
      previous.fileHash === sha256(readFileSync(file))
    ) {
      onResult?.(previous, true);
      return previous;
    }
    const result = await gradeSubmission(file, student, key, keyHash, options);
    writeAtomically(
      join(outDir, "feedback", `${student}.md`),
      feedbackMarkdown(key.assignment, result),
    );
    mkdirSync(join(outDir, "gradescope", student), { recursive: true });
    writeAtomically(
      join(outDir, "gradescope", student, "results.json"),
      JSON.stringify(gradescopeResults(result), null, 2),
    );
    writeAtomically(resultPath, JSON.stringify(result, null, 2)); // last: its presence means "done"
    onResult?.(result, false);
    return result;
  });
  writeAtomically(join(outDir, "grades.csv"), gradesCsv(key, results));
  return results;
}

/** The .zip and .ipynb files among the inputs (a folder gives its own, sorted). */
export function submissionFiles(inputs: readonly string[]): string[] {
  return inputs.flatMap((input) => {
    if (!existsSync(input))
      throw new Error(
        `nnlab grade: expected a submissions folder or file, got ${input}, which does not exist`,
      );
    if (!statSync(input).isDirectory()) return [input];
    return readdirSync(input)
      .filter((f) => /\.(zip|ipynb)$/i.test(f))
      .sort()
      .map((f) => join(input, f));
  });
}

/** A student id usable as a file name. */
function safeId(id: string): string {
  return id.replace(/[^\w.@-]/g, "_").replace(/^\.+/, "_") || "unnamed";
}

/** Two files of one student get `id`, `id-2`, …, so neither result overwrites the other. */
function uniqueIds<T extends { student: string }>(jobs: T[]): T[] {
  const seen = new Map<string, number>();
  return jobs.map((job) => {
    const n = (seen.get(job.student) ?? 0) + 1;
    seen.set(job.student, n);
    return n === 1 ? job : { ...job, student: `${job.student}-${n}` };
  });
}

function readResult(path: string): StudentResult | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as StudentResult;
  } catch {
    return null;
  }
}

function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
