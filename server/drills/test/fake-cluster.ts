// Test-only: one drilled cluster in memory — drills, Deployments and pods — behind a fake DrillClient that logs
// every call in order, and a fleet snapshot source republished after each write (as the informers would).
import type { DrillSpec, DrillStatus, FailoverDrill } from "@/lib/drills/schema";
import { clusterOfKinds, fleetOf } from "@/lib/fleet/snapshot-fixtures";
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { FleetSnapshotSource } from "@/server/fleet/snapshot";
import type { ConsoleFailure } from "@/server/kube/console-outcome";
import type { DrillClient } from "@/server/kube/drill-client";
import type { FailoverFacts } from "../failover-facts";

export const NS = "bookinfo";
export const OK_FAILOVER: FailoverFacts = { targetExists: true, remoteReady: true, gatewaysReady: true, outlierDetection: true, remotes: [{ cluster: "east", gateway: "bookinfo/eastwest-gateway", ready: true }] };

export type FakeCluster = ReturnType<typeof createFakeCluster>;

const down: ConsoleFailure = { kind: "unreachable", message: "The API server of west refused the connection (ECONNREFUSED); it is down or unreachable." };

export function createFakeCluster(name = "west") {
  const drills = new Map<string, FailoverDrill>();
  const replicas = new Map<string, number>([["details-v1", 1]]);
  const calls: string[] = [];
  const listeners = new Set<(s: FleetSnapshot) => void>();
  let revision = 0;
  let reachable = true;
  let failStatus = false;
  let optedIn = true;
  let snapshot = build();

  function build(): FleetSnapshot {
    const deployments = [...replicas].map(([d, n]) => ({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: d, namespace: NS, uid: `uid-${d}` },
      spec: { replicas: n, template: { metadata: { labels: { app: "details" } } } },
      status: { readyReplicas: n },
    }));
    const cluster = clusterOfKinds(
      name,
      {
        Namespace: [{ metadata: { name: NS, annotations: optedIn ? { "eastwest.dev/drills": "enabled" } : {} } }],
        Pod: [{ metadata: { name: "details-v1-abc", namespace: NS, uid: "uid-pod", labels: { app: "details" } }, status: { conditions: [{ type: "Ready", status: "True" }] } }],
        Service: [{ metadata: { name: "details", namespace: NS }, spec: { selector: { app: "details" }, ports: [{ port: 9080 }] } }],
        Deployment: deployments,
        FailoverDrill: [...drills.values()],
      },
      reachable ? {} : { state: "stale", staleSince: "2026-12-05T06:00:00Z" },
    );
    return fleetOf([cluster], name, ++revision);
  }

  function publish(): void {
    snapshot = build();
    for (const l of listeners) l(snapshot);
  }

  const key = (ref: { namespace: string; name: string }) => `${ref.namespace}/${ref.name}`;
  const guard = <T>(call: string, run: () => T): { ok: true; value: T } | ({ ok: false } & ConsoleFailure) => {
    calls.push(call);
    if (!reachable) return { ok: false, ...down };
    const value = run();
    queueMicrotask(publish);
    return { ok: true, value };
  };
  const asObject = (drill: FailoverDrill) => ({ ...drill, metadata: { ...drill.metadata } }) as never;

  const client: DrillClient = {
    cluster: name,
    drills: {
      get: async (ref) => (reachable ? { ok: true, object: drills.has(key(ref)) ? asObject(drills.get(key(ref)) as FailoverDrill) : undefined } : { ok: false, ...down }),
      create: async (d) => {
        const r = guard(`create ${d.name}`, () => drills.set(key(d), { apiVersion: "eastwest.dev/v1alpha1", kind: "FailoverDrill", metadata: { name: d.name, namespace: d.namespace, creationTimestamp: "2026-12-05T06:00:00Z" }, spec: d.spec }));
        return r.ok ? { ok: true, object: asObject(drills.get(key(d)) as FailoverDrill) } : r;
      },
      applyStatus: async (ref, status: DrillStatus) => {
        if (failStatus) {
          calls.push(`status ${status.phase ?? ""} (refused)`);
          return { ok: false, kind: "rejected", status: 422, message: "status refused" };
        }
        const r = guard(`status ${status.phase ?? ""}`, () => {
          const d = drills.get(key(ref));
          if (d) drills.set(key(ref), { ...d, status });
        });
        return r.ok ? { ok: true, object: asObject(drills.get(key(ref)) as FailoverDrill) } : r;
      },
      abort: async (ref, spec: DrillSpec) => {
        const r = guard(`abort ${ref.name}`, () => {
          const d = drills.get(key(ref));
          if (d) drills.set(key(ref), { ...d, spec: { ...spec, abort: true } });
        });
        return r.ok ? { ok: true, object: asObject(drills.get(key(ref)) as FailoverDrill) } : r;
      },
      finalizer: async (ref, on) => {
        const r = guard(`finalizer ${ref.name} ${on}`, () => {
          const d = drills.get(key(ref));
          if (d) drills.set(key(ref), { ...d, metadata: { ...d.metadata, ...({ finalizers: on ? ["eastwest.dev/restore"] : [] } as object) } });
        });
        return r.ok ? { ok: true, object: asObject(drills.get(key(ref)) as FailoverDrill) } : r;
      },
      crdInstalled: async () => ({ ok: true, installed: true }),
      installCrd: async () => ({ ok: false, kind: "rejected", message: "not in this fake" }),
    },
    workloads: {
      scale: async (_ns, deployment, n) => {
        const r = guard(`scale ${deployment} ${n}`, () => replicas.set(deployment, n));
        return r.ok ? { ok: true, value: { replicas: n, via: "apply" } } : r;
      },
      faultPod: async (_ns, pod, _uid, on) => {
        const r = guard(`fault ${pod} ${on}`, () => undefined);
        return r.ok ? { ok: true, value: undefined } : r;
      },
    },
    probe: {
      create: async (pod) => {
        const r = guard(`probe ${pod.metadata.name}`, () => undefined);
        return r.ok ? { ok: true, value: {} } : r;
      },
      remove: async (_ns, pod) => {
        const r = guard(`unprobe ${pod}`, () => undefined);
        return r.ok ? { ok: true, value: undefined } : r;
      },
      log: async () => (reachable ? { ok: true, value: undefined } : { ok: false, ...down }),
    },
  };

  const snapshots: FleetSnapshotSource = {
    current: () => snapshot,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };

  return {
    client,
    snapshots,
    calls,
    replicas,
    drills,
    /** Puts a drill as `kubectl apply` would (no status). */
    apply(name: string, spec: Partial<DrillSpec> = {}) {
      drills.set(`${NS}/${name}`, { apiVersion: "eastwest.dev/v1alpha1", kind: "FailoverDrill", metadata: { name, namespace: NS, creationTimestamp: "2026-12-05T06:00:00Z" }, spec: { service: "details", fault: "ScaleToZero", maxDuration: "2m", stopCondition: { errorRateAbove: 0.5, forSeconds: 10 }, abort: false, ...spec } });
      publish();
    },
    remove(name: string) {
      drills.delete(`${NS}/${name}`);
      publish();
    },
    setReachable(value: boolean) {
      reachable = value;
      publish();
    },
    optIn(value: boolean) {
      optedIn = value;
      publish();
    },
    refuseStatus(value: boolean) {
      failStatus = value;
    },
  };
}
