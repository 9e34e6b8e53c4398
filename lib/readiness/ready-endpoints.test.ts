import { describe, expect, it } from "vitest";
import { clusterSnapshot, obj } from "@/lib/fleet/snapshot-fixtures";
import type { CachedObject } from "@/lib/fleet/snapshot-types";
import { localEndpoints, localEndpointsIn } from "./ready-endpoints";

const service = (selector: Record<string, string> = { app: "details" }) => obj("Service", "details", { namespace: "bookinfo", spec: { selector } });
const slice = (name: string, endpoints: unknown[]): CachedObject => ({
  ...obj("EndpointSlice", name, { namespace: "bookinfo", labels: { "kubernetes.io/service-name": "details" } }),
  endpoints,
});
const ep = (ready: boolean | undefined, kind = "Pod") => ({ addresses: ["10.0.0.1"], conditions: ready === undefined ? {} : { ready }, targetRef: { kind } });
const pod = (name: string, ready: boolean): CachedObject => ({
  ...obj("Pod", name, { namespace: "bookinfo", labels: { app: "details" } }),
  status: { conditions: [{ type: "Ready", status: ready ? "True" : "False" }] },
});

describe("localEndpoints", () => {
  it.each<[string, CachedObject[], { ready: number; total: number } | undefined]>([
    ["no Service here: unknown, not zero", [], undefined],
    ["slices: ready counted, not-ready not", [service(), slice("a", [ep(true), ep(false)]), slice("b", [ep(true)])], { ready: 2, total: 3 }],
    ["an unset ready condition reads as ready", [service(), slice("a", [ep(undefined)])], { ready: 1, total: 1 }],
    ["a shadow WorkloadEntry is a remote instance, never a local one", [service(), slice("a", [ep(true, "WorkloadEntry"), ep(false)])], { ready: 0, total: 1 }],
    ["no slice: the selected pods' Ready condition", [service(), pod("d-1", false), pod("d-2", true)], { ready: 1, total: 2 }],
    ["no slice, no pods", [service()], { ready: 0, total: 0 }],
    ["no selector: nothing of its own to count", [service({}), pod("d-1", true)], { ready: 0, total: 0 }],
  ])("%s", (_name, objects, expected) => {
    expect(localEndpoints(clusterSnapshot("west", objects).objects, "bookinfo", "details")).toEqual(expected);
  });

  it("finds the cluster and the service by FQDN", () => {
    const at = localEndpointsIn({ revision: 1, at: "2026-11-25T03:00:00Z", managementCluster: "west", clusters: [clusterSnapshot("west", [service(), pod("d-1", true)])] });
    expect(at("west", "details.bookinfo.svc.cluster.local")).toEqual({ ready: 1, total: 1 });
    expect(at("east", "details.bookinfo.svc.cluster.local")).toBeUndefined();
  });
});
