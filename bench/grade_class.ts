/**
 * How long grading a class takes here: assigns notebook 15, makes N small submissions
 * (a third solved, a third with q2 wrong, a third the untouched student notebook), and
 * grades them with `gradeClass` over os.availableParallelism() kernels, each in its own
 * fresh tslab kernel and scratch folder.
 *
 *   npm run bench -- grade_class                  N = 100
 *   NNLAB_BENCH_GRADE_N=20 node dist/bench/grade_class.js
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { assignFile } from "../src/homework/assign";
import { gradeClass } from "../src/homework/grade";
import { cellSource, notebookJson, parseNotebook, type Notebook } from "../src/homework/notebook";
import { packageRoot } from "../src/homework/package_root";

/** The student notebook with the cells containing each key replaced by the instructor's cell. */
function withInstructorCells(student: Notebook, instructor: Notebook, needles: string[]): Notebook {
  const solution = (n: string) => instructor.cells.map(cellSource).find((s) => s.includes(n))!;
  const cells = student.cells.map((c) => {
    const n = needles.find((k) => cellSource(c).includes(k));
    return n ? { ...c, source: solution(n) } : c;
  });
  return { ...student, cells };
}

export async function run(): Promise<void> {
  const n = Number(process.env.NNLAB_BENCH_GRADE_N ?? 100);
  const template = join(packageRoot(), "notebooks", "15-homework-template.ipynb");
  const work = mkdtempSync(join(tmpdir(), "nnlab-bench-grade-"));
  try {
    const { studentPath, keyPath } = assignFile(template, join(work, "dist"));
    const student = parseNotebook(readFileSync(studentPath, "utf8"), studentPath);
    const instructor = parseNotebook(readFileSync(template, "utf8"), template);
    const kinds = [
      withInstructorCells(student, instructor, [
        "function batchNormBackward(",
        "function adamStep(",
        "function kFold(",
      ]),
      withInstructorCells(student, instructor, ["function batchNormBackward(", "function kFold("]),
      student,
    ];
    mkdirSync(join(work, "submissions"));
    for (let i = 0; i < n; i++) {
      const id = `s${String(i).padStart(3, "0")}`;
      writeFileSync(join(work, "submissions", `${id}.ipynb`), notebookJson(kinds[i % 3]));
    }
    const jobs = availableParallelism();
    const started = Date.now();
    const results = await gradeClass([join(work, "submissions")], keyPath, {
      outDir: join(work, "grades"),
      concurrency: jobs,
    });
    const seconds = (Date.now() - started) / 1000;
    const totals = results.map((r) => r.total);
    console.log(
      `grade_class: ${n} submissions of notebook 15, ${jobs} kernels at once on ${cpus().length} cores (${cpus()[0]?.model ?? "?"})`,
    );
    console.log(`  wall time            ${seconds.toFixed(1)} s`);
    console.log(
      `  per submission       ${(seconds / n).toFixed(2)} s (wall), ${((seconds * jobs) / n).toFixed(2)} s (kernel)`,
    );
    console.log(
      `  totals               ${[10, 7, 0].map((t) => `${totals.filter((x) => x === t).length}×${t}`).join(", ")}`,
    );
    console.log(`  statuses             ${[...new Set(results.map((r) => r.status))].join(", ")}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module) {
  run().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
