// Istio fails over by locality only when the DestinationRule for the host has outlier detection: without it,
// unhealthy local endpoints are never ejected and traffic never leaves the cluster. Any DestinationRule
// covering the host will do — the console's own (the registry adds XCP-style ones) or the user's. Checked in
// every cluster running an exposed service that also runs elsewhere (those are the clusters that fail over).
import type { ExposedService } from "@/lib/plan/exposure";
import type { ClusterInput } from "@/lib/plan/input";
import { shellQuote } from "@/lib/manifests/kubectl-command";
import { listing, type ReadinessContext } from "./context";
import { rulesByHost, type RulesByHost } from "./rules-by-host";
import { pass, type ChecklistItem } from "./types";

const id = "outlier-detection";
const title = "Outlier detection configured for failover";

const OUTLIER = '{"spec":{"trafficPolicy":{"outlierDetection":{"consecutiveGatewayErrors":10,"interval":"10s","baseEjectionTime":"30s","maxEjectionPercent":100}}}}';

type Gap = { cluster: string; fqdn: string; userRules: string[] };

function gap(covering: RulesByHost, cluster: ClusterInput, svc: ExposedService): Gap | undefined {
  const rules = covering(cluster, svc.fqdn);
  if (rules.some((dr) => dr.hasOutlierDetection)) return undefined;
  return { cluster: cluster.name, fqdn: svc.fqdn, userRules: rules.filter((dr) => !dr.managedByUs).map((dr) => `${dr.namespace}/${dr.name}`) };
}

function patchCommands(gaps: readonly Gap[]): string {
  return gaps.flatMap((g) => g.userRules.map((ref) => {
    const [ns = "", name = ""] = ref.split("/");
    return `kubectl --context ${shellQuote(g.cluster)} -n ${ns} patch destinationrule ${name} --type merge -p '${OUTLIER}'`;
  })).join("\n");
}

/** More gaps than this are one sentence: a count, the cause when one explains them all, and a few examples. */
const LIST_UP_TO = 5;
const EXAMPLES = 3;

function listed(user: readonly Gap[], ours: readonly Gap[]): string {
  return [
    ...user.map((g) => `${g.fqdn} in ${g.cluster}: DestinationRule ${g.userRules.join(", ")} has no outlierDetection`),
    ...ours.map((g) => `${g.fqdn} in ${g.cluster}: no DestinationRule with outlierDetection`),
  ].join("; ");
}

/**
 * What explains every gap at once. Without a serving east-west gateway no cluster gets another's endpoints, so the
 * planner adds no failover DestinationRule anywhere (lib/plan/destination-rules.ts): the gateways are the cause.
 */
function cause(ctx: ReadinessContext, user: readonly Gap[], ours: readonly Gap[]): string | undefined {
  if (user.length === 0 && ![...ctx.gateways.values()].some((g) => g.serving)) return "no east-west gateway serves the workspace yet, so the registry adds no DestinationRules";
  if (user.length === 0) return "none has a DestinationRule with outlierDetection";
  if (ours.length === 0) return "each has a DestinationRule of yours without outlierDetection";
  return undefined;
}

function grouped(ctx: ReadinessContext, user: readonly Gap[], ours: readonly Gap[]): string {
  const n = user.length + ours.length;
  const why = cause(ctx, user, ours) ?? `${user.length.toLocaleString("en-US")} have a DestinationRule of yours without outlierDetection, ${ours.length.toLocaleString("en-US")} have no DestinationRule with it`;
  const examples = [...user, ...ours].slice(0, EXAMPLES).map((g) => `${g.fqdn} in ${g.cluster}`);
  return `${n.toLocaleString("en-US")} service×cluster pairs lack outlier detection: ${why} (for example ${listing(examples)}, and ${(n - examples.length).toLocaleString("en-US")} more)`;
}

function fixesFor(ctx: ReadinessContext, user: readonly Gap[], ours: readonly Gap[]): string {
  const noGateway = ![...ctx.gateways.values()].some((g) => g.serving);
  return [
    ...(user.length > 0 ? ["Add outlierDetection to your DestinationRules (commands below)."] : []),
    ...(ours.length > 0 && noGateway ? ["Deploy an east-west gateway in the workspace's clusters: the registry then adds a DestinationRule with outlierDetection wherever none exists."] : []),
    ...(ours.length > 0 && !noGateway ? ["The console's registry adds one where none exists when it reconciles: check that it runs and the cluster is synced."] : []),
  ].join(" ");
}

export function checkOutlierDetection(ctx: ReadinessContext): ChecklistItem {
  const failing = ctx.exposed.filter((s) => s.instances.length > 1);
  if (failing.length === 0) {
    const reason = ctx.exposed.length === 0 ? "no service is exposed yet." : "no exposed service runs in two clusters, so nothing can fail over yet.";
    return { id, title, status: "warn", reason, fix: "Deploy the services to be protected in at least two clusters of the workspace and expose them." };
  }
  const covering = rulesByHost();
  const gaps = failing.flatMap((svc) => svc.instances.flatMap((i) => gap(covering, i.cluster, svc) ?? []));
  if (gaps.length === 0) {
    const who = failing.length > LIST_UP_TO ? `All ${failing.length.toLocaleString("en-US")} exposed services that run in several clusters` : listing(failing.map((s) => s.name));
    return pass(id, title, `${who} have DestinationRules with outlierDetection wherever they run.`);
  }
  const user = gaps.filter((g) => g.userRules.length > 0);
  const ours = gaps.filter((g) => g.userRules.length === 0);
  const what = gaps.length > LIST_UP_TO ? grouped(ctx, user, ours) : listed(user, ours);
  const command = patchCommands(user);
  return { id, title, status: "fail", reason: `${what}; failover will not happen there.`, fix: fixesFor(ctx, user, ours), ...(command ? { command } : {}) };
}
