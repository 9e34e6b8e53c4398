// Test support: the small demo fleet (server/workspaces/test/fake-deps.ts: west = management with bookinfo-ws,
// east synced, north stale) with what failover needs — an east-west gateway with a ready pod and an address in west
// and east, the failover DestinationRule, and EndpointSlices for details and reviews — over a fleet model that
// plans in process. `readyIn` sets how many ready endpoints details has in each cluster.
import { obj } from "@/lib/fleet/snapshot-fixtures";
import type { CachedObject, FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { DesiredObject } from "@/lib/plan/desired";
import { demoSnapshot } from "@/server/workspaces/test/fake-deps";
import { testModel } from "@/server/workspaces/test/test-model";
import type { InspectDeps } from "../deps";

export const WS = "bookinfo-ws";
export const DETAILS = "details.bookinfo.svc.cluster.local";
export const REVIEWS = "reviews.bookinfo.svc.cluster.local";

export const gateway = (ip: string, ready = true): CachedObject[] => [
  obj("IngressGateway", "eastwest-gateway", { namespace: "bookinfo", spec: { eastWestOnly: true } }),
  { ...obj("Service", "eastwest-gateway", { namespace: "bookinfo", spec: { type: "LoadBalancer", selector: { app: "eastwest-gateway" }, ports: [{ name: "tls", port: 15443 }] } }), status: { loadBalancer: { ingress: [{ ip }] } } },
  { ...obj("Pod", "eastwest-gateway-0", { namespace: "bookinfo", labels: { app: "eastwest-gateway" } }), status: { conditions: [{ type: "Ready", status: ready ? "True" : "False" }] } },
];

export const slice = (service: string, ready: boolean[]): CachedObject =>
  ({ ...obj("EndpointSlice", `${service}-abcde`, { namespace: "bookinfo", labels: { "kubernetes.io/service-name": service } }), endpoints: ready.map((r, i) => ({ addresses: [`10.244.0.${i + 10}`], conditions: { ready: r } })) }) as CachedObject;

const rule = (host: string) => obj("DestinationRule", `${host.split(".")[0]}-failover`, { namespace: "bookinfo", spec: { host, trafficPolicy: { outlierDetection: { consecutiveGatewayErrors: 10 } } } });

export const deployment = (name: string): CachedObject =>
  ({
    ...obj("Deployment", `${name}-v1`, { namespace: "bookinfo", labels: { app: name }, spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name, version: "v1" } } } } }),
    metadata: { name: `${name}-v1`, namespace: "bookinfo", labels: { app: name }, managedFields: [{ manager: "kubectl", operation: "Apply" }] },
    status: { conditions: [{ type: "Available", status: "True", reason: "MinimumReplicasAvailable" }] },
  }) as CachedObject;

export type FleetOptions = { westDetails?: boolean[]; eastDetails?: boolean[]; westGatewayReady?: boolean; west?: CachedObject[]; east?: CachedObject[] };

export function inspectSnapshot(o: FleetOptions = {}): FleetSnapshot {
  return demoSnapshot({
    west: [...gateway("10.0.0.1", o.westGatewayReady ?? true), rule(DETAILS), rule(REVIEWS), slice("details", o.westDetails ?? [true]), slice("reviews", [true]), deployment("details"), ...(o.west ?? [])],
    east: [...gateway("10.0.0.2"), rule(DETAILS), slice("details", o.eastDetails ?? [true]), deployment("details"), ...(o.east ?? [])],
  });
}

/** A planned object as the cluster would hold it once the registry applied it (its field manager included). */
export function applied(d: DesiredObject): CachedObject {
  return { ...d, metadata: { ...d.metadata, uid: `uid-${d.metadata.name}`, resourceVersion: "1", managedFields: [{ manager: "eastwest-registry", operation: "Apply" }] } } as CachedObject;
}

export async function inspectDeps(first: FleetSnapshot = inspectSnapshot()) {
  const t = testModel(first);
  await t.model.settled();
  const deps: InspectDeps = { model: t.model };
  return { ...t, deps };
}

/** The fleet once the registry applied its plan: each cluster holds its planned objects (so failover works). */
export async function convergedDeps(o: FleetOptions = {}) {
  const first = await inspectDeps(inspectSnapshot(o));
  const planned = first.model.current()?.plan.clusters ?? {};
  const of = (cluster: string) => (planned[cluster] ?? []).map(applied);
  const next = inspectSnapshot({ ...o, west: [...(o.west ?? []), ...of("west")], east: [...(o.east ?? []), ...of("east")] });
  return inspectDeps({ ...next, revision: 2 });
}
