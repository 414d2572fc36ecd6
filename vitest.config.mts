import { defineConfig } from "vitest/config";
import type { Reporter, TestModule } from "vitest/node";

/** Ends the run with one plain line, "N passed, N failed, N skipped", that any CI log reader understands. */
const plainSummary: Reporter = {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") counts.passed++;
        else if (state === "failed") counts.failed++;
        else counts.skipped++;
      }
    }
    console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
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
