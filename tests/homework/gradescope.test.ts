import { describe, expect, it } from "vitest";
import { gradescopeResults } from "../../src/homework/gradescope";
import { BEN } from "./results_fixture";

describe("gradescopeResults", () => {
  it("splits each question's points over its tests, hidden ones after publishing and without output", () => {
    const r = gradescopeResults(BEN);
    expect(r.score).toBe(5.5);
    expect(r.execution_time).toBe(3);
    expect(r.output).toBe('errors: cell 4 failed: Error: "boom", twice');
    expect(r.tests).toEqual([
      {
        name: "q1: shape",
        number: "q1.1",
        score: 4,
        max_score: 4,
        status: "passed",
        output: "",
        visibility: "visible",
      },
      {
        name: "q2: first step",
        number: "q2.1",
        score: 1.5,
        max_score: 1.5,
        status: "passed",
        output: "",
        visibility: "visible",
      },
      {
        name: "q2: torch",
        number: "q2.2",
        score: 0,
        max_score: 1.5,
        status: "failed",
        output: "",
        visibility: "after_published",
      },
    ]);
  });
});
