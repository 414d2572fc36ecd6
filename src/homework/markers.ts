/**
 * The marks an instructor writes in an assignment notebook (nbgrader's, in TypeScript):
 *
 * - a markdown heading `### Question q1: BatchNorm backward (4 points)` declares a question;
 * - `// BEGIN SOLUTION` … `// END SOLUTION` in a code cell is solution code;
 * - a code cell whose first line is `// TESTS q1` holds public tests of q1, one
 *   `homework.test("q1", "name", () => …)` call each; `// HIDDEN TESTS q1` makes the whole
 *   cell hidden, and `// BEGIN HIDDEN TESTS` … `// END HIDDEN TESTS` hides a block of one.
 */

/** A question: its id, the heading's title and the points it is worth. */
export interface Question {
  id: string;
  title: string;
  points: number;
}

/** What the first line of a test cell says: whose tests, hidden or not. */
export interface TestCellHeader {
  question: string;
  hidden: boolean;
}

const QUESTION =
  /^#{1,6}\s*Question\s+([A-Za-z][\w-]*)\s*[:.—–-]?\s*(.*?)\s*\((\d+(?:\.\d+)?)\s*points?\)\s*$/im;
const TEST_HEADER = /^\s*\/\/\s*(HIDDEN\s+)?TESTS\s+([A-Za-z][\w-]*)\s*$/;
const TEST_CALL = /\btest\(\s*(["'])(.+?)\1\s*,\s*(["'])(.+?)\3/g;

/** The question a markdown cell declares, or null. */
export function parseQuestion(markdown: string): Question | null {
  const m = QUESTION.exec(markdown);
  return m ? { id: m[1], title: m[2] || m[1], points: Number(m[3]) } : null;
}

/** The header of a test cell (its first non-blank line), or null for any other cell. */
export function parseTestHeader(source: string): TestCellHeader | null {
  const first = source.split("\n").find((line) => line.trim() !== "") ?? "";
  const m = TEST_HEADER.exec(first);
  return m ? { question: m[2], hidden: m[1] !== undefined } : null;
}

/** The `[question, name]` of each `test("q", "name", …)` call in a source. */
export function testCalls(source: string): [string, string][] {
  return [...source.matchAll(TEST_CALL)].map((m) => [m[2], m[4]]);
}

/**
 * Replaces each `BEGIN … END` block named `what` by `replace(indent)` (or removes it when
 * `replace` returns null). `where` names the cell in the error for an unclosed block.
 */
export function replaceBlocks(
  source: string,
  what: string,
  replace: (indent: string) => string | null,
  where: string,
): { source: string; count: number } {
  const begin = new RegExp(`^(\\s*)//\\s*BEGIN ${what}\\s*$`);
  const end = new RegExp(`^\\s*//\\s*END ${what}\\s*$`);
  const out: string[] = [];
  let open: { indent: string; line: number } | null = null;
  let count = 0;
  source.split("\n").forEach((line, i) => {
    const b = begin.exec(line);
    if (open === null && b) {
      open = { indent: b[1], line: i + 1 };
    } else if (open !== null && end.test(line)) {
      const stub = replace(open.indent);
      if (stub !== null) out.push(stub);
      open = null;
      count++;
    } else if (open === null && end.test(line)) {
      throw new Error(
        `${where}, line ${i + 1}: "// END ${what}" without a "// BEGIN ${what}" before it`,
      );
    } else if (open === null) {
      out.push(line);
    }
  });
  if (open !== null) {
    const { line } = open as { line: number };
    throw new Error(
      `${where}, line ${line}: "// BEGIN ${what}" is never closed; add "// END ${what}"`,
    );
  }
  return { source: out.join("\n"), count };
}

/** The stub a student sees instead of a solution: it throws until they write their own. */
export function solutionStub(indent: string): string {
  return `${indent}// YOUR CODE HERE\n${indent}throw new Error("not implemented");`;
}
