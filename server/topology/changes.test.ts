// topology.onChange's stream: the current version first, nothing for a change the graph does not show (a Pod in
// another namespace, a probe), one event for a change it shows, a resume from lastEventId, NOT_FOUND up front.
import { describe, expect, it } from "vitest";
import { obj } from "@/lib/fleet/snapshot-fixtures";
import type { CachedObject, FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { asDomainError } from "@/server/errors";
import { demoSnapshot } from "@/server/workspaces/test/fake-deps";
import { testModel } from "@/server/workspaces/test/test-model";
import { topologyChanges } from "./changes";
import { topologyGraph } from "./queries";

const slice = (service: string, ready: boolean): CachedObject => ({
  ...obj("EndpointSlice", `${service}-abcde`, { namespace: "bookinfo", labels: { "kubernetes.io/service-name": service } }),
  endpoints: [{ addresses: ["10.244.0.10"], conditions: { ready } }],
} as CachedObject);
const pod = (name: string, namespace: string): CachedObject => ({ ...obj("Pod", name, { namespace, labels: { app: name } }), status: { phase: "Running" } } as CachedObject);

function fleet(eastReady: boolean, westExtra: CachedObject[] = [], revision = 1): FleetSnapshot {
  return { ...demoSnapshot({ west: westExtra, east: [slice("details", eastReady)] }), revision };
}

describe("topology changes", () => {
  it("sends the version, then only changes of the graph", async () => {
    const t = testModel(fleet(true));
    const controller = new AbortController();
    const stream = topologyChanges(t.model, "bookinfo-ws", undefined, controller.signal);
    const first = await stream.next();
    const graph = await topologyGraph(t.model, { workspace: "bookinfo-ws", expanded: [] });
    expect(first.value).toEqual({ version: graph.version });

    // A Pod in another namespace and a probe: the graph is the same, so nothing is sent.
    const pending = stream.next();
    let settled = false;
    void pending.then(() => (settled = true));
    t.publish(fleet(true, [pod("lonely", "other")], 2));
    await t.model.settled();
    t.publish({ ...fleet(true, [pod("lonely", "other")], 3), clusters: fleet(true, [pod("lonely", "other")], 3).clusters.map((c) => ({ ...c, latencyMs: 99 })) });
    await t.model.settled();
    expect((await topologyGraph(t.model, { workspace: "bookinfo-ws", expanded: [] })).version).toBe(graph.version);
    expect(settled).toBe(false);

    // east's details instance going unready changes the graph: one event with the new version.
    t.publish(fleet(false, [pod("lonely", "other")], 4));
    await t.model.settled();
    const changed = (await topologyGraph(t.model, { workspace: "bookinfo-ws", expanded: [] })).version;
    expect(changed).not.toBe(graph.version);
    expect((await pending).value).toEqual({ version: changed });
    controller.abort();
    await t.model.stop();
  });

  it("resumes from lastEventId: a client with the current version hears only the next change", async () => {
    const t = testModel(fleet(true));
    const seen = (await topologyGraph(t.model, { expanded: [] })).version;
    const controller = new AbortController();
    const stream = topologyChanges(t.model, undefined, seen, controller.signal);
    const pending = stream.next();
    t.publish(fleet(false, [], 2));
    await t.model.settled();
    const now = (await topologyGraph(t.model, { expanded: [] })).version;
    expect(now).not.toBe(seen);
    expect((await pending).value).toEqual({ version: now });
    controller.abort();
    await t.model.stop();
  });

  it("an unknown workspace is NOT_FOUND naming the field, up front", async () => {
    const t = testModel(fleet(true));
    const error = await topologyChanges(t.model, "nope", undefined, undefined).next().catch((e: unknown) => e);
    expect(asDomainError(error)).toMatchObject({ tag: "eastwest.NotFound", field: "workspace" });
    await t.model.stop();
  });
});
