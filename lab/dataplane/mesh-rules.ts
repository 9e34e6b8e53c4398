// Which DestinationRule applies to a host: the most specific host match (the exact name, then the longest
// wildcard suffix, then "*"); among rules for the same host, one in the service's namespace, then one in the root
// namespace (istio-system), then the oldest, as istiod prefers them. exportTo and workloadSelector are not read:
// the console writes neither.
import type { KubeObject } from "../apiserver/types";
import { SYSTEM_NAMESPACE, type MeshIndex } from "./mesh-index";

function candidatesFor(index: MeshIndex, fqdn: string): Map<string, KubeObject> | undefined {
  const exact = index.destinationRules.get(fqdn);
  if (exact?.size) return exact;
  // Wildcards from the longest suffix down: *.bookinfo.svc.cluster.local, *.svc.cluster.local, … then "*".
  const labels = fqdn.split(".");
  for (let i = 1; i < labels.length; i++) {
    const wild = index.destinationRules.get(`*.${labels.slice(i).join(".")}`);
    if (wild?.size) return wild;
  }
  const any = index.destinationRules.get("*");
  return any?.size ? any : undefined;
}

export function destinationRuleFor(index: MeshIndex, fqdn: string, serviceNamespace: string | undefined): KubeObject | undefined {
  const rules = candidatesFor(index, fqdn);
  if (!rules) return undefined;
  const rank = (rule: KubeObject): string => {
    const ns = rule.metadata.namespace ?? "";
    const tier = ns === serviceNamespace ? 0 : ns === SYSTEM_NAMESPACE ? 1 : 2;
    return `${tier}/${rule.metadata.creationTimestamp ?? ""}/${ns}/${rule.metadata.name ?? ""}`;
  };
  return [...rules.values()].sort((a, b) => rank(a).localeCompare(rank(b)))[0];
}
