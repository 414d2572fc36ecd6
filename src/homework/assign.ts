import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { KEY_FORMAT, type GradingKey, type KeyTest } from "./key";
import {
  parseQuestion,
  parseTestHeader,
  replaceBlocks,
  solutionStub,
  testCalls,
  type Question,
} from "./markers";
import {
  cellSource,
  codeCell,
  notebookJson,
  parseNotebook,
  sha256,
  type Cell,
  type Notebook,
} from "./notebook";

const IMPORT = /^import\s.+\sfrom\s+["'][^"']+["'];?\s*$/;

/** The student notebook and the grading key made from one assignment notebook. */
export interface Assignment {
  student: Notebook;
  key: GradingKey;
}

/**
 * Makes the student notebook from an instructor's assignment notebook (see markers.ts):
 * solutions become a stub that throws "not implemented", hidden tests are removed,
 * outputs cleared; the key keeps every test and the points.
 *
 * @example const { student, key } = assign(parseNotebook(text, "hw.ipynb"), "hw", sha256(text));
 */
export function assign(nb: Notebook, assignment: string, notebookHash: string): Assignment {
  const questions: Question[] = [];
  const tests: KeyTest[] = [];
  const testCells: GradingKey["testCells"] = [];
  const cells: Cell[] = [];
  const imports: string[] = [];
  nb.cells.forEach((cell, i) => {
    const where = `${assignment}: cell ${i + 1}`;
    const source = cellSource(cell);
    const question = cell.cell_type === "markdown" ? parseQuestion(source) : null;
    if (question) questions.push(question);
    const header = cell.cell_type === "code" ? parseTestHeader(source) : null;
    if (cell.cell_type !== "code") {
      cells.push({ cell_type: cell.cell_type, id: cell.id ?? `cell-${i}`, metadata: {}, source });
    } else if (header) {
      const visible = replaceBlocks(source, "HIDDEN TESTS", () => null, where).source;
      const publicNames = new Set(header.hidden ? [] : testCalls(visible).map(([, n]) => n));
      const calls = testCalls(source);
      if (calls.length === 0)
        throw new Error(
          `${where}: a "// TESTS ${header.question}" cell needs at least one test("${header.question}", "name", () => …) call, got none`,
        );
      for (const [q, name] of calls) {
        if (q !== header.question)
          throw new Error(
            `${where}: expected tests of ${header.question} (the cell's header), got test("${q}", "${name}")`,
          );
        if (tests.some((t) => t.question === q && t.name === name))
          throw new Error(
            `${where}: test "${name}" of ${q} is defined twice; give each test its own name`,
          );
        tests.push({ question: q, name, hidden: !publicNames.has(name) });
      }
      testCells.push({ question: header.question, source });
      if (!header.hidden) cells.push(codeCell(cell.id ?? `cell-${i}`, visible));
    } else {
      imports.push(...source.split("\n").filter((line) => IMPORT.test(line)));
      cells.push(
        codeCell(
          cell.id ?? `cell-${i}`,
          replaceBlocks(source, "SOLUTION", solutionStub, where).source,
        ),
      );
    }
  });
  checkQuestions(assignment, questions, tests);
  const student: Notebook = { ...nb, metadata: { ...nb.metadata, nnlab: { assignment } }, cells };
  const studentNotebookHash = sha256(notebookJson(student));
  return {
    student,
    key: {
      format: KEY_FORMAT,
      ...{ assignment, notebookHash, studentNotebookHash, questions, tests, imports, testCells },
    },
  };
}

function checkQuestions(assignment: string, questions: Question[], tests: KeyTest[]): void {
  if (questions.length === 0) {
    throw new Error(
      `${assignment}: expected at least one question heading like "### Question q1: title (3 points)", got none`,
    );
  }
  const ids = questions.map((q) => q.id);
  for (const t of tests) {
    if (!ids.includes(t.question))
      throw new Error(
        `${assignment}: test "${t.name}" is for ${t.question}, but the questions are [${ids.join(", ")}]`,
      );
  }
  for (const q of questions) {
    if (!tests.some((t) => t.question === q.id))
      throw new Error(
        `${assignment}: question ${q.id} has no tests; add a "// TESTS ${q.id}" cell`,
      );
  }
}

/**
 * `nnlab assign hw.ipynb --out dist/`: writes `dist/student/hw.ipynb` (hand it out) and
 * `dist/key/hw.key.json` (keep it); returns both paths.
 */
export function assignFile(
  path: string,
  outDir: string,
): { studentPath: string; keyPath: string; key: GradingKey } {
  const text = readFileSync(path, "utf8");
  const name = basename(path).replace(/\.ipynb$/, "");
  const { student, key } = assign(parseNotebook(text, path), name, sha256(text));
  mkdirSync(join(outDir, "student"), { recursive: true });
  mkdirSync(join(outDir, "key"), { recursive: true });
  const studentPath = join(outDir, "student", `${name}.ipynb`);
  const keyPath = join(outDir, "key", `${name}.key.json`);
  writeFileSync(studentPath, notebookJson(student));
  writeFileSync(keyPath, JSON.stringify(key, null, 2) + "\n");
  return { studentPath, keyPath, key };
}
