import { describe, expect, it } from "vitest";
import { changedVersions } from "./change-pulses";

/** A source whose version the test sets, with the listeners it notifies. */
function source(initial: number) {
  let version = initial;
  const listeners = new Set<() => void>();
  return {
    listeners,
    set(next: number) {
      version = next;
      for (const l of [...listeners]) l();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read: () => version,
  };
}

const stream = (s: ReturnType<typeof source>, lastEventId: string | undefined, signal: AbortSignal) =>
  changedVersions({ subscribe: (l) => s.subscribe(l), read: s.read, key: String, lastEventId, signal });

describe("changedVersions", () => {
  it.each([
    ["a new reader hears the current version first", undefined, [1, 2]],
    ["a reconnect with the current version hears only the next change", "1", [2]],
  ])("%s", async (_name, lastEventId, expected) => {
    const s = source(1);
    const abort = new AbortController();
    const it = stream(s, lastEventId, abort.signal);
    const heard: number[] = [];
    const reading = (async () => {
      for await (const v of it) {
        heard.push(v);
        if (heard.length === expected.length) abort.abort();
      }
    })();
    // Notifications that leave the version as it is send nothing; a burst is heard once, with the newest version.
    await new Promise((r) => setImmediate(r));
    s.set(1);
    s.set(2);
    await new Promise((r) => setImmediate(r));
    abort.abort();
    s.set(3);
    await reading;
    expect(heard).toEqual(expected);
    expect(s.listeners.size).toBe(0);
  });

  it("subscribes before the first read, so a change that lands while reading is heard", async () => {
    const s = source(1);
    const abort = new AbortController();
    let reads = 0;
    const it = changedVersions({
      subscribe: (l) => s.subscribe(l),
      read: () => {
        reads += 1;
        const seen = s.read();
        // A change lands right after the version was read: only a listener already in place notices it.
        if (reads === 1) s.set(5);
        return seen;
      },
      key: String,
      lastEventId: undefined,
      signal: abort.signal,
    });
    expect((await it.next()).value).toBe(1);
    expect((await it.next()).value).toBe(5);
    const third = it.next();
    abort.abort();
    expect((await third).done).toBe(true);
    expect(s.listeners.size).toBe(0);
  });
});
