import { describe, expect, it } from "vitest";
import { feedbackMarkdown } from "../../src/homework/feedback";
import { BEN } from "./results_fixture";

describe("feedbackMarkdown", () => {
  it("shows the total, the reason and each test, hiding hidden tests' messages", () => {
    expect(feedbackMarkdown("hw", BEN)).toBe(
      [
        "# hw: feedback for ben",
        "",
        "**Score: 5.5 / 7** (errors)",
        "",
        '> cell 4 failed: Error: "boom", twice',
        "",
        "## q1: BatchNorm backward (4 / 4)",
        "",
        "- ✓ shape",
        "",
        "## q2: Adam (1.5 / 3)",
        "",
        "- ✓ first step",
        "- ✗ torch (hidden test)",
        "",
      ].join("\n"),
    );
  });
});
