import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { codeCell, notebookJson, sha256 } from "../../src/homework/notebook";
import { nnlabVersion } from "../../src/homework/package_root";
import { readSubmission } from "../../src/homework/submission_file";
import { submit } from "../../src/homework/submit";

const DIR = mkdtempSync(join(tmpdir(), "nnlab-submit-"));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

function write(name: string, ...sources: string[]): string {
  const path = join(DIR, name);
  const cells = sources.map((s, i) => codeCell(`c${i}`, s));
  writeFileSync(
    path,
    notebookJson({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { nnlab: { assignment: "hw" } },
      cells,
    }),
  );
  return path;
}

describe("submit", () => {
  it("runs the notebook fresh and writes a zip with the executed notebook and a manifest", async () => {
    const path = write("hw.ipynb", "const x = 20;", "console.log(x + 22)");
    const zip = await submit(path, { student: "ada" });
    expect(zip).toBe(join(DIR, "hw.ada.submission.zip"));
    const s = readSubmission(zip);
    expect(s.manifest).toMatchObject({
      student: "ada",
      assignment: "hw",
      nnlabVersion: nnlabVersion(),
      notebook: "hw.ipynb",
    });
    expect(s.manifest!.sha256).toBe(sha256(s.notebookText));
    expect(Date.now() - Date.parse(s.manifest!.submittedAt)).toBeLessThan(60_000);
    expect(JSON.parse(s.notebookText).cells[1].outputs[0].text).toBe("42\n");
  }, 60_000);

  it("refuses a notebook that does not run, naming the failing cell and its error", async () => {
    const path = write(
      "broken.ipynb",
      "const x = 1;",
      "const y: number = x.missing;",
      "console.log(2)",
    );
    await expect(submit(path, { student: "ben" })).rejects.toThrow(
      /does not run from the top in a fresh kernel, so nothing was submitted\.\nCell 2 failed \(error: 1:21 - Property 'missing' does not exist/,
    );
    expect(() => readFileSync(join(DIR, "broken.ben.submission.zip"))).toThrow();
  }, 60_000);

  it("refuses a student id that cannot be a file name", async () => {
    await expect(submit(write("x.ipynb", "1"), { student: "../eve" })).rejects.toThrow(
      'expected a student id of letters, digits, . _ @ -, got "../eve"',
    );
  });
});
