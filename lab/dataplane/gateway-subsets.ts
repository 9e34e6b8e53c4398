// Subsets in the SNI, `outbound_.<port>_.<subset>_.<fqdn>`: istiod gives an AUTO_PASSTHROUGH gateway one filter
// chain per subset of the DestinationRule that applies to the host (builtAutoPassthroughFilterChains: "Do the
// same, but for each subset"), and that chain's cluster holds only the endpoints whose pod labels the subset's
// `labels` select. A subset no DestinationRule defines has no chain: the connection is reset.
import type { KubeObject } from "../apiserver/types";
import { asArray, asRecord, stringMap } from "../controllers/object-util";
import { parseServiceHost } from "./host-match";
import { MeshIndex } from "./mesh-index";
import { destinationRuleFor } from "./mesh-rules";
import type { MeshEndpoint } from "./types";

/** The DestinationRules of a push, indexed as a sidecar's istiod picks them (mesh-rules.ts). */
export function indexRules(rules: readonly KubeObject[]): MeshIndex {
  const index = new MeshIndex();
  for (const rule of rules) index.apply("DestinationRule", { type: "ADDED", object: rule, resourceVersion: 0 });
  return index;
}

/** The labels of `subset` in the DestinationRule istiod applies to `fqdn`, or undefined when it defines none. */
export function subsetLabels(rules: MeshIndex, fqdn: string, subset: string): Record<string, string> | undefined {
  const rule = destinationRuleFor(rules, fqdn, parseServiceHost(fqdn)?.namespace);
  const found = asArray(asRecord(rule?.spec)?.subsets)
    .map((s) => asRecord(s) ?? {})
    .find((s) => s.name === subset);
  return found ? stringMap(found.labels) : undefined;
}

/**
 * The endpoints whose pod carries every label of the subset. An endpoint is a pod's loopback address
 * (`podAddress(status.podIP)`), so the pods are matched by it.
 */
export function subsetEndpoints(
  endpoints: readonly MeshEndpoint[],
  pods: readonly KubeObject[],
  podAddress: (podIP: string) => string | undefined,
  labels: Record<string, string>,
): MeshEndpoint[] {
  const selected = new Set<string>();
  for (const pod of pods) {
    const podLabels = pod.metadata.labels ?? {};
    if (!Object.entries(labels).every(([k, v]) => podLabels[k] === v)) continue;
    const ip = asRecord(pod.status)?.podIP;
    const address = typeof ip === "string" ? podAddress(ip) : undefined;
    if (address) selected.add(address);
  }
  return endpoints.filter((e) => e.kind === "pod" && selected.has(e.address));
}
