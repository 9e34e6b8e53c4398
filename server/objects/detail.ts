// One Istio object for the detail view, from the fleet cache (the model's snapshot; no API call): its YAML as the
// cluster holds it, without managedFields (the cache keeps only their managers; the owner section names them),
// its owner (proved the console's, or foreign with who wrote it and what the proof missed), and its status
// conditions. Istio writes `status.conditions` (type, status, reason, message, lastTransitionTime, as every
// Kubernetes condition) when its status reporting is on; many objects have none.
import type { CachedObject } from "@/lib/fleet/snapshot-types";
import { renderYaml } from "@/lib/manifests/render";
import { asArray, asRecord, asString } from "@/lib/registry/json-read";
import { quoted, someOf } from "@/lib/validation/bounded-text";
import { MAX_JSON_DEPTH } from "@/lib/validation/limits";
import { nestsDeeperThan } from "@/lib/validation/json-depth";
import { notFound, unprocessable } from "@/server/errors";
import type { ModelState } from "@/server/model/types";
import type { ObjectIndex } from "./object-index";
import { ownerOf, scopeOf, type OwnershipState } from "./ownership";
import { objectSummary } from "./summary";
import type { ObjectCondition, ObjectDetail, ObjectRef } from "./types";

/** Conditions kept per object: a status is written by controllers, so its size is not ours to trust. */
const MAX_CONDITIONS = 20;

export function conditionsOf(status: unknown): ObjectCondition[] {
  return asArray(asRecord(status)?.conditions)
    .slice(0, MAX_CONDITIONS)
    .flatMap((raw) => {
      const c = asRecord(raw);
      const type = asString(c?.type);
      if (!c || !type) return [];
      return [{ type, status: asString(c.status) ?? "Unknown", reason: asString(c.reason) ?? "", message: asString(c.message) ?? "", lastTransitionTime: asString(c.lastTransitionTime) ?? null }];
    });
}

/** The object without managedFields (and otherwise as cached). */
function withoutManagedFields(o: CachedObject): Record<string, unknown> {
  const { managedFields: _managed, ...metadata } = o.metadata;
  void _managed;
  return { ...o, metadata };
}

/** The cached object `ref` names, or NOT_FOUND naming the first field that does not resolve. */
export function findObject(state: Pick<ModelState, "snapshot">, ref: ObjectRef): CachedObject {
  const cluster = state.snapshot.clusters.find((c) => c.name === ref.cluster);
  if (!cluster) {
    const known = someOf(state.snapshot.clusters.map((c) => c.name)) || "none";
    throw notFound("cluster", `No cluster named ${quoted(ref.cluster)} in the fleet (known: ${known}).`);
  }
  const object = cluster.objects[ref.kind].get(`${ref.namespace}/${ref.name}`);
  if (!object) throw notFound("name", `No ${ref.kind} ${quoted(`${ref.namespace}/${ref.name}`)} in cluster ${ref.cluster}${cluster.state === "synced" ? "" : " (as last known: the cluster is not synced)"}.`);
  return object;
}

export function objectDetail(state: Pick<ModelState, "snapshot"> & OwnershipState, index: ObjectIndex, ref: ObjectRef): ObjectDetail {
  const object = findObject(state, ref);
  if (nestsDeeperThan(object, MAX_JSON_DEPTH)) {
    throw unprocessable("name", `${ref.kind} ${ref.namespace}/${ref.name} nests deeper than ${MAX_JSON_DEPTH} levels; the console will not show it. Read it with kubectl.`);
  }
  const scope = scopeOf(state, ref.cluster);
  const owner = ownerOf(ref.kind, object, scope);
  const clusterState = index.clusters.find((c) => c.name === ref.cluster);
  if (!clusterState) throw notFound("cluster", `No cluster named ${quoted(ref.cluster)} in the fleet.`);
  const created = object.metadata.creationTimestamp;
  return {
    cluster: ref.cluster,
    kind: ref.kind,
    namespace: ref.namespace,
    name: ref.name,
    uid: object.metadata.uid ?? "",
    summary: objectSummary(ref.kind, object.spec),
    generated: owner.kind === "console",
    createdAt: created && !Number.isNaN(Date.parse(created)) ? created : null,
    yaml: renderYaml(withoutManagedFields(object)),
    owner,
    conditions: conditionsOf(object.status),
    clusterState,
  };
}
