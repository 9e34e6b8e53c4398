// Nothing plans or adapts the fleet on a request: once the fleet model has digested the snapshot, the workspace
// page, the overview list and every preview read its state and fork its warm planner — neither the cold planner
// (lib/plan/plan) nor the snapshot adapter (lib/registry toPlanInput) runs again.
import { describe, expect, it, vi } from "vitest";
import { obj } from "@/lib/fleet/snapshot-fixtures";
import type { CachedObject } from "@/lib/fleet/snapshot-types";
import { plan } from "@/lib/plan/plan";
import { toPlanInput } from "@/lib/registry/plan-input-adapter";
import { exposurePreview } from "./exposure-preview";
import { stateOf } from "./fleet-input";
import { gatewayPreview } from "./gateway-preview";
import { gatewayRemovePreview } from "./gateway-remove";
import { demoSnapshot, fakeDeps, fakeWriter } from "./test/fake-deps";
import { workspaceDetail } from "./workspace-detail";
import { workspaceList } from "./workspace-list";

vi.mock("@/lib/plan/plan", async (original) => {
  const actual = await original<typeof import("@/lib/plan/plan")>();
  return { ...actual, plan: vi.fn(actual.plan) };
});
vi.mock("@/lib/registry/plan-input-adapter", async (original) => {
  const actual = await original<typeof import("@/lib/registry/plan-input-adapter")>();
  return { ...actual, toPlanInput: vi.fn(actual.toPlanInput) };
});

const WS = "bookinfo-ws";
const MANAGED = { "app.kubernetes.io/managed-by": "eastwest-console" };
const liveGateway = { apiVersion: "install.tetrate.io/v1alpha1", kind: "IngressGateway", metadata: { name: "eastwest-gateway", namespace: "bookinfo", uid: "u1", resourceVersion: "1", labels: MANAGED, managedFields: [{ manager: "eastwest-console", operation: "Apply" }] }, spec: { eastWestOnly: true } };
const gateway = (ip: string): CachedObject[] => [
  obj("IngressGateway", "eastwest-gateway", { namespace: "bookinfo", spec: { eastWestOnly: true } }),
  { ...obj("Service", "eastwest-gateway", { namespace: "bookinfo", spec: { type: "LoadBalancer", selector: { app: "eastwest-gateway" }, ports: [{ name: "tls", port: 15443 }] } }), status: { loadBalancer: { ingress: [{ ip }] } } },
];

describe("requests read the fleet model", () => {
  it("neither plans nor adapts the snapshot: pages and previews", async () => {
    const west = fakeWriter("west", { live: liveGateway });
    const deps = fakeDeps(demoSnapshot({ west: gateway("10.0.0.1"), east: gateway("10.0.0.2") }), { west, east: fakeWriter("east", { live: liveGateway }) });
    await stateOf(deps);
    const adapted = vi.mocked(toPlanInput).mock.calls.length;
    // The model did adapt the snapshot (once): the counter watches the adapter the model uses.
    expect(adapted).toBeGreaterThan(0);
    vi.mocked(plan).mockClear();

    await workspaceDetail(deps, WS);
    await workspaceList(deps);
    const exposure = await exposurePreview(deps, { workspace: WS, exposure: { mode: "selected", services: ["details.bookinfo.svc.cluster.local"] } });
    await gatewayPreview(deps, { workspace: WS, clusters: ["west", "east"] });
    const removal = await gatewayRemovePreview(deps, { workspace: WS, cluster: "east", namespace: "bookinfo", name: "eastwest-gateway" });

    expect(vi.mocked(plan)).not.toHaveBeenCalled();
    expect(vi.mocked(toPlanInput).mock.calls.length).toBe(adapted);
    // The previews did answer from the model's fork.
    expect(exposure.consequences.map((c) => c.cluster)).toEqual(["east", "north", "west"]);
    expect(removal.removable).toBe(true);
  });
});
