// The fingerprint of one workspace's slice of a fleet snapshot: everything the workspace page's detail is computed
// from, and nothing else. Equal fingerprints mean the page would show the same thing, so a fleet change outside the
// slice (a probe's latency, another workspace's namespace, a Node heartbeat) does not make the browser refetch.
// The slice: the Workspace and its WorkspaceSettings; for each cluster its namespaceSelector names, the sync state
// (not latency or last-change time); the objects of its namespaces there, of the namespaces holding IngressGateways
// (a gateway may serve it from any namespace) and of xcp-multicluster (the registry's ServiceEntries and
// WorkloadEntries); and the Nodes' labels (gateway locality).
import { MULTICLUSTER_NAMESPACE } from "@/lib/plan/placed";
import { parseNamespacePattern, type NamespacePattern } from "@/lib/plan/workspace-scope";
import { hash53, labelsDigest, namespaceDigests, type NamespaceDigests } from "./namespace-digests";
import { FLEET_KINDS, MANAGEMENT_KINDS, type ClusterSnapshot, type FleetKind, type FleetSnapshot, type ObjectMap } from "./snapshot-types";

/** The per-map digests; a long-lived caller memoizes them by map identity (the cache reuses unchanged maps). */
export type SliceDigester = { namespaces: (objects: ObjectMap) => NamespaceDigests; labels: (objects: ObjectMap) => string };

export const plainDigester: SliceDigester = { namespaces: namespaceDigests, labels: labelsDigest };

const CLUSTER_SCOPED: ReadonlySet<FleetKind> = new Set(["Namespace", "Node", ...MANAGEMENT_KINDS]);
const NAMESPACED_KINDS = FLEET_KINDS.filter((k) => !CLUSTER_SCOPED.has(k));

const field = (value: unknown, key: string): unknown => (typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined);
const rv = (o: { metadata: { resourceVersion?: string } }) => o.metadata.resourceVersion ?? "?";

/** The Workspace objects named `name` and the settings naming it, with their versions, and its selector entries. */
function workspacePart(management: ClusterSnapshot | undefined, name: string): { part: string; patterns: NamespacePattern[] } {
  const parts: string[] = [];
  const patterns: NamespacePattern[] = [];
  for (const [key, ws] of management?.objects.Workspace ?? []) {
    if (ws.metadata.name !== name) continue;
    parts.push(`ws ${key}@${rv(ws)}`);
    const names = field(field(ws.spec, "namespaceSelector"), "names");
    for (const entry of Array.isArray(names) ? names : []) {
      const pattern = typeof entry === "string" ? parseNamespacePattern(entry) : undefined;
      if (pattern) patterns.push(pattern);
    }
  }
  for (const [key, setting] of management?.objects.WorkspaceSetting ?? []) {
    if (field(setting.spec, "workspace") === name) parts.push(`setting ${key}@${rv(setting)}`);
  }
  return { part: parts.join(" "), patterns };
}

/** Sync state as the page shows it: never latency, probe times or the time of the last change anywhere in the cluster. */
function syncPart(c: ClusterSnapshot): string {
  return [c.name, c.state, c.staleSince, c.lastError?.reason, c.lastError?.message, c.lastSyncAt, c.watchingSince, c.version].join("|");
}

function clusterPart(c: ClusterSnapshot, patterns: readonly NamespacePattern[], digest: SliceDigester): string {
  const covered = patterns.filter((p) => p.cluster(c.name));
  const namespaces = new Set<string>([MULTICLUSTER_NAMESPACE, ...digest.namespaces(c.objects.IngressGateway).keys()]);
  for (const ns of c.objects.Namespace.keys()) if (covered.some((p) => p.namespace(ns))) namespaces.add(ns);
  const sorted = [...namespaces].sort();
  const parts = [syncPart(c), `nodes ${digest.labels(c.objects.Node)}`];
  for (const ns of sorted) {
    const object = c.objects.Namespace.get(ns);
    parts.push(`ns ${ns}@${object ? rv(object) : "-"}`);
  }
  for (const kind of NAMESPACED_KINDS) {
    const digests = digest.namespaces(c.objects[kind]);
    parts.push(`${kind} ${sorted.map((ns) => digests.get(ns) ?? "").join(",")}`);
  }
  return parts.join("\n");
}

/**
 * The slice fingerprint of `workspace` in `snapshot` (a workspace that does not exist has one too: it changes when it
 * appears). Costs the workspace's clusters × kinds × namespaces plus the digests of the maps that changed.
 */
export function sliceFingerprint(snapshot: FleetSnapshot, workspace: string, digest: SliceDigester = plainDigester): string {
  const management = snapshot.clusters.find((c) => c.name === snapshot.managementCluster);
  const { part, patterns } = workspacePart(management, workspace);
  const parts = [`mgmt ${snapshot.managementCluster ?? "-"} ${management ? syncPart(management) : ""}`, part];
  for (const c of snapshot.clusters) if (patterns.some((p) => p.cluster(c.name))) parts.push(clusterPart(c, patterns, digest));
  return hash53(parts.join("\n\n"));
}
