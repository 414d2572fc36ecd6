import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { resetTests, test } from "../../src/homework/registry";
import { parseReport, report, RESULT_MARK } from "../../src/homework/report";

describe("grading reports", () => {
  let printed: string[] = [];
  beforeEach(() => {
    resetTests();
    printed = [];
    vi.spyOn(console, "log").mockImplementation((s: string) => void printed.push(s));
  });
  afterEach(() => vi.restoreAllMocks());

  it("prints one result line that parseReport reads back", () => {
    test("q1", "ok", () => {});
    test("q1", "bad", () => {
      throw new Error("expected 3, got 4");
    });
    report("q1");
    expect(printed).toHaveLength(1);
    expect(printed[0].startsWith(RESULT_MARK)).toBe(true);
    expect(parseReport(`noise\n${printed[0]}\n`, "q1")).toEqual([
      { name: "ok", passed: true, message: "" },
      { name: "bad", passed: false, message: "expected 3, got 4" },
    ]);
  });

  it("finds no result for another question or without a result line", () => {
    report("q1");
    expect(parseReport(printed[0], "q2")).toBeNull();
    expect(parseReport("all tests passed!", "q1")).toBeNull();
  });
});
