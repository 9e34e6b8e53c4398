// Builders for snapshots in tests (used by lib/fleet tests and available to consumers' tests).
import { FLEET_KINDS, objectKey, type CachedObject, type ClusterObjects, type ClusterSnapshot, type FleetKind, type FleetSnapshot, type ObjectMap } from "./snapshot-types";

export function obj(kind: FleetKind, name: string, extra: { namespace?: string; labels?: Record<string, string>; spec?: unknown } = {}): CachedObject {
  const { namespace, labels, spec } = extra;
  return {
    apiVersion: "v1",
    kind,
    metadata: { name, ...(namespace ? { namespace } : {}), ...(labels ? { labels } : {}) },
    ...(spec === undefined ? {} : { spec }),
  };
}

export function objectsOf(items: readonly CachedObject[]): ClusterObjects {
  const entries = FLEET_KINDS.map((kind): [FleetKind, ObjectMap] => [
    kind,
    new Map(items.filter((o) => o.kind === kind).map((o) => [objectKey(o.metadata), o])),
  ]);
  return Object.fromEntries(entries) as Record<FleetKind, ObjectMap>;
}

export function clusterSnapshot(name: string, items: readonly CachedObject[], extra: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
  return { name, state: "synced", management: false, objects: objectsOf(items), ...extra };
}

/** An object as a test writes it: only what the code under test reads; the kind comes from where it is listed. */
export type LooseObject = {
  readonly metadata?: { readonly name?: string; readonly namespace?: string; readonly [field: string]: unknown };
  readonly [field: string]: unknown;
};

function stamped(kind: FleetKind, o: LooseObject): CachedObject {
  if (typeof o.kind === "string" && typeof o.apiVersion === "string" && typeof o.metadata?.name === "string") return o as CachedObject;
  return { apiVersion: "v1", ...o, kind, metadata: { ...o.metadata, name: o.metadata?.name ?? "" } } as CachedObject;
}

/** A cluster from objects grouped by kind (every other kind empty); synced unless `extra` says otherwise. */
export function clusterOfKinds(name: string, byKind: Partial<Record<FleetKind, readonly LooseObject[]>>, extra: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
  const items = FLEET_KINDS.flatMap((kind) => (byKind[kind] ?? []).map((o) => stamped(kind, o)));
  return clusterSnapshot(name, items, extra);
}

export function fleetOf(clusters: readonly ClusterSnapshot[], managementCluster: string | null = null, revision = 1): FleetSnapshot {
  return { revision, at: "2026-01-10T12:00:00.000Z", managementCluster, clusters };
}
