// A cluster's Istio locality (`region/zone/subzone`), for the endpoints and shadow WorkloadEntries generated from
// it (domain.md §2: they carry the source's network and locality). Remote clients reach a source through its
// east-west gateway, so the locality is the gateway pods', taken where Istio takes it (its kube controller's
// getPodLocality): the pod's own `istio-locality` label (`region.zone.subzone`, dots because labels cannot hold
// slashes) when set; else the labels of the Node the pod is bound to (spec.nodeName) —
// topology.kubernetes.io/region and /zone (or their deprecated failure-domain.beta.kubernetes.io forms) and
// Istio's topology.istio.io/subzone. Pods do not carry their node's topology labels (Kubernetes 1.32 does not
// copy them), so a pod's own topology labels are ignored, as Istio ignores them.
// Gateway replicas in several zones behind one load balancer share only their region: the locality is the
// longest common prefix of the pods' localities (none when they disagree on the region or say nothing). A pod
// bound to a Node not seen (yet) makes the locality unknown: no guess from the other replicas.
import type { GatewayInput } from "@/lib/plan/input";
import { asRecord, asString } from "./json-read";
import type { SnapshotObject } from "./raw-object";

export const ISTIO_LOCALITY_LABEL = "istio-locality";
export const REGION_LABEL = "topology.kubernetes.io/region";
export const ZONE_LABEL = "topology.kubernetes.io/zone";
export const SUBZONE_LABEL = "topology.istio.io/subzone";
const BETA_REGION_LABEL = "failure-domain.beta.kubernetes.io/region";
const BETA_ZONE_LABEL = "failure-domain.beta.kubernetes.io/zone";

type Labels = Readonly<Record<string, string>>;

/**
 * Where one pod runs, as Istio sees it: `serving` with its locality segments ([] when nothing says), `unknown`
 * when it is bound to a Node not seen, `unscheduled` when it is bound to no Node yet (it serves no traffic).
 */
export type PodLocality = { kind: "serving"; segments: string[] } | { kind: "unknown"; node: string } | { kind: "unscheduled" };

const untilEmpty = (parts: string[]): string[] => {
  const end = parts.findIndex((p) => p === "");
  return end < 0 ? parts : parts.slice(0, end);
};

/** A Node's locality segments ([] when it has no region). */
export function nodeLocality(labels: Labels): string[] {
  return untilEmpty([labels[REGION_LABEL] || labels[BETA_REGION_LABEL] || "", labels[ZONE_LABEL] || labels[BETA_ZONE_LABEL] || "", labels[SUBZONE_LABEL] ?? ""]);
}

/** One pod's locality; `nodes` maps a Node's name to its labels. */
export function podLocality(pod: SnapshotObject, nodes: ReadonlyMap<string, Labels>): PodLocality {
  const istio = pod.metadata?.labels?.[ISTIO_LOCALITY_LABEL];
  if (istio) return { kind: "serving", segments: untilEmpty(istio.split(".")) };
  const nodeName = asString(asRecord(pod.spec)?.nodeName);
  if (!nodeName) return { kind: "unscheduled" };
  const labels = nodes.get(nodeName);
  return labels ? { kind: "serving", segments: nodeLocality(labels) } : { kind: "unknown", node: nodeName };
}

function commonPrefix(all: string[][]): string[] {
  const [first, ...rest] = all;
  if (!first) return [];
  let n = first.length;
  for (const parts of rest) {
    let i = 0;
    while (i < n && parts[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n);
}

const matches = (selector: Labels, labels: Labels) => Object.entries(selector).every(([k, v]) => labels[k] === v);

/** Node name → labels, for podLocality. */
export function nodeLabels(nodes: readonly SnapshotObject[]): Map<string, Labels> {
  return new Map(nodes.flatMap((n) => (n.metadata?.name ? [[n.metadata.name, n.metadata.labels ?? {}] as const] : [])));
}

/** The locality of a cluster's east-west gateway pods, or undefined when it is unknown or they carry none. */
export function gatewayLocality(gateways: readonly GatewayInput[], pods: readonly SnapshotObject[], nodes: readonly SnapshotObject[]): string | undefined {
  const eastWest = gateways.filter((g) => g.ports.some((p) => p.port === 15443));
  if (eastWest.length === 0) return undefined;
  const byName = nodeLabels(nodes);
  const localities: string[][] = [];
  for (const pod of pods) {
    const labels = pod.metadata?.labels ?? {};
    if (!eastWest.some((g) => pod.metadata?.namespace === g.namespace && matches(g.podLabels, labels))) continue;
    const where = podLocality(pod, byName);
    if (where.kind === "unknown") return undefined;
    if (where.kind === "serving") localities.push(where.segments);
  }
  const common = commonPrefix(localities);
  return common.length > 0 ? common.join("/") : undefined;
}
