import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createPushDebouncer } from "./mesh-debounce";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("push debounce", () => {
  it("pushes once, 100 ms after the last change of a burst", () => {
    const push = vi.fn();
    const debouncer = createPushDebouncer(push);
    debouncer.changed();
    vi.advanceTimersByTime(60);
    debouncer.changed();
    vi.advanceTimersByTime(99);
    expect(push).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(push).toHaveBeenCalledTimes(1);
  });

  it("pushes at most 10 s after the first change of a burst that never goes quiet", () => {
    const push = vi.fn();
    const debouncer = createPushDebouncer(push);
    for (let t = 0; t < 10_050; t += 50) {
      debouncer.changed();
      vi.advanceTimersByTime(50);
    }
    expect(push).toHaveBeenCalledTimes(1);
  });

  it("flushes what is pending, and pushes nothing after stop", () => {
    const push = vi.fn();
    const debouncer = createPushDebouncer(push);
    debouncer.flush();
    expect(push).not.toHaveBeenCalled();
    debouncer.changed();
    debouncer.flush();
    expect(push).toHaveBeenCalledTimes(1);
    debouncer.changed();
    debouncer.stop();
    vi.advanceTimersByTime(1000);
    expect(push).toHaveBeenCalledTimes(1);
  });
});
