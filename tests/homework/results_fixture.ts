import type { StudentResult } from "../../src/homework/result";

/** A graded student: q1 full marks, q2 half (one hidden test failed). */
export const BEN: StudentResult = {
  student: "ben",
  file: "submissions/ben.ipynb",
  fileHash: "f",
  keyHash: "k",
  status: "errors",
  reason: 'cell 4 failed: Error: "boom", twice',
  questions: [
    {
      id: "q1",
      title: "BatchNorm backward",
      score: 4,
      points: 4,
      tests: [{ question: "q1", name: "shape", hidden: false, passed: true, message: "" }],
    },
    {
      id: "q2",
      title: "Adam",
      score: 1.5,
      points: 3,
      tests: [
        { question: "q2", name: "first step", hidden: false, passed: true, message: "" },
        {
          question: "q2",
          name: "torch",
          hidden: true,
          passed: false,
          message: "expected 0.5079 ± 1e-9, got 0.61",
        },
      ],
    },
  ],
  total: 5.5,
  maxTotal: 7,
  seconds: 3.4,
  gradedAt: "2026-01-01T00:00:00Z",
};
