import { defineConfig } from "vitest/config";
import type { Reporter, SerializedError, TestModule, TestSuite } from "vitest/node";

/**
 * Ends the run with one plain line, "N passed, N failed, N skipped", that any CI log reader
 * understands. A file or suite that failed outside its tests (an import error, a throwing
 * `beforeAll`, whose tests vitest then reports as skipped) and an unhandled error each count
 * as one failure, so the line never says "0 failed" for a run that failed.
 */
const plainSummary: Reporter = {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    let outside = 0;
    const failedOutsideTests = (s: TestModule | TestSuite) =>
      s.state() === "failed" &&
      ![...s.children.allTests()].some((t) => t.result().state === "failed");
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed++;
        else if (state === "failed") counts.failed++;
        else counts.skipped++;
      }
      if (failedOutsideTests(module)) outside++;
      else outside += [...module.children.allSuites()].filter(failedOutsideTests).length;
    }
    outside += unhandled.length;
    const why = outside > 0 ? ` (${outside} outside a test: a file, hook or unhandled error)` : "";
    console.log(
      `\n${counts.passed} passed, ${counts.failed + outside} failed${why}, ${counts.skipped} skipped`,
    );
  },
};

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Notebook tests start a real Jupyter kernel; they need more than the default 5 s.
    testTimeout: 20_000,
    reporters: ["default", plainSummary],
  },
});
