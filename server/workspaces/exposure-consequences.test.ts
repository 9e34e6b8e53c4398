import { describe, expect, it } from "vitest";
import { seedInput } from "@/lib/plan/test-fixtures";
import { live } from "@/lib/registry/test-helpers";
import type { ObservedCluster, ObservedObject } from "@/lib/registry/types";
import { registryQuery } from "./exposure-consequences";
import { forkOf } from "./test/plan-fork";

const { after } = await forkOf(seedInput({ exposed: [] }), () => seedInput({ exposed: ["details.bookinfo.svc.cluster.local"] }));
const template = (after.clusters.north ?? []).find((o) => o.kind === "ServiceEntry");
if (!template) throw new Error("the plan has no ServiceEntry in north");
// Enough objects that one walk takes several of the event loop's slices (5 ms each), so walks asked for at once
// would overlap if they were not shared.
const planned = Array.from({ length: 20_000 }, (_, i) => ({ ...template, metadata: { ...template.metadata, name: `${template.metadata.name}-${i}` } }));

/** A live object whose kind is read through a counter: how many times the walk looked at it. */
function counted(o: ObservedObject, reads: { n: number }): ObservedObject {
  return new Proxy(o, { get: (target, key) => (key === "kind" && reads.n++, Reflect.get(target, key)) });
}

/** How many times the live objects were looked at while `ask` ran with a fresh observed list of foreign objects. */
async function readsWhile(ask: (clusters: ObservedCluster[]) => Promise<unknown>): Promise<number> {
  const reads = { n: 0 };
  const objects = planned.map((o) => counted(live(o, { managers: ["kubectl-client-side-apply/Update"] }), reads));
  await ask([{ name: "north", stale: false, objects }]);
  return reads.n;
}

describe("registryQuery's foreign ids", () => {
  it("previews asking at once share one walk of the live objects, and each gets the same ids", async () => {
    const one = await readsWhile((clusters) => registryQuery("ws", { clusters }));
    expect(one).toBeGreaterThan(0);
    let answers: unknown[] = [];
    const three = await readsWhile(async (clusters) => (answers = await Promise.all([1, 2, 3].map(() => registryQuery("ws", { clusters })))));
    expect(three).toBe(one);
    const [a, b, c] = answers as Array<Awaited<ReturnType<typeof registryQuery>>>;
    expect(a?.kind === "registry" && a.foreign?.north?.length).toBe(planned.length);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it("the model's next state, whose cluster's live list changed, is walked again", async () => {
    const one = await readsWhile((clusters) => registryQuery("ws", { clusters }));
    const two = await readsWhile(async (clusters) => {
      await registryQuery("ws", { clusters });
      await registryQuery("ws", { clusters: clusters.map((c) => ({ ...c, objects: [...c.objects] })) });
    });
    expect(two).toBe(2 * one);
  });
});
