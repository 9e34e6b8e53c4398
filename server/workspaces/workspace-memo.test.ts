// The workspace page's reads are memoized on the fleet model's parts: between two changes, any number of
// workspace.detail and workspace.list calls compute nothing again; a probe-only snapshot (latency, check times)
// computes nothing again either; a change the page reads (a new Service, a gateway pod) recomputes.
import { describe, expect, it } from "vitest";
import { obj } from "@/lib/fleet/snapshot-fixtures";
import type { CachedObject, FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { WorkspaceDeps } from "./deps";
import { demoSnapshot, fakeDeps } from "./test/fake-deps";
import { testModel } from "./test/test-model";
import { viewMemoOf } from "./view-memo";
import { workspaceDetail } from "./workspace-detail";
import { workspaceList } from "./workspace-list";

const WS = "bookinfo-ws";
const gatewayPod = (ready: boolean): CachedObject => ({
  ...obj("Pod", "eastwest-gateway-0", { namespace: "bookinfo", labels: { app: "eastwest-gateway" } }),
  status: { conditions: [{ type: "Ready", status: ready ? "True" : "False" }] },
});
const gateway = (ready: boolean): CachedObject[] => [
  obj("IngressGateway", "eastwest-gateway", { namespace: "bookinfo", spec: { eastWestOnly: true } }),
  { ...obj("Service", "eastwest-gateway", { namespace: "bookinfo", spec: { type: "LoadBalancer", selector: { app: "eastwest-gateway" }, ports: [{ name: "tls", port: 15443 }] } }), status: { loadBalancer: { ingress: [{ ip: "10.0.0.2" }] } } },
  gatewayPod(ready),
];

/** The same fleet, probed again: new latency and revision, every object map kept. */
const probed = (s: FleetSnapshot): FleetSnapshot => ({ ...s, revision: s.revision + 1, at: "2026-01-10T12:00:05.000Z", clusters: s.clusters.map((c) => ({ ...c, latencyMs: (c.latencyMs ?? 0) + 7 })) });

function setUp(first: FleetSnapshot) {
  const fleet = testModel(first);
  const deps: WorkspaceDeps = { ...fakeDeps(first), model: fleet.model };
  return { ...fleet, deps, computed: () => viewMemoOf(fleet.model).computed() };
}

describe("workspace reads memoized on the fleet model's state", () => {
  it("100 detail and 100 list calls between two changes compute once", async () => {
    const { deps, computed } = setUp(demoSnapshot({ east: gateway(true) }));
    const first = await workspaceDetail(deps, WS);
    await workspaceList(deps);
    const once = computed();
    expect(once).toBeGreaterThan(0);
    for (let i = 0; i < 100; i++) {
      // The same object, not an equal one: plain-json.ts checks an answer once per object, not once per call.
      expect(await workspaceDetail(deps, WS)).toBe(first);
      await workspaceList(deps);
    }
    expect(computed()).toBe(once);
  });

  it("a probe-only snapshot is a new state and recomputes nothing", async () => {
    const snapshot = demoSnapshot({ east: gateway(true) });
    const { deps, computed, publish, model } = setUp(snapshot);
    const before = await workspaceDetail(deps, WS);
    const adapted = model.current()?.adapted;
    const once = computed();
    const next = probed(snapshot);
    publish(next);
    expect(model.current()?.snapshot).toBe(next);
    expect(model.current()?.adapted).toBe(adapted);
    expect(await workspaceDetail(deps, WS)).toEqual(before);
    await workspaceList(deps);
    // The list's own slots are computed the first time it is asked; the detail's are all hits.
    const withList = computed();
    publish(probed(next));
    await workspaceDetail(deps, WS);
    await workspaceList(deps);
    expect(computed()).toBe(withList);
    expect(withList - once).toBeLessThanOrEqual(3);
  });

  it("a new Service recomputes the services; a gateway pod going unready recomputes readiness", async () => {
    const snapshot = demoSnapshot({ east: gateway(true) });
    const { deps, computed, publish, model } = setUp(snapshot);
    const before = await workspaceDetail(deps, WS);
    const once = computed();
    const service = obj("Service", "ratings", { namespace: "bookinfo", labels: { app: "ratings" }, spec: { selector: { app: "ratings" }, ports: [{ name: "http", port: 9080, protocol: "TCP" }] } });
    publish(demoSnapshot({ east: [...gateway(true), service] }));
    await model.settled();
    const added = await workspaceDetail(deps, WS);
    expect(computed()).toBeGreaterThan(once);
    expect(added.services.map((s) => s.name)).toEqual([...before.services.map((s) => s.name), "ratings"].sort());

    const gatewaysCheck = (d: typeof before) => d.readiness.items.find((i) => i.id === "gateways")?.status;
    const unreadyBefore = computed();
    publish(demoSnapshot({ east: [...gateway(false), service] }));
    await model.settled();
    const unready = await workspaceDetail(deps, WS);
    expect(computed()).toBeGreaterThan(unreadyBefore);
    expect(gatewaysCheck(unready)).toBe("fail");
    expect(unready.clusters.find((c) => c.name === "east")?.gateways[0]?.pods).toMatchObject({ ready: 0, total: 1 });
  });
});
