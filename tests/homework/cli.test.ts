/**
 * The `nnlab` command as installed: the built dist/src/homework/cli.js (run `npm run build`
 * first, as for the notebook tests). The kernel-running commands are covered by
 * submit.test.ts and end_to_end.test.ts; here, arguments, outputs and errors.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, TEMPLATE } from "./fixtures";

const CLI = join(ROOT, "dist", "src", "homework", "cli.js");
const DIR = mkdtempSync(join(tmpdir(), "nnlab-cli-"));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

function nnlab(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!existsSync(CLI)) throw new Error(`no ${CLI}; run npm run build first`);
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { cwd: DIR }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe("the nnlab command", () => {
  it("assign writes the student notebook and the key, and says where", async () => {
    const { code, stdout } = await nnlab("assign", TEMPLATE, "--out", "hw");
    expect(code).toBe(0);
    expect(stdout).toContain("3 questions, 10 tests (4 hidden)");
    const key = JSON.parse(
      readFileSync(join(DIR, "hw", "key", "15-homework-template.key.json"), "utf8"),
    );
    expect(key.format).toBe("nnlab-key/1");
    expect(existsSync(join(DIR, "hw", "student", "15-homework-template.ipynb"))).toBe(true);
  });

  it("grade needs a key, and says so on stderr with exit code 1", async () => {
    const { code, stderr } = await nnlab("grade", ".");
    expect(code).toBe(1);
    expect(stderr).toContain("required option '-k, --key <key.json>' not specified");
  });

  it("grade refuses a missing key or a non-positive --jobs, naming what it got", async () => {
    const missing = await nnlab("grade", ".", "--key", "nope.json");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/expected a grading key \(from nnlab assign\) at nope.json/);
    const jobs = await nnlab("grade", ".", "--key", "k.json", "--jobs", "0");
    expect(jobs.stderr).toContain("expected a positive number, got 0");
  });

  it("submit refuses a notebook that is not one", async () => {
    const { code, stderr } = await nnlab(
      "submit",
      TEMPLATE.replace(".ipynb", ".missing.ipynb"),
      "--student",
      "ada",
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/expected a notebook at .*missing.ipynb, got no such file/);
  });
});
