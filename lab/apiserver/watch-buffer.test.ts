// WatchBuffer: write-through while the socket takes events, bounded waiting while it pushes back, and closing a
// watcher only when it is overfull and does not drain in time (or past the hard cap).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { UNRESPONSIVE_MS, WATCH_BUFFER_EVENTS, WatchBuffer } from "./watch-buffer";

function fakeSink(acceptFirst: number) {
  const written: number[] = [];
  let listener: (() => void) | undefined;
  let accepted = acceptFirst;
  const sink = {
    terminated: false,
    write: (item: number) => {
      written.push(item);
      accepted -= 1;
      return accepted > 0;
    },
    onDrain: (l: () => void) => void (listener = l),
    offDrain: () => void (listener = undefined),
    terminate: () => void (sink.terminated = true),
  };
  const drain = (accept: number) => {
    accepted = accept;
    const l = listener;
    listener = undefined;
    l?.();
  };
  return { sink, written, drain };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("WatchBuffer", () => {
  it("writes through, then waits in order while the socket pushes back, and flushes on drain", () => {
    const { sink, written, drain } = fakeSink(2);
    const buffer = new WatchBuffer<number>(sink);
    for (let i = 1; i <= 5; i += 1) buffer.push(i);
    expect(written).toEqual([1, 2]);
    drain(10);
    expect(written).toEqual([1, 2, 3, 4, 5]);
    expect(sink.terminated).toBe(false);
  });

  it.each([
    ["initial events never count", true, WATCH_BUFFER_EVENTS * 3, 0, false],
    ["up to the buffer size is fine however long", false, WATCH_BUFFER_EVENTS, UNRESPONSIVE_MS * 10, false],
    ["overfull but drained within the budget", false, WATCH_BUFFER_EVENTS + 50, UNRESPONSIVE_MS - 1, false],
    ["overfull and not drained for the budget", false, WATCH_BUFFER_EVENTS + 2, UNRESPONSIVE_MS, true],
    ["past the hard cap at once", false, WATCH_BUFFER_EVENTS * 100 + 2, 0, true],
  ])("%s", (_name, initial, count, waitMs, terminated) => {
    const { sink, written, drain } = fakeSink(1);
    const buffer = new WatchBuffer<number>(sink);
    buffer.initialPhase = initial;
    // The first is written (and the socket pushes back); the rest wait.
    for (let i = 0; i < count; i += 1) buffer.push(i);
    vi.advanceTimersByTime(waitMs);
    expect(sink.terminated).toBe(terminated);
    if (!terminated) {
      drain(Number.POSITIVE_INFINITY);
      expect(written).toHaveLength(count);
    }
  });

  it("stop drops what waits and ignores later pushes", () => {
    const { sink, written, drain } = fakeSink(1);
    const buffer = new WatchBuffer<number>(sink);
    buffer.push(1);
    buffer.push(2);
    buffer.stop();
    buffer.push(3);
    drain(10);
    expect(written).toEqual([1]);
  });
});
