// Recent Events of one object the side panel shows (a Service, a Deployment, a gateway's pods, the Istio objects):
// read from its cluster on demand, through server/kube/object-events.ts (the one way to read Events), with the
// object's uid from the fleet cache so an earlier object of the same name does not lend it its Events. Failures
// (unreachable, forbidden) come back as data for the cluster; an unknown cluster is NOT_FOUND naming "cluster".
import { z } from "zod";
import { quoted } from "@/lib/validation/bounded-text";
import { MAX_NAME_LENGTH } from "@/lib/validation/limits";
import { notFound } from "@/server/errors";
import type { ClusterHandle } from "@/server/kube/kubeconfig";
import { recentEvents, type EventsResult } from "@/server/kube/object-events";
import type { ModelState } from "@/server/model/types";

/** The namespaced kinds the panel shows objects of (a Namespace's Events are not namespaced, and rare). */
export const EVENT_KINDS = ["Service", "Deployment", "Pod", "IngressGateway", "ServiceEntry", "WorkloadEntry", "DestinationRule", "Gateway"] as const;

const name = (what: string) => z.string({ error: `${what} must be a string` }).min(1, { error: `${what} is required` }).max(MAX_NAME_LENGTH, { error: `${what} is longer than ${MAX_NAME_LENGTH} characters` });

export const eventsInputSchema = z.object({
  cluster: name("cluster"),
  kind: z.enum(EVENT_KINDS, { error: `kind must be one of ${EVENT_KINDS.join(", ")}` }),
  namespace: name("namespace"),
  name: name("name"),
});
export type EventsInput = z.infer<typeof eventsInputSchema>;

export type EventsDeps = { handle: (cluster: string) => ClusterHandle | undefined; timeoutMs: number };

export function nodeObjectEvents(deps: EventsDeps, state: Pick<ModelState, "snapshot">, input: EventsInput): Promise<EventsResult> {
  const cluster = state.snapshot.clusters.find((c) => c.name === input.cluster);
  if (!cluster) throw notFound("cluster", `cluster ${quoted(input.cluster)} is not in the fleet.`);
  const uid = cluster.objects[input.kind].get(`${input.namespace}/${input.name}`)?.metadata.uid;
  return recentEvents(input.cluster, deps.handle(input.cluster), { kind: input.kind, namespace: input.namespace, name: input.name, ...(uid ? { uid } : {}) }, { timeoutMs: deps.timeoutMs });
}
