import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { setDisplayTransport } from "../../widgets/display";
import type { Figure } from "../../widgets/figures/figure";
import { newLive } from "../../widgets/live_display";
import { RecordingTransport } from "./fixtures";

let recorder: RecordingTransport;
beforeEach(() => {
  vi.useFakeTimers();
  recorder = new RecordingTransport();
  setDisplayTransport(recorder);
});
afterEach(() => {
  vi.useRealTimers();
  setDisplayTransport();
});

const figure = (n: number): Figure => ({
  data: [{ type: "scatter", name: `n=${n}`, y: [n] }],
  layout: {},
});
const sentNames = () =>
  recorder.figures().map((m) => m.message.data["text/plain"].split("\n")[1]?.trim());

describe("newLive", () => {
  it("shows the first figure at once as display_data, then updates the same display id", () => {
    const live = newLive(figure(0), { intervalMs: 100 });
    vi.advanceTimersByTime(150);
    live.update(figure(1));
    const [first, second] = recorder.figures();
    expect(first.update).toBe(false);
    expect(second.update).toBe(true);
    expect(first.message.transient.display_id).toBe(live.id);
    expect(second.message.transient.display_id).toBe(live.id);
    expect(second.message.data["text/html"]).toContain(`{"live":"${live.id}"}`);
  });

  it("sends at most one update per interval, the latest one, when the interval is up", () => {
    const live = newLive(figure(0), { intervalMs: 250 });
    for (let i = 1; i <= 10; i++) {
      vi.advanceTimersByTime(20); // 10 updates in 200 ms
      live.update(figure(i));
    }
    expect(sentNames()).toEqual(["n=0: 1 point, last 0"]);
    vi.advanceTimersByTime(50); // 250 ms after the first
    expect(sentNames()).toEqual(["n=0: 1 point, last 0", "n=10: 1 point, last 10"]);
    expect(live.sent).toBe(2);
  });

  it("builds a figure given as a function only when it is sent", () => {
    const live = newLive(figure(0), { intervalMs: 250 });
    const build = vi.fn(() => figure(1));
    live.update(build);
    live.update(() => figure(2));
    expect(build).not.toHaveBeenCalled();
    live.flush();
    expect(build).not.toHaveBeenCalled();
    expect(sentNames().at(-1)).toBe("n=2: 1 point, last 2");
  });

  it("flush() sends the pending figure now, so the saved notebook holds the last one", () => {
    const live = newLive(figure(0), { intervalMs: 10_000 });
    live.update(figure(1));
    live.update(figure(2));
    live.flush();
    live.flush(); // nothing pending: nothing sent
    expect(sentNames()).toEqual(["n=0: 1 point, last 0", "n=2: 1 point, last 2"]);
    vi.advanceTimersByTime(20_000);
    expect(recorder.figures()).toHaveLength(2);
  });

  it("rejects a negative interval", () => {
    expect(() => newLive(undefined, { intervalMs: -1 })).toThrow(
      "newLive: intervalMs must be a finite number ≥ 0, got -1",
    );
  });
});
