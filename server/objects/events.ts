// The Events of one Istio object, for the detail view: recentEvents (server/kube/object-events.ts, the one way to
// read them) with the object's uid from the fleet cache, so the Events of an earlier object of the same name are
// left out. An object the cache does not hold (deleted since the page was opened) is still asked about by kind,
// namespace and name: its last Events are what explains its going. An unknown cluster is a NOT_FOUND naming it;
// an unreachable or forbidding one is a result for that cluster, as data.
import { quoted, someOf } from "@/lib/validation/bounded-text";
import { notFound } from "@/server/errors";
import type { Impersonation } from "@/server/kube/impersonation";
import type { ClusterHandle } from "@/server/kube/kubeconfig";
import { recentEvents, type EventsResult } from "@/server/kube/object-events";
import type { ModelState } from "@/server/model/types";
import type { ObjectRef } from "./types";

/** `impersonate`: read as this person (EASTWEST_IMPERSONATE_READS with a signed-in person), so the cluster's RBAC decides. */
export type EventsDeps = { handle: (cluster: string) => ClusterHandle | undefined; timeoutMs: number; impersonate?: Impersonation | undefined };

export function objectEvents(deps: EventsDeps, state: Pick<ModelState, "snapshot">, ref: ObjectRef): Promise<EventsResult> {
  const cluster = state.snapshot.clusters.find((c) => c.name === ref.cluster);
  if (!cluster) {
    const known = someOf(state.snapshot.clusters.map((c) => c.name)) || "none";
    throw notFound("cluster", `No cluster named ${quoted(ref.cluster)} in the fleet (known: ${known}).`);
  }
  const uid = cluster.objects[ref.kind].get(`${ref.namespace}/${ref.name}`)?.metadata.uid;
  const target = { kind: ref.kind, namespace: ref.namespace, name: ref.name, ...(uid ? { uid } : {}) };
  return recentEvents(ref.cluster, deps.handle(ref.cluster), target, { timeoutMs: deps.timeoutMs, ...(deps.impersonate ? { impersonate: deps.impersonate } : {}) });
}
