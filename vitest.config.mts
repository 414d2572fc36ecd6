import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Notebook tests start a real Jupyter kernel; they need more than the default 5 s.
    testTimeout: 20_000,
  },
});
