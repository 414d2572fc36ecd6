import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { gradeClass, submissionFiles } from "../../src/homework/grade";
import { sha256 } from "../../src/homework/notebook";
import {
  SUBMISSION_FORMAT,
  zipSubmission,
  type Manifest,
} from "../../src/homework/submission_file";
import { notebookJson, solved, template } from "./fixtures";

const DIR = mkdtempSync(join(tmpdir(), "nnlab-grade-test-"));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

function setUp(name: string): { subs: string; keyPath: string; out: string } {
  const subs = join(DIR, name, "submissions");
  mkdirSync(subs, { recursive: true });
  const keyPath = join(DIR, name, "key.json");
  writeFileSync(keyPath, JSON.stringify(template().key));
  return { subs, keyPath, out: join(DIR, name, "grades") };
}

describe("gradeClass", () => {
  const python = process.env.NNLAB_PYTHON;
  afterEach(() => {
    if (python === undefined) delete process.env.NNLAB_PYTHON;
    else process.env.NNLAB_PYTHON = python;
  });

  it("lists a folder's zips and notebooks, sorted, and refuses a path that does not exist", () => {
    const { subs } = setUp("list");
    for (const f of ["b.zip", "a.ipynb", "notes.txt"]) writeFileSync(join(subs, f), "");
    expect(submissionFiles([subs])).toEqual([join(subs, "a.ipynb"), join(subs, "b.zip")]);
    expect(() => submissionFiles([join(subs, "nope")])).toThrow(
      /expected a submissions folder or file, got .*nope, which does not exist/,
    );
  });

  it("keeps two submissions of one student apart and grades unreadable ones once, without a kernel", async () => {
    const { subs, keyPath, out } = setUp("twice");
    writeFileSync(join(subs, "ada.ipynb"), "");
    const text = "{ not json";
    const manifest: Manifest = {
      ...{
        format: SUBMISSION_FORMAT,
        student: "ada",
        assignment: "15-homework-template",
        nnlabVersion: "0.1.0",
      },
      ...{ submittedAt: "2026-01-01T00:00:00Z", notebook: "hw.ipynb", sha256: sha256(text) },
    };
    writeFileSync(join(subs, "late.zip"), zipSubmission(text, manifest));
    writeFileSync(join(subs, "torn.zip"), zipSubmission(text, manifest).slice(0, 40));
    const results = await gradeClass([subs], keyPath, { outDir: out, concurrency: 2 });
    expect(results.map((r) => [r.student, r.status, r.total])).toEqual([
      ["ada", "malformed", 0],
      ["ada-2", "malformed", 0],
      ["torn", "malformed", 0],
    ]);
    const reused: string[] = [];
    await gradeClass([subs], keyPath, {
      outDir: out,
      onResult: (r, again) => again && reused.push(r.student),
    });
    expect(reused.sort()).toEqual(["ada", "ada-2", "torn"]); // unreadable files are not regraded either
    expect(
      readFileSync(join(out, "grades.csv"), "utf8")
        .split("\n")
        .slice(1, 3)
        .map((l) => l.split(",")[0]),
    ).toEqual(["ada", "ada-2"]);
  });

  it("stops when no kernel can start, leaving that student ungraded for the next run", async () => {
    const { subs, keyPath, out } = setUp("nokernel");
    writeFileSync(join(subs, "ben.ipynb"), notebookJson(solved(template().student)));
    process.env.NNLAB_PYTHON = join(DIR, "no-such-python");
    await expect(gradeClass([subs], keyPath, { outDir: out })).rejects.toThrow(
      /could not start .*no-such-python.*run \.\/lab setup/,
    );
    expect(existsSync(join(out, "results", "ben.json"))).toBe(false);
  });
});
