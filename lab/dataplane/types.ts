// The lab's data plane: the contract between its parts. Every routing decision is computed only from the objects
// stored in the cluster's own store (lab/apiserver), never from another cluster's store or from the lab's seed.
//
//   workloads.ts   ready pods answer HTTP on their own loopback address (bookinfo's behaviour, pod faults)
//   gateways.ts    east-west gateways: TLS on 15443 of each published address, SNI routing (AUTO_PASSTHROUGH)
//   mesh-view.ts   one cluster's endpoints for a host, in Istio's priority order, from that cluster's store
//   mesh-client.ts what a sidecar does: pick an endpoint (priorities, 1.4 overprovisioning, outlier detection), dial
//   telemetry.ts   Istio's standard metrics per cluster, in Prometheus text format
//   index.ts       starts all of it for every cluster of a lab (startDataPlane)
//   address-plan.ts / address-block.ts  each lab's own /16 of loopback: pods' and load balancers' addresses
import type { ClusterStore } from "../apiserver/types";
import type { AddressPlan } from "./address-plan";

/** Who served a request: the `x-served-by-cluster` / `x-served-by-pod` response headers. */
export interface ServedBy {
  cluster: string;
  pod: string;
}

/**
 * One request's outcome as its caller sees it: the admin endpoint's `results[]`, a probe pod's log line and the
 * bench all print this shape. `status` 0 means no HTTP response at all (DNS failure, reset, refused).
 */
export interface RequestResult {
  status: number;
  latencyMs: number;
  servedByCluster: string | null;
  servedByPod: string | null;
  /** What the caller would see: "no healthy upstream", "upstream connect error … connection failure", "getaddrinfo ENOTFOUND …". */
  error: string | null;
  /** Envoy's response flags as in its access log: "-" none, "UH" no healthy upstream, "UF" connect failure, "NR" no route, "UC", "URX", "UT", "DC". */
  responseFlags: string;
}

/** The workload a request comes from (its metrics' source_* labels, and whose outlier detection state is used). */
export interface SourceWorkload {
  namespace: string;
  /** Deployment name (Istio's `source_workload`), or the pod name for a bare pod. */
  workload: string;
  pod?: string;
}

export interface MeshRequest {
  /** `http://<svc>.<ns>.svc.cluster.local:<port>/<path>` (short forms `<svc>.<ns>` and `<svc>.<ns>.svc` too). */
  url: string;
  source: SourceWorkload;
  /** Default 5,000 ms, as a caller's own timeout (Envoy's route timeout is off by default). */
  timeoutMs?: number;
}

export interface MeshResponse extends RequestResult {
  /** The parsed JSON body when there is one. */
  body?: unknown;
}

/** What a sidecar of one cluster does for an outbound request. One per cluster; outlier state is per source workload. */
export interface MeshClient {
  request(request: MeshRequest): Promise<MeshResponse>;
}

/** A locality as Istio reads it: region/zone/subzone (from a Node's topology labels, or an entry's `locality`). */
export interface Locality {
  region: string;
  zone: string;
  subzone: string;
}

/** Where a sidecar may send a request for one host:port, as computed from its own cluster's store. */
export interface MeshEndpoint {
  /** The address to dial: a pod's loopback address (address-plan.ts) or an entry's `address` (a remote gateway). */
  address: string;
  /** The port to dial: the pod's target port, or the entry's `ports[<portName>]` (15443 for a remote gateway). */
  port: number;
  /** "pod" = ready local endpoint of an EndpointSlice; the others are what the console's registry writes. */
  kind: "pod" | "workload-entry" | "service-entry";
  /** For messages and metrics: "Pod bookinfo/details-v1-…", "WorkloadEntry bookinfo/k-details-…-2", "ServiceEntry xcp-multicluster/…[0]". */
  source: string;
  network: string;
  locality: Locality;
  /** Through a remote east-west gateway: mTLS with this SNI (`outbound_.<port>_.<subset>_.<fqdn>`). Unset for local pods. */
  sni?: string;
}

/** Outlier detection as Envoy applies it (from the DestinationRule's trafficPolicy, Istio's defaults otherwise). */
export interface OutlierPolicy {
  consecutive5xxErrors: number;
  consecutiveGatewayErrors: number;
  intervalMs: number;
  baseEjectionTimeMs: number;
  maxEjectionPercent: number;
}

export type Resolution =
  | {
      ok: true;
      /** The FQDN the request was for (`details.bookinfo.svc.cluster.local`). */
      host: string;
      port: number;
      /** Endpoints grouped by priority, best first (local ready pods, then by network/locality proximity). */
      priorities: MeshEndpoint[][];
      outlier: OutlierPolicy;
    }
  /** No Service and no ServiceEntry for the host in this cluster: the application's DNS lookup fails. */
  | { ok: false; reason: "unknown-host"; host: string }
  /** Known host, but the port is not one of its ports. */
  | { ok: false; reason: "no-route"; host: string; port: number };

/** One cluster's view of the mesh, kept current from its store's watch. */
export interface MeshView {
  /** What a sidecar in this cluster does with `host:port` (host: FQDN or a short form). */
  resolve(host: string, port: number): Resolution;
  /** Ready endpoints of local pods only (what an east-west gateway forwards to: its own network's endpoints). */
  localEndpoints(fqdn: string, port: number): MeshEndpoint[];
  stop(): void;
}

/** The lab CA: made at start-up; every gateway and sidecar certificate is issued by it. */
export interface LabCa {
  /** PEM of the CA certificate (the trust root of every cluster: one mesh, one root, as in Istio multi-primary). */
  caPem: string;
  /** A key pair and certificate for `commonName` with these DNS SANs (and URI SANs for SPIFFE ids). */
  issue(commonName: string, sans: { dns?: string[]; uri?: string[]; ip?: string[] }): Promise<{ certPem: string; keyPem: string }>;
}

/**
 * Faults the data plane can inject: through the admin endpoint and CLI, and one through the Kubernetes API (a pod
 * annotated `eastwest.dev/fault: fail-requests`, pod-annotation-fault.ts).
 */
export type PodTrafficFault =
  | { mode: "none" }
  /** Answer every request with this 5xx status (default 503) and this text body (default "fault injected"). */
  | { mode: "error"; status?: number; body?: string }
  /** Refuse connections (the listener is closed for this pod). */
  | { mode: "refuse" }
  /** Answer normally, this many ms late. */
  | { mode: "latency"; latencyMs: number };

export type GatewayTrafficFault = { mode: "none" } | { mode: "stop" } | { mode: "latency"; latencyMs: number };

/** One request as a reporter counts it (Istio's standard labels). */
export interface RequestSample {
  reporter: "source" | "destination";
  sourceCluster: string;
  sourceWorkload: string;
  sourceWorkloadNamespace: string;
  destinationCluster: string;
  /** FQDN, e.g. details.bookinfo.svc.cluster.local; "unknown" when nothing was resolved. */
  destinationService: string;
  destinationWorkload: string;
  destinationWorkloadNamespace: string;
  responseCode: number;
  responseFlags: string;
  durationMs: number;
}

export interface Telemetry {
  record(sample: RequestSample): void;
  /** Prometheus text exposition format. */
  text(): Promise<string>;
}

/** The ready pods of one cluster, answering HTTP. */
export interface Workloads {
  /** Resolves once the pod behind `address` listens on `port` (lazy start in big scenarios); rejects if it cannot. */
  ensureListening(address: string, port: number): Promise<void>;
  /** False when there is no such pod. */
  setFault(namespace: string, pod: string, fault: PodTrafficFault): boolean;
  stop(): Promise<void>;
}

export interface Gateways {
  /** False when there is no such IngressGateway-installed gateway (Service name) in the namespace. */
  setFault(namespace: string, gateway: string, fault: GatewayTrafficFault): boolean;
  stop(): Promise<void>;
}

/** What each part gets: its cluster, the cluster's place in the lab (for addresses) and its store. */
export interface ClusterDataPlaneContext {
  cluster: string;
  /** 0-based position of the cluster in the lab. */
  clusterIndex: number;
  /** The lab's loopback addresses: `addresses.podAddress(clusterIndex, podIP)` is where a pod answers. */
  addresses: AddressPlan;
  store: ClusterStore;
  ca: LabCa;
  telemetry: Telemetry;
}
