import pLimit from "p-limit";
import { describe, expect, it } from "vitest";
import { executeActions } from "./execute";
import { createExpectations } from "./expectations";
import { applyActions as actions, gatedWriter as gatedWriters } from "./test/gated-writer";

describe("executeActions with a fleet-wide write budget", () => {
  it.each([
    { budget: 3, clusters: 4, perCluster: 8, most: 3 },
    { budget: 32, clusters: 4, perCluster: 8, most: 32 },
    { budget: 100, clusters: 2, perCluster: 8, most: 16 },
  ])("budget $budget, $clusters clusters × $perCluster lanes: at most $most writes in flight", async ({ budget, clusters, perCluster, most }) => {
    const { writer, counts, releaseAll } = gatedWriters();
    const limit = pLimit(budget);
    const runs = Array.from({ length: clusters }, (_, c) =>
      executeActions(actions(`c${c}`, 20), { writer, canWrite: () => true, expectations: createExpectations(60_000), concurrency: perCluster, budget: limit, now: () => 0 }),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(counts.inFlight).toBe(most);
    await releaseAll();
    const results = await Promise.all(runs);
    expect(results.map((r) => r.applied)).toEqual(Array.from({ length: clusters }, () => 20));
    expect(counts.most).toBe(most);
  });

  it("writes nothing more once leadership is lost while waiting for a slot", async () => {
    const { writer, counts, releaseAll } = gatedWriters();
    let leading = true;
    const run = executeActions(actions("west", 10), { writer, canWrite: () => leading, expectations: createExpectations(60_000), concurrency: 4, budget: pLimit(2), now: () => 0 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(counts.inFlight).toBe(2);
    leading = false;
    await releaseAll();
    const result = await run;
    // The two in flight finished; the lanes waiting for a slot saw the lost Lease and wrote nothing.
    expect(result.applied).toBe(2);
    expect(counts.done).toBe(2);
  });
});
