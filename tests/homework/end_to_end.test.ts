/**
 * The issue's end-to-end run: author (notebook 15) → assign → a class of submissions made
 * here (correct, partly correct, not running, endless loop, out of memory, a dying kernel,
 * a huge output, malformed, empty, another assignment, tampered tests, reading the key) → grade in fresh kernels →
 * the expected grades.csv; then a re-run resumes without regrading.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignFile } from "../../src/homework/assign";
import { gradeClass } from "../../src/homework/grade";
import { parseNotebook, sha256 } from "../../src/homework/notebook";
import {
  SUBMISSION_FORMAT,
  zipSubmission,
  type Manifest,
} from "../../src/homework/submission_file";
import type { StudentResult } from "../../src/homework/result";
import { SOLUTIONS, TEMPLATE, instructorCell, notebookJson, solved, studentWith } from "./fixtures";

const WORK = mkdtempSync(join(tmpdir(), "nnlab-e2e-"));
const SUBMISSIONS = join(WORK, "submissions");
const GRADES = join(WORK, "grades");
const LIMITS = { cellTimeoutS: 8, notebookTimeoutS: 120, memoryMb: 1024, concurrency: 2 };

/** The class: what each student hands in. */
function makeClass(studentPath: string): void {
  const student = parseNotebook(readFileSync(studentPath, "utf8"), studentPath);
  mkdirSync(SUBMISSIONS, { recursive: true });
  const put = (name: string, text: string) => writeFileSync(join(SUBMISSIONS, name), text);
  const zip = (id: string, nbText: string) => {
    const manifest: Manifest = {
      ...{
        format: SUBMISSION_FORMAT,
        student: id,
        assignment: "15-homework-template",
        nnlabVersion: "0.1.0",
      },
      ...{
        submittedAt: "2026-01-01T00:00:00Z",
        notebook: "15-homework-template.ipynb",
        sha256: sha256(nbText),
      },
    };
    writeFileSync(join(SUBMISSIONS, `${id}.zip`), zipSubmission(nbText, manifest));
  };
  // ada: everything right, handed in as a submission zip.
  zip("ada", notebookJson(solved(student)));
  // ben: q1 right; q2 forgets bias correction; q3 puts the extra samples in the last fold.
  const noBiasCorrection = SOLUTIONS.q2()
    .replace("/ (1 - beta1 ** state.t)", "")
    .replace("/ (1 - beta2 ** state.t)", "");
  const lastFoldBigger = SOLUTIONS.q3().replace("(i < n % k ? 1 : 0)", "(i === k - 1 ? n % k : 0)");
  put(
    "ben.ipynb",
    notebookJson(
      studentWith(solved(student), {
        "function adamStep(": noBiasCorrection,
        "function kFold(": lastFoldBigger,
      }),
    ),
  );
  // cal: a syntax error in the q1 cell; the rest right.
  const broken = SOLUTIONS.q1().replace("eps = 1e-5,\n): {", "eps = 1e-5,\n) {{");
  put(
    "cal.ipynb",
    notebookJson(studentWith(solved(student), { "function batchNormBackward(": broken })),
  );
  // dee: adamStep never returns.
  const endless = SOLUTIONS.q2().replace(
    "state.t += 1;",
    "state.t += 1;\n  while (state.t > 0) state.t += 0;",
  );
  put("dee.ipynb", notebookJson(studentWith(solved(student), { "function adamStep(": endless })));
  // eve: a truncated file; fay: an empty one.
  put("eve.ipynb", notebookJson(solved(student)).slice(0, 500));
  put("fay.ipynb", "");
  // gus: no solutions, but the test cells edited to pass and q3's deleted.
  const tampered = studentWith(student, {
    "// TESTS q1": '// TESTS q1\nhomework.test("q1", "dβ is the column sum of dy", () => {});',
    "// TESTS q2": 'homework.test("q2", "always", () => {});\ncheck = () => {};',
    "// TESTS q3": "// nothing to see",
  });
  put("gus.ipynb", notebookJson(tampered));
  // hal: right, but first looks for the key and the other submissions around the kernel.
  const snoop = [
    'import { existsSync, readdirSync } from "fs";',
    'const around = readdirSync(".").filter((f) => f !== "node_modules");',
    'const keyPaths = ["key.json", "15-homework-template.key.json", "../key/15-homework-template.key.json", "../submissions/ada.zip", "ada.zip"];',
    "const found = [...around, ...keyPaths.filter((p) => existsSync(p))];",
    'if (found.length > 0) throw new Error(`found ${found.join(", ")}`);',
  ].join("\n");
  const hal = solved(student);
  hal.cells.splice(2, 0, {
    cell_type: "code",
    id: "snoop",
    metadata: {},
    source: snoop,
    outputs: [],
    execution_count: null,
  });
  zip("hal", notebookJson(hal));
  // ivy: a notebook of another assignment.
  put(
    "ivy.ipynb",
    notebookJson({ ...solved(student), metadata: { nnlab: { assignment: "hw-07-cnn" } } }),
  );
  // jay: allocates until the memory limit.
  const hog =
    "const hoard: Float64Array[] = [];\nwhile (true) hoard.push(new Float64Array(1 << 20).fill(1));";
  const jay = solved(student);
  jay.cells.splice(2, 0, {
    cell_type: "code",
    id: "hog",
    metadata: {},
    source: hog,
    outputs: [],
    execution_count: null,
  });
  put("jay.ipynb", notebookJson(jay));
  // kim: the kernel process dies halfway.
  const kim = solved(student);
  kim.cells.splice(5, 0, {
    cell_type: "code",
    id: "exit",
    metadata: {},
    source: "process.exit(3);",
    outputs: [],
    execution_count: null,
  });
  put("kim.ipynb", notebookJson(kim));
  // lee: right, but prints about 10 MB first.
  const lee = solved(student);
  const spam = 'for (let i = 0; i < 20000; i++) console.log(String(i).padEnd(500, "."));';
  lee.cells.splice(2, 0, {
    cell_type: "code",
    id: "spam",
    metadata: {},
    source: spam,
    outputs: [],
    execution_count: null,
  });
  put("lee.ipynb", notebookJson(lee));
}

describe("author → assign → submit → grade, end to end", () => {
  let keyPath = "";
  let results: StudentResult[] = [];

  beforeAll(async () => {
    const assigned = assignFile(TEMPLATE, join(WORK, "dist"));
    keyPath = assigned.keyPath;
    makeClass(assigned.studentPath);
    results = await gradeClass([SUBMISSIONS], keyPath, { outDir: GRADES, ...LIMITS });
  }, 400_000);

  afterAll(() => rmSync(WORK, { recursive: true, force: true }));

  it("never gives students the hidden tests or the solutions", () => {
    const given = readFileSync(join(WORK, "dist", "student", "15-homework-template.ipynb"), "utf8");
    for (const hidden of [
      "match PyTorch",
      "torch.optim.Adam",
      "0.5079636619",
      "leave-one-out",
      "Reference: torch",
      "0.88251989",
    ]) {
      expect(given).not.toContain(hidden);
    }
    expect(given).not.toContain("sumDyXHat");
    const cells = (JSON.parse(given) as { cells: { cell_type: string; source: string }[] }).cells;
    const sources = cells
      .filter((c) => c.cell_type === "code")
      .map((c) => c.source)
      .join("\n");
    expect(sources.match(/throw new Error\("not implemented"\)/g)).toHaveLength(3);
    expect(readFileSync(keyPath, "utf8")).toContain("0.5079636619");
    expect(instructorCell("function adamStep(")).toContain("BEGIN SOLUTION");
  });

  it("writes the expected grades.csv", () => {
    const csv = readFileSync(join(GRADES, "grades.csv"), "utf8").trim().split("\n");
    const rows = csv.map((line) => line.split(",").slice(0, 6).join(","));
    expect(rows).toEqual([
      "student,q1,q2,q3,total,status",
      "ada,4,3,3,10,graded",
      "ben,4,0,1.5,5.5,graded",
      "cal,0,3,3,6,errors",
      "dee,4,0,3,7,timeout",
      "eve,0,0,0,0,malformed",
      "fay,0,0,0,0,malformed",
      "gus,0,0,0,0,errors",
      "hal,4,3,3,10,graded",
      "ivy,0,0,0,0,wrong assignment",
      "jay,0,0,0,0,memory",
      "kim,0,0,0,0,crashed",
      "lee,4,3,3,10,graded",
    ]);
  });

  it("gives each ungradable or failing submission a reason", () => {
    const reason = (s: string) => results.find((r) => r.student === s)!.reason;
    expect(reason("cal")).toMatch(/^cell 4 failed: .*'number' only refers to a type/);
    expect(reason("dee")).toBe(
      "ran over the cell time limit of 8 s while the tests of q2 ran (an endless loop?)",
    );
    expect(reason("kim")).toMatch(/the kernel died .* in cell 6$/);
    expect(reason("gus")).toMatch(/Cannot assign to 'check'/);
    expect(reason("eve")).toMatch(/does not parse/);
    expect(reason("fay")).toMatch(/empty file/);
    expect(reason("ivy")).toContain('got one of "hw-07-cnn"');
    expect(reason("jay")).toMatch(/over the memory limit of 1024 MB in cell 3$/);
    const dee = results.find((r) => r.student === "dee")!;
    expect(dee.questions[1].tests[0].message).toMatch(/time limit/);
    const cal = results.find((r) => r.student === "cal")!;
    expect(cal.questions[0].tests[0].message).toMatch(/test cell did not run/);
  });

  it("writes feedback and Gradescope results per student, hidden tests without their messages", () => {
    const feedback = readFileSync(join(GRADES, "feedback", "ben.md"), "utf8");
    expect(feedback).toContain("**Score: 5.5 / 10**");
    expect(feedback).toMatch(
      /✗ the first step moves every coordinate by lr against its gradient's sign: assertClose/,
    );
    const gs = JSON.parse(readFileSync(join(GRADES, "gradescope", "ben", "results.json"), "utf8"));
    expect(gs.score).toBe(5.5);
    const hidden = gs.tests.find(
      (t: { name: string }) => t.name === "q2: five steps match torch.optim.Adam",
    );
    expect(hidden).toMatchObject({
      score: 0,
      max_score: 1,
      visibility: "after_published",
      output: "",
    });
  });

  it("resumes: a re-run regrades only the submission that changed", async () => {
    writeFileSync(join(SUBMISSIONS, "fay.ipynb"), "{}");
    const reused: string[] = [];
    const again = await gradeClass([SUBMISSIONS], keyPath, {
      outDir: GRADES,
      ...LIMITS,
      onResult: (r, wasReused) => wasReused && reused.push(r.student),
    });
    expect(reused.sort()).toEqual([
      "ada",
      "ben",
      "cal",
      "dee",
      "eve",
      "gus",
      "hal",
      "ivy",
      "jay",
      "kim",
      "lee",
    ]);
    expect(again.find((r) => r.student === "fay")!.reason).toMatch(/"cells" list/);
    expect(existsSync(join(GRADES, "results", "fay.json"))).toBe(true);
  }, 60_000);
});
