import { describe, expect, it } from "vitest";
import { gradesCsv } from "../../src/homework/grades_csv";
import type { GradingKey } from "../../src/homework/key";
import { BEN } from "./results_fixture";

const KEY = {
  questions: [
    { id: "q1", title: "a", points: 4 },
    { id: "q2", title: "b", points: 3 },
  ],
} as GradingKey;

describe("gradesCsv", () => {
  it("writes one row per student: question scores, total, status, reason quoted as RFC 4180", () => {
    expect(gradesCsv(KEY, [BEN])).toBe(
      'student,q1,q2,total,status,reason\nben,4,1.5,5.5,errors,"cell 4 failed: Error: ""boom"", twice"\n',
    );
  });

  it("scores 0 for a question the result lacks", () => {
    const none = { ...BEN, questions: [], total: 0, status: "malformed" as const, reason: "" };
    expect(gradesCsv(KEY, [none]).split("\n")[1]).toBe("ben,0,0,0,malformed,");
  });
});
