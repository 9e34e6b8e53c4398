// Seed step 3: an east-west gateway in every cluster of the workspace, chosen exactly as the planner chooses it
// (pods matching the WorkspaceSetting's workloadSelector, Service port 15443), with at least one published
// address: without one, other clusters cannot reach that cluster's instances and it cannot be failed over to.
// Published addresses are not enough either: with no ready pod behind them (pod Ready condition), nothing answers.
import { DEFAULT_GATEWAY_NAME, ingressGatewayManifest } from "@/lib/manifests/ingress-gateway";
import { kubectlScript } from "@/lib/manifests/kubectl-command";
import { listing, unknownClusters, unknownNote, type ReadinessContext } from "./context";
import { gatewayKey } from "./gateway-pods";
import { pass, type ChecklistItem } from "./types";

const id = "gateways";
const title = "East-west gateway with published addresses in every cluster";

/** The IngressGateway the installer turns into pods labelled app=<name>, matching an `app` selector. */
function gatewayToDeploy(ctx: ReadinessContext): { name: string; namespace: string } {
  const name = ctx.selector.app ?? DEFAULT_GATEWAY_NAME;
  return { name, namespace: ctx.workspace.namespace ?? ctx.namespaces[0] ?? "default" };
}

/** Serving gateways that publish addresses while none of their pods is ready (known only with pod counts). */
function unreadyGateways(ctx: ReadinessContext): string[] {
  return ctx.spanned.flatMap((cluster) => {
    const serving = ctx.gateways.get(cluster.name)?.serving;
    if (!serving || serving.addresses.length === 0) return [];
    const { namespace, name } = serving.gateway;
    const pods = ctx.gatewayPods?.get(gatewayKey(cluster.name, namespace, name));
    if (!pods || pods.ready > 0) return [];
    const why = pods.total === 0 ? "has no pods" : pods.total === 1 ? "its one pod is not ready" : `none of its ${pods.total} pods is ready`;
    return [`${cluster.name}: gateway ${namespace}/${name} publishes addresses but ${why}, so nothing answers on them.`];
  });
}

const ADDRESS_FIX = "Give the gateway's Service an external address: a LoadBalancer that gets an ingress address, or the xcp.tetrate.io/cluster-external-addresses annotation.";
const PODS_FIX = "Make the gateway's pods ready (kubectl describe pod shows why they are not).";

export function checkGateways(ctx: ReadinessContext): ChecklistItem {
  const missing: string[] = [];
  const unreachable: string[] = [];
  for (const cluster of ctx.spanned) {
    const choice = ctx.gateways.get(cluster.name);
    if (!choice?.serving) missing.push(cluster.name);
    else if (choice.serving.addresses.length === 0) {
      const why = choice.conditions.find((c) => c.severity === "error")?.message ?? "it publishes no address";
      unreachable.push(`${cluster.name}: ${why}`);
    }
  }
  const noAddress = unreachable.length;
  unreachable.push(...unreadyGateways(ctx));
  const selector = Object.entries(ctx.selector).map(([k, v]) => `${k}=${v}`).join(",");
  // Never reached since the console started: not spanned (no namespace seen), and never offered a deployment.
  const note = unknownNote(unknownClusters(ctx), "its gateways");
  if (missing.length > 0) {
    // A stale cluster's "none" is its last known state, and nothing can be deployed there now: no command for it.
    const fresh = missing.filter((c) => !ctx.spanned.find((s) => s.name === c)?.stale);
    const stale = missing.filter((c) => !fresh.includes(c));
    const { name, namespace } = gatewayToDeploy(ctx);
    const manifest = ingressGatewayManifest(name, namespace);
    const also = `${unreachable.length > 0 ? ` Also ${unreachable.join("; ")}` : ""}${note ? ` (${note}.)` : ""}`;
    const where = [fresh.length > 0 ? `in ${listing(fresh)}` : "", stale.length > 0 ? `in the last known state of ${listing(stale)} (stale)` : ""].filter((w) => w !== "").join(", and ");
    const wait = stale.length > 0 ? `Nothing can be deployed to ${listing(stale)} until ${stale.length === 1 ? "it answers" : "they answer"}.` : "";
    return {
      id, title, status: "fail",
      reason: `no east-west gateway (pods labelled ${selector}, port 15443) ${where}.${also}`,
      fix: [fresh.length > 0 ? `Deploy one with the console's "Deploy east-west gateway" action for ${listing(fresh)}, or apply the IngressGateway below.` : "", wait].filter((f) => f !== "").join(" "),
      ...(fresh.length > 0 ? { command: kubectlScript(fresh.map((context) => ({ type: "apply", context, manifest }))) } : {}),
    };
  }
  if (unreachable.length > 0) {
    return {
      id, title, status: "fail",
      reason: `${unreachable.join("; ")}${note ? `; ${note}` : ""}`,
      fix: [noAddress > 0 ? ADDRESS_FIX : "", unreachable.length > noAddress ? PODS_FIX : ""].filter((f) => f !== "").join(" "),
    };
  }
  if (ctx.spanned.length === 0) return { id, title, status: "warn", reason: "the workspace covers no cluster yet.", fix: "Fix the Workspace first (see above)." };
  const found = ctx.spanned.map((c) => `${c.name} (${ctx.gateways.get(c.name)?.serving?.addresses.length ?? 0} addresses)`);
  const published = `gateways matching ${selector} publish addresses in ${listing(found)}`;
  if (note) return { id, title, status: "warn", reason: `${published}; ${note}.`, fix: "Nothing to do here until those clusters answer (see the connection check)." };
  return pass(id, title, `${published}.`);
}
