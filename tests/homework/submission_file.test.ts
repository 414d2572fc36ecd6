import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { sha256 } from "../../src/homework/notebook";
import {
  readSubmission,
  submissionId,
  SUBMISSION_FORMAT,
  zipSubmission,
  type Manifest,
} from "../../src/homework/submission_file";

const DIR = mkdtempSync(join(tmpdir(), "nnlab-sub-"));
const NB = '{"nbformat": 4, "cells": []}\n';
const manifest = (over: Partial<Manifest> = {}): Manifest => ({
  ...{ format: SUBMISSION_FORMAT, student: "ada", assignment: "hw", nnlabVersion: "0.1.0" },
  ...{ submittedAt: "2026-01-01T00:00:00Z", notebook: "hw.ipynb", sha256: sha256(NB), ...over },
});

describe("submission files", () => {
  it("reads back the notebook and manifest of a submission zip", () => {
    const path = join(DIR, "anything.zip");
    writeFileSync(path, zipSubmission(NB, manifest()));
    const s = readSubmission(path);
    expect(s.student).toBe("ada");
    expect(s.notebookText).toBe(NB);
    expect(s.manifest).toEqual(manifest());
    expect(submissionId(path)).toBe("ada");
  });

  it("takes the student of a bare notebook from its file name", () => {
    const path = join(DIR, "ben.ipynb");
    writeFileSync(path, NB);
    expect(readSubmission(path)).toMatchObject({
      student: "ben",
      notebookText: NB,
      manifest: null,
    });
  });

  it("refuses a zip whose notebook changed after submitting, with both checksums", () => {
    const path = join(DIR, "cal.zip");
    writeFileSync(path, zipSubmission(NB, manifest({ sha256: "0".repeat(64) })));
    expect(() => readSubmission(path)).toThrow(
      /checksum .* differs from the manifest's 000000000000…/,
    );
  });

  it("refuses a zip without a notebook and a file that is not a zip", () => {
    const empty = join(DIR, "dee.zip");
    writeFileSync(empty, zipSync({ "notes.txt": strToU8("hi") }));
    expect(() => readSubmission(empty)).toThrow(
      "expected a notebook (.ipynb) in the zip, got [notes.txt]",
    );
    const junk = join(DIR, "eve.zip");
    writeFileSync(junk, "not a zip");
    expect(() => readSubmission(junk)).toThrow(
      /expected a zip from nnlab submit, got one that does not open/,
    );
    expect(submissionId(junk)).toBe("eve");
  });
});
