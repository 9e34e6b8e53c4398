// The failover state of every service in every cluster of a workspace, and the facts it is computed from. The
// input is a small explicit view (from-model.ts builds it from what the console observes) so the rules in
// failover-state.ts read as the mesh behaves: a sidecar in a cluster sends a Service's traffic to its local ready
// endpoints first, and to remote east-west gateways only through the shadow WorkloadEntries (a cluster running the
// service) or ServiceEntry endpoints (a cluster without it) that exist there now (domain.md §3.3–3.8).

/** A count of endpoints: `ready` of `total` (EndpointSlice `conditions.ready`, or Ready pods). */
export type EndpointCount = { ready: number; total: number };

/** An east-west gateway of a cluster (one serving the workspace: selector match and port 15443). */
export type GatewayFacts = {
  namespace: string;
  name: string;
  /** Ready pods behind the gateway's Service; a gateway with none accepts nothing on its addresses. */
  readyPods: number;
  /** The IPs it publishes (LoadBalancer ingress or the cluster-external-addresses annotation, resolved). */
  addresses: readonly string[];
};

/** A Service the cluster runs, inside the workspace. */
export type ServiceFacts = {
  fqdn: string;
  namespace: string;
  ports: readonly number[];
  /** Its local endpoints now; undefined when unknown (→ Unknown, never Unavailable). */
  endpoints: EndpointCount | undefined;
};

export type ClusterFacts = {
  name: string;
  /** Unreachable or not synced: every other field is its last known state. */
  stale: boolean;
  /** RFC 3339, when known. */
  staleSince?: string;
  /** `region/zone/subzone`, when known: orders failover targets by proximity as Istio's locality LB does. */
  locality?: string;
  gateways: readonly GatewayFacts[];
  services: readonly ServiceFacts[];
  /** Observed ServiceEntries (hosts → endpoint addresses), whoever wrote them. */
  serviceEntries: ReadonlyArray<{ hosts: readonly string[]; addresses: readonly string[] }>;
  /** Observed WorkloadEntries the local Service of `fqdn` selects (its shadows): their addresses. */
  shadowEntries: ReadonlyArray<{ fqdn: string; addresses: readonly string[] }>;
  /** Hosts a DestinationRule with `trafficPolicy.outlierDetection` covers in this cluster. */
  outlierDetection: readonly string[];
};

/**
 * The workspace's exposure (domain.md §3.1): without a WorkspaceSetting nothing is exposed; with one, the listed
 * FQDNs, or every service of the workspace when the list is absent or empty.
 */
export type Exposure = { setting: false } | { setting: true; exposedServices?: readonly string[] };

export type FailoverInput = { clusters: readonly ClusterFacts[]; exposure: Exposure };

/** A way out of a cluster: a remote cluster, the gateway traffic enters it through, and the addresses dialled. */
export type Route = { cluster: string; gateway: string; addresses: readonly string[] };

/** Why a remote instance is no failover target (the first failing check, in this order). */
export type RemoteProblem =
  | "remote-cluster-stale"
  | "no-gateway"
  | "gateway-not-ready"
  | "no-shadow-workload-entries"
  | "not-in-service-entry"
  | "remote-endpoints-unknown"
  | "remote-instances-down";

/** A remote problem names the reason only when it explains why no remote works (see failover-state.ts). */
export type AtRiskReason = "no-remote-instance" | "not-exposed" | "no-outlier-detection" | RemoteProblem;

/** One remote instance, as seen from the cluster whose state it is. */
export type RemoteCheck = { cluster: string; ok: true; route: Route } | { cluster: string; ok: false; problem: RemoteProblem };

/** The state of one service in one cluster. The user-facing words are in words.ts. */
export type FailoverState =
  | { kind: "serving-locally"; endpoints: EndpointCount; targets: readonly Route[] }
  | { kind: "failed-over"; endpoints: EndpointCount; targets: readonly Route[] }
  | { kind: "at-risk"; reason: AtRiskReason; endpoints: EndpointCount; remotes: readonly RemoteCheck[]; targets: readonly Route[] }
  | { kind: "remote-only"; reachable: boolean; remotes: readonly RemoteCheck[]; unmatchedAddresses: readonly string[] }
  | { kind: "unavailable"; endpoints?: EndpointCount; remotes: readonly RemoteCheck[] }
  | { kind: "unknown"; why: "cluster-stale" | "endpoints-unknown"; since?: string };

export type FailoverKind = FailoverState["kind"];

export type FailoverRow = { cluster: string; fqdn: string; namespace: string; state: FailoverState };
