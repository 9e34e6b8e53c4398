import pLimit from "p-limit";
import { describe, expect, it } from "vitest";
import type { FleetModel } from "@/server/model/types";
import { createReconciler, LARGE_PASS } from "./reconciler";
import { applyActions, gatedWriter } from "./test/gated-writer";

describe("reconciler passes", () => {
  it("holds large passes to a few clusters at a time, and never a small pass behind them", async () => {
    const sizes: Record<string, number> = { big1: LARGE_PASS + 36, big2: LARGE_PASS + 36, small: 3 };
    const writers = Object.fromEntries(Object.keys(sizes).map((c) => [c, gatedWriter()]));
    const actions = new Map(Object.entries(sizes).map(([c, n]) => [c, applyActions(c, n)]));
    const model = { current: () => ({ registry: { actions } }) } as unknown as FleetModel;
    const reconciler = createReconciler({ mode: "standalone", model, writerFor: (c) => writers[c]?.writer, canWrite: () => true, writeConcurrency: 8, budget: pLimit(32), largePasses: pLimit(1), expectationTtlMs: 60_000 });
    const passes = Object.keys(sizes).map((c) => reconciler.reconcileCluster(c));
    await new Promise((resolve) => setImmediate(resolve));
    // One large pass writes (8 lanes), the other waits its turn; the small one's 3 writes go out at once.
    expect([writers.big1?.counts.inFlight, writers.big2?.counts.inFlight, writers.small?.counts.inFlight]).toEqual([8, 0, 3]);
    await Promise.all(Object.values(writers).map((w) => w.releaseAll()));
    await Promise.all(Object.values(writers).map((w) => w.releaseAll()));
    expect(await Promise.all(passes)).toEqual(["done", "done", "done"]);
    expect(Object.values(writers).map((w) => w.counts.done)).toEqual(Object.values(sizes));
    expect(reconciler.counters().applied).toBe(LARGE_PASS * 2 + 75);
  });
});
