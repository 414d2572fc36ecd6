import { describe, expect, it } from "vitest";
import { mapPool } from "../../src/homework/pool";

describe("mapPool", () => {
  it("keeps at most `concurrency` calls in flight and returns results in input order", async () => {
    let running = 0;
    let most = 0;
    const out = await mapPool([30, 5, 20, 1, 10], 2, async (ms, i) => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      return i * 10;
    });
    expect(out).toEqual([0, 10, 20, 30, 40]);
    expect(most).toBe(2);
  });

  it("refuses a concurrency below 1", async () => {
    await expect(mapPool([1], 0, async (x) => x)).rejects.toThrow(
      "mapPool: expected a concurrency of at least 1, got 0",
    );
  });
});
