import { describe, expect, it } from "vitest";
import { createWorkQueue, type QueueResult } from "./work-queue";

function deferred() {
  let release: () => void = () => undefined;
  const promise = new Promise<void>((r) => (release = r));
  return { promise, release };
}

describe("work queue", () => {
  it("starts a lone add at once, whatever the window", async () => {
    const calls: string[] = [];
    const q = createWorkQueue<string>({ process: async (k) => (calls.push(k), "done"), concurrency: 2, coalesceMs: 60_000, backoff: { initialMs: 1, maxMs: 10 } });
    q.add("west");
    // process runs synchronously from add: no timer stands between a change and its write.
    expect(calls).toEqual(["west"]);
    await q.idle();
  });

  it("coalesces a burst of adds for one key into one more pass at the end of the window", async () => {
    const starts: Array<[string, number]> = [];
    const q = createWorkQueue<string>({ process: async (k) => (starts.push([k, performance.now()]), "done"), concurrency: 2, coalesceMs: 40, backoff: { initialMs: 1, maxMs: 10 } });
    q.add("west");
    for (let i = 0; i < 100; i++) q.add("west");
    q.add("east");
    await q.idle();
    expect(starts.map(([k]) => k)).toEqual(["west", "east", "west"]);
    const [[, first], , [, again]] = starts as [[string, number], [string, number], [string, number]];
    // The window runs from the first pass's start, recorded just before it is called (1 ms for the gap between).
    expect(again - first).toBeGreaterThanOrEqual(39);
  });

  it("never runs one key twice at once; an add while running runs it once more afterwards", async () => {
    const gate = deferred();
    let active = 0;
    let maxActive = 0;
    let calls = 0;
    const q = createWorkQueue<string>({
      process: async () => {
        calls++;
        active++;
        maxActive = Math.max(maxActive, active);
        if (calls === 1) await gate.promise;
        active--;
        return "done";
      },
      concurrency: 4,
      coalesceMs: 0,
      backoff: { initialMs: 1, maxMs: 10 },
    });
    q.add("k");
    for (let i = 0; i < 10; i++) q.add("k");
    gate.release();
    await q.idle();
    expect(maxActive).toBe(1);
    expect(calls).toBe(2);
  });

  it("retries a failing key with backoff until it succeeds, then forgets the failures", async () => {
    const results: QueueResult[] = ["retry", "retry", "done"];
    const q = createWorkQueue<string>({ process: async () => results.shift() ?? "done", concurrency: 1, coalesceMs: 0, backoff: { initialMs: 1, maxMs: 4 } });
    q.add("k");
    await q.idle();
    expect(results).toEqual([]);
    expect(q.failures("k")).toBe(0);
  });
});

describe("work queue shutdown", () => {
  it("waits only for the running key, even when it was re-added meanwhile", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    let calls = 0;
    const q = createWorkQueue<string>({ process: async () => (calls++, await gate, "retry"), concurrency: 1, coalesceMs: 0, backoff: { initialMs: 1, maxMs: 1 } });
    q.add("k");
    q.add("k");
    q.shutdown();
    const idle = q.idle();
    release();
    await idle;
    expect(calls).toBe(1);
  });
});
