import type { StudentResult } from "./result";

/**
 * A student's feedback as markdown: the total, the status and its reason, then each
 * question's score and tests. A hidden test shows its name and whether it passed, never its
 * message (which may carry the expected numbers).
 */
export function feedbackMarkdown(assignment: string, r: StudentResult): string {
  const lines = [
    `# ${assignment}: feedback for ${r.student}`,
    "",
    `**Score: ${r.total} / ${r.maxTotal}** (${r.status})`,
  ];
  if (r.reason) lines.push("", `> ${r.reason.replace(/\n/g, "\n> ")}`);
  for (const q of r.questions) {
    lines.push("", `## ${q.id}: ${q.title} (${q.score} / ${q.points})`, "");
    if (q.tests.length === 0) lines.push("- not graded: nothing could run");
    for (const t of q.tests) {
      const mark = t.passed ? "✓" : "✗";
      const label = t.hidden ? `${t.name} (hidden test)` : t.name;
      const why = t.passed || t.hidden ? "" : `: ${t.message.split("\n")[0]}`;
      lines.push(`- ${mark} ${label}${why}`);
    }
  }
  return lines.join("\n") + "\n";
}
