// Failover DestinationRules. Istio only does locality failover when the rule that enables it also has
// outlier detection, so where a cluster's clients can fail over — a cluster with shadow WorkloadEntries
// (local + remote endpoints), or one whose ServiceEntry lists gateways of several source clusters — the
// planner adds one, shaped like XCP's, unless the user already has a DestinationRule for that host there.
// It never writes over the user's own (ownership rule); it says when theirs lacks outlier detection.
import { hostCovers } from "@/lib/names/fqdn";
import { destinationRuleName } from "@/lib/names/object-names";
import type { Condition } from "./conditions";
import { buildObject, type Hash } from "./desired";
import { runsService } from "./exposure";
import type { ClusterInput } from "./input";
import type { JsonObject } from "./json";
import { MULTICLUSTER_NAMESPACE, type BuildResult } from "./placed";
import { getsShadows } from "./workload-entries";
import type { ModelService, WorkspaceModel } from "./workspace-model";

export function failoverSpec(fqdn: string): JsonObject {
  return {
    host: fqdn,
    trafficPolicy: {
      // Same network first: a cluster's own endpoints outrank the remote gateways behind WorkloadEntries.
      loadBalancer: { localityLbSetting: { enabled: true, failoverPriority: ["topology.istio.io/network"] } },
      outlierDetection: { consecutiveGatewayErrors: 10, interval: "10s", baseEjectionTime: "30s", maxEjectionPercent: 100 },
    },
  };
}

type Need = { cluster: ClusterInput; namespace: string; sourceClusters: string[] };

function needs(model: WorkspaceModel, svc: ModelService): Need[] {
  const sources = svc.sources.map((s) => s.cluster.name);
  const shadowed: Need[] = svc.instances
    .filter((local) => getsShadows(model, svc, local))
    .map((local) => ({ cluster: local.cluster, namespace: svc.namespace, sourceClusters: sources.filter((c) => c !== local.cluster.name) }));
  if (sources.length < 2) return shadowed;
  const remote: Need[] = model.clusters
    .filter((c) => !runsService(c, svc) && c.namespaces.includes(MULTICLUSTER_NAMESPACE))
    .map((cluster) => ({ cluster, namespace: MULTICLUSTER_NAMESPACE, sourceClusters: sources }));
  return [...shadowed, ...remote];
}

function userRuleConditions(model: WorkspaceModel, need: Need, fqdn: string): Condition[] | undefined {
  const cluster = need.cluster.name;
  const own = need.cluster.destinationRules.filter((dr) => !dr.managedByUs && hostCovers(dr.host, dr.namespace, fqdn));
  if (own.length === 0) return undefined;
  const names = own.map((dr) => `${dr.namespace}/${dr.name}`).join(", ");
  const base = { workspace: model.name, cluster, subject: fqdn };
  const kept = `DestinationRule ${names} in ${cluster} already governs ${fqdn}; the console adds none and leaves it as is.`;
  const out: Condition[] = [{ ...base, severity: "info", reason: "UserDestinationRule", message: kept }];
  if (own.every((dr) => !dr.hasOutlierDetection)) {
    const message = `DestinationRule ${names} for ${fqdn} in ${cluster} has no outlierDetection, so locality failover will not happen; add outlierDetection to it.`;
    out.push({ ...base, severity: "warning", reason: "UserDestinationRuleWithoutOutlierDetection", message });
  }
  return out;
}

/** One service's failover DestinationRules (the planner memoises per service; see planner.ts). */
export function destinationRulesFor(model: WorkspaceModel, svc: ModelService, hash?: Hash): BuildResult {
  const result: BuildResult = { placed: [], conditions: [] };
  for (const need of needs(model, svc)) {
    const user = userRuleConditions(model, need, svc.fqdn);
    if (user) {
      result.conditions.push(...user);
      continue;
    }
    const provenance = { workspaces: [model.name], settings: [model.settingRef], sourceClusters: need.sourceClusters, services: [svc.fqdn] };
    const name = destinationRuleName(svc.fqdn);
    const object = buildObject({ kind: "DestinationRule", name, namespace: need.namespace, provenance, spec: failoverSpec(svc.fqdn) }, hash);
    result.placed.push({ cluster: need.cluster.name, object });
  }
  return result;
}

export function destinationRules(model: WorkspaceModel): BuildResult {
  const parts = model.services.map((svc) => destinationRulesFor(model, svc));
  return { placed: parts.flatMap((p) => p.placed), conditions: parts.flatMap((p) => p.conditions) };
}
