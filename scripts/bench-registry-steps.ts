// Steps of the registry benchmark (scripts/bench-registry.ts): lab requests over plain HTTP, waiting on fleet
// snapshots, a writer wrapper that timestamps every write, and percentiles. Script-only code.
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import type { FleetSnapshotSource } from "@/server/fleet/snapshot";
import type { ClusterHandle } from "@/server/kube/kubeconfig";
import type { ClusterWriter } from "@/server/kube/writer";

/**
 * A request to a lab cluster as its kubeconfig user (bearer token). The lab answers HTTPS with a CA made at each
 * start (the kubeconfig skips verification, Node's fetch would refuse it) and plain HTTP on the same port: plain
 * HTTP here. Throws on a non-2xx answer.
 */
export async function labRequest(handle: ClusterHandle, method: string, path: string, body?: unknown): Promise<unknown> {
  const token = handle.kubeConfig?.getCurrentUser()?.token;
  const headers = { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) };
  const res = await fetch(`${handle.server.replace(/^https:\/\//, "http://")}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 200)}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

export function waitForSnapshot(source: FleetSnapshotSource, what: string, ok: (s: FleetSnapshot) => boolean, timeoutMs: number): Promise<FleetSnapshot> {
  return new Promise((resolve, reject) => {
    const check = (s: FleetSnapshot) => {
      if (!ok(s)) return false;
      clearTimeout(timer);
      off();
      resolve(s);
      return true;
    };
    const timer = setTimeout(() => (off(), reject(new Error(`timed out waiting for ${what}`))), timeoutMs);
    const off = source.subscribe(check);
    check(source.current());
  });
}

export type WriteEvent = { cluster: string; op: "apply" | "delete"; name: string; at: number };

/** Wraps a writer so every completed, successful write is reported with its completion time. */
export function timedWriter(cluster: string, inner: ClusterWriter, onWrite: (e: WriteEvent) => void): ClusterWriter {
  return {
    async apply(object, lock) {
      const outcome = await inner.apply(object, lock);
      if (outcome.ok) onWrite({ cluster, op: "apply", name: object.metadata.name, at: performance.now() });
      return outcome;
    },
    async delete(ref, pre) {
      const outcome = await inner.delete(ref, pre);
      if (outcome.ok) onWrite({ cluster, op: "delete", name: ref.name, at: performance.now() });
      return outcome;
    },
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

export const gatewayManifest = (namespace: string) => ({
  apiVersion: "install.tetrate.io/v1alpha1",
  kind: "IngressGateway",
  metadata: { name: "eastwest-gateway", namespace },
  spec: { eastWestOnly: true },
});

export const serviceManifest = (name: string, namespace: string) => ({
  apiVersion: "v1",
  kind: "Service",
  metadata: { name, namespace, labels: { app: name } },
  spec: { selector: { app: name }, ports: [{ name: "http", port: 8080 }] },
});

/** Every cluster synced and its gateway Service addressed. */
export function gatewaysReady(namespace: string, clusters: number) {
  return (s: FleetSnapshot) =>
    s.clusters.length === clusters &&
    s.clusters.every((c) => {
      const svc = c.objects.Service.get(`${namespace}/eastwest-gateway`);
      const ingress = (svc?.status as { loadBalancer?: { ingress?: unknown[] } } | undefined)?.loadBalancer?.ingress ?? [];
      return c.state === "synced" && ingress.length > 0;
    });
}
