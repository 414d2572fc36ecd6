import type { GradingKey } from "./key";
import type { StudentResult } from "./result";

/**
 * The class's grades.csv: one row per student with each question's score, the total, the
 * status and the reason (RFC 4180 quoting).
 *
 * @example student,q1,q2,total,status,reason ↵ ada,4,3,7,graded,
 */
export function gradesCsv(key: GradingKey, results: readonly StudentResult[]): string {
  const header = ["student", ...key.questions.map((q) => q.id), "total", "status", "reason"];
  const rows = results.map((r) => [
    r.student,
    ...key.questions.map((q) => String(r.questions.find((s) => s.id === q.id)?.score ?? 0)),
    String(r.total),
    r.status,
    r.reason,
  ]);
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\n") + "\n";
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
