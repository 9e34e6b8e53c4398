// Shared shapes and constants of the object builders (service-entries, workload-entries, destination-rules,
// gateway-config): each returns objects tagged with their target cluster plus conditions, and plan.ts merges them.
import type { Condition } from "./conditions";
import type { DesiredObject } from "./desired";

/** A desired object and the cluster it belongs in. */
export type Placed = { cluster: string; object: DesiredObject };

/** What each object builder returns: objects to place, and why some could not be planned. */
export type BuildResult = { placed: Placed[]; conditions: Condition[] };

/** Tells the client sidecar to originate Istio mTLS, which the remote gateway's AUTO_PASSTHROUGH needs (SNI). */
export const TLS_MODE_LABEL = "security.istio.io/tlsMode";
/** Where remote services are published (XCP's namespace; the seed lists ServiceEntries there). */
export const MULTICLUSTER_NAMESPACE = "xcp-multicluster";
