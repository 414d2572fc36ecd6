#!/usr/bin/env node
/**
 * The `nnlab` command: homework for TypeScript notebooks.
 *
 *   nnlab assign hw.ipynb --out dist/               student notebook + grading key
 *   nnlab submit hw.ipynb [--student ada]           run fresh, then write the submission zip
 *   nnlab grade submissions/ --key key.json --out grades/   grade a class
 *
 * Arguments are parsed by commander. Errors print one message on stderr and exit 1.
 */
import { availableParallelism } from "node:os";
import { Command, InvalidArgumentError } from "commander";
import { assignFile } from "./assign";
import { gradeClass } from "./grade";
import { nnlabVersion } from "./package_root";
import { submit } from "./submit";

function positive(value: string): number {
  const n = Number(value);
  if (!(n > 0)) throw new InvalidArgumentError(`expected a positive number, got ${value}`);
  return n;
}

const program = new Command("nnlab")
  .description("nnlab homework: assign, submit, grade")
  .version(nnlabVersion());

program
  .command("assign <notebook>")
  .description("write the student notebook and the grading key from an assignment notebook")
  .option("-o, --out <dir>", "output folder", "dist")
  .action((notebook: string, opts: { out: string }) => {
    const { studentPath, keyPath, key } = assignFile(notebook, opts.out);
    const hidden = key.tests.filter((t) => t.hidden).length;
    console.log(`student notebook: ${studentPath}\ngrading key (keep it): ${keyPath}`);
    console.log(`${key.questions.length} questions, ${key.tests.length} tests (${hidden} hidden)`);
  });

program
  .command("submit <notebook>")
  .description("run the notebook in a fresh kernel and, if it runs, write the submission zip")
  .option("-s, --student <id>", "your student id (default: $NNLAB_STUDENT or your login)")
  .option("-o, --out <dir>", "folder for the zip (default: the notebook's)")
  .option("--cell-timeout <s>", "seconds per cell", positive, 120)
  .action(
    async (notebook: string, opts: { student?: string; out?: string; cellTimeout: number }) => {
      const file = await submit(notebook, {
        student: opts.student,
        outDir: opts.out,
        cellTimeoutS: opts.cellTimeout,
      });
      console.log(`submitted: ${file}`);
    },
  );

program
  .command("grade <submissions...>")
  .description("grade submission zips or notebooks (or folders of them) against a key")
  .requiredOption("-k, --key <key.json>", "the grading key from nnlab assign")
  .option("-o, --out <dir>", "folder for grades.csv, results/, feedback/, gradescope/", "grades")
  .option("-j, --jobs <n>", "kernels at once", positive, availableParallelism())
  .option("--cell-timeout <s>", "seconds per cell", positive, 60)
  .option("--timeout <s>", "seconds per notebook", positive, 300)
  .option("--memory <mb>", "memory per kernel in MB", positive, 2048)
  .option("-f, --force", "grade again students already graded", false)
  .action(async (submissions: string[], opts: Record<string, unknown>) => {
    const started = Date.now();
    const results = await gradeClass(submissions, opts.key as string, {
      outDir: opts.out as string,
      concurrency: opts.jobs as number,
      force: opts.force as boolean,
      cellTimeoutS: opts.cellTimeout as number,
      notebookTimeoutS: opts.timeout as number,
      memoryMb: opts.memory as number,
      onResult: (r, reused) =>
        console.log(
          `${r.student}: ${r.total} / ${r.maxTotal} ${r.status}${reused ? " (already graded)" : ""}`,
        ),
    });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `${results.length} submissions in ${seconds} s; grades: ${opts.out as string}/grades.csv`,
    );
  });

program.parseAsync().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
