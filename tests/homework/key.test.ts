import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { maxPoints, readKey } from "../../src/homework/key";
import { sha256 } from "../../src/homework/notebook";
import { template } from "./fixtures";

const DIR = mkdtempSync(join(tmpdir(), "nnlab-key-"));

describe("readKey", () => {
  it("reads a key from nnlab assign with the hash of its text", () => {
    const text = JSON.stringify(template().key);
    writeFileSync(join(DIR, "hw.key.json"), text);
    const { key, keyHash } = readKey(join(DIR, "hw.key.json"));
    expect(keyHash).toBe(sha256(text));
    expect(maxPoints(key)).toBe(10);
  });

  it("refuses a file that is not a key, naming the format it expected", () => {
    writeFileSync(join(DIR, "student.ipynb"), '{"nbformat": 4, "cells": []}');
    expect(() => readKey(join(DIR, "student.ipynb"))).toThrow(
      'expected a grading key of format "nnlab-key/1" (from nnlab assign), got format undefined',
    );
  });
});
