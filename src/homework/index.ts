/**
 * Homework, both ends: an instructor's assignment notebook → a student notebook and a key
 * (assign); tests a student runs inline (test, check); a submission from a fresh run
 * (submit); a class graded in fresh kernels from the key (gradeClass). The `nnlab` command
 * (cli.ts) wraps assign, submit and grade.
 */
export { test, resetTests, runTests, questionsWithTests } from "./registry";
export type { TestFn, TestOutcome } from "./registry";
export { check, formatCheck } from "./check";
export { report, parseReport } from "./report";
export { assign, assignFile } from "./assign";
export type { Assignment } from "./assign";
export { readKey } from "./key";
export type { GradingKey, KeyTest } from "./key";
export type { Question } from "./markers";
export { submit } from "./submit";
export type { SubmitOptions } from "./submit";
export { readSubmission } from "./submission_file";
export type { Manifest, Submission } from "./submission_file";
export { runInKernel } from "./kernel_runner";
export type { KernelLimits, KernelRun, CellRun } from "./kernel_runner";
export { gradeSubmission } from "./grade_submission";
export { gradeClass } from "./grade";
export type { GradeOptions } from "./grade";
export type { StudentResult, QuestionScore, TestResult, Status } from "./result";
