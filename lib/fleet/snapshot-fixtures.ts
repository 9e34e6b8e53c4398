// Builders for snapshots in tests (used by lib/fleet tests and available to consumers' tests).
import { FLEET_KINDS, objectKey, type CachedObject, type ClusterObjects, type ClusterSnapshot, type FleetKind, type ObjectMap } from "./snapshot-types";

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
