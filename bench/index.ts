/**
 * Benchmark runner: `npm run bench` builds, then runs every benchmark in order;
 * `npm run bench -- matmul` runs only those whose name contains "matmul" (several
 * filters may be given).
 *
 * To add a benchmark: write `bench/<name>.ts` exporting `async function run(): Promise<void>`
 * that prints its own table, and add it to BENCHMARKS below.
 */
import * as gradeClass from "./grade_class";
import * as matmul from "./matmul";
import * as mnistMlp from "./mnist_mlp";
import * as mnistW1 from "./mnist_w1";
import * as tuneBayes from "./tune_bayes";
import * as tuneSpirals from "./tune_spirals";

interface Benchmark {
  name: string;
  run: () => Promise<void>;
}

const BENCHMARKS: Benchmark[] = [
  { name: "matmul", run: matmul.run },
  { name: "mnist_w1", run: mnistW1.run },
  { name: "grade_class", run: gradeClass.run },
  { name: "mnist_mlp", run: mnistMlp.run },
  { name: "tune_bayes", run: tuneBayes.run },
  { name: "tune_spirals", run: tuneSpirals.run },
];

async function main(filters: string[]): Promise<void> {
  const chosen = BENCHMARKS.filter(
    (b) => filters.length === 0 || filters.some((f) => b.name.includes(f)),
  );
  if (chosen.length === 0) {
    const names = BENCHMARKS.map((b) => b.name).join(", ");
    throw new Error(`bench: no benchmark matches "${filters.join('", "')}"; there are: ${names}`);
  }
  for (const b of chosen) {
    console.log(`\n== ${b.name}`);
    await b.run();
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
