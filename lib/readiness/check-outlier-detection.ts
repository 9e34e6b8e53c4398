// Istio fails over by locality only when the DestinationRule for the host has outlier detection: without it,
// unhealthy local endpoints are never ejected and traffic never leaves the cluster. Any DestinationRule
// covering the host will do — the console's own (the registry adds XCP-style ones) or the user's. Checked in
// every cluster running an exposed service that also runs elsewhere (those are the clusters that fail over).
import { hostCovers } from "@/lib/names/fqdn";
import type { ExposedService } from "@/lib/plan/exposure";
import type { ClusterInput } from "@/lib/plan/input";
import { shellQuote } from "@/lib/manifests/kubectl-command";
import { listing, type ReadinessContext } from "./context";
import { pass, type ChecklistItem } from "./types";

const id = "outlier-detection";
const title = "Outlier detection configured for failover";

const OUTLIER = '{"spec":{"trafficPolicy":{"outlierDetection":{"consecutiveGatewayErrors":10,"interval":"10s","baseEjectionTime":"30s","maxEjectionPercent":100}}}}';

type Gap = { cluster: string; fqdn: string; userRules: string[] };

function gap(cluster: ClusterInput, svc: ExposedService): Gap | undefined {
  const rules = cluster.destinationRules.filter((dr) => hostCovers(dr.host, dr.namespace, svc.fqdn));
  if (rules.some((dr) => dr.hasOutlierDetection)) return undefined;
  return { cluster: cluster.name, fqdn: svc.fqdn, userRules: rules.filter((dr) => !dr.managedByUs).map((dr) => `${dr.namespace}/${dr.name}`) };
}

function patchCommands(gaps: readonly Gap[]): string {
  return gaps.flatMap((g) => g.userRules.map((ref) => {
    const [ns = "", name = ""] = ref.split("/");
    return `kubectl --context ${shellQuote(g.cluster)} -n ${ns} patch destinationrule ${name} --type merge -p '${OUTLIER}'`;
  })).join("\n");
}

export function checkOutlierDetection(ctx: ReadinessContext): ChecklistItem {
  const failing = ctx.exposed.filter((s) => s.instances.length > 1);
  if (failing.length === 0) {
    const reason = ctx.exposed.length === 0 ? "no service is exposed yet." : "no exposed service runs in two clusters, so nothing can fail over yet.";
    return { id, title, status: "warn", reason, fix: "Deploy the services to be protected in at least two clusters of the workspace and expose them." };
  }
  const gaps = failing.flatMap((svc) => svc.instances.flatMap((i) => gap(i.cluster, svc) ?? []));
  if (gaps.length === 0) return pass(id, title, `${listing(failing.map((s) => s.name))} have DestinationRules with outlierDetection wherever they run.`);
  const user = gaps.filter((g) => g.userRules.length > 0);
  const ours = gaps.filter((g) => g.userRules.length === 0);
  const parts = [
    ...user.map((g) => `${g.fqdn} in ${g.cluster}: DestinationRule ${g.userRules.join(", ")} has no outlierDetection`),
    ...ours.map((g) => `${g.fqdn} in ${g.cluster}: no DestinationRule with outlierDetection`),
  ];
  const fixes = [
    ...(user.length > 0 ? ["Add outlierDetection to your DestinationRules (commands below)."] : []),
    ...(ours.length > 0 ? ["The console's registry adds one where none exists when it reconciles: check that it runs and the cluster is synced."] : []),
  ];
  const command = patchCommands(user);
  return { id, title, status: "fail", reason: `${parts.join("; ")}; failover will not happen there.`, fix: fixes.join(" "), ...(command ? { command } : {}) };
}
