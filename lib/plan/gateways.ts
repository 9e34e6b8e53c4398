// Which east-west gateway serves a workspace in a cluster: one whose pods carry every label of the
// WorkspaceSetting's workloadSelector and whose Service has port 15443 (a gateway Service without 15443 is
// not an east-west gateway). Ties prefer gateways in the workspace's own namespaces, then eastWestOnly ones.
import type { Condition } from "./conditions";
import { publishedAddresses } from "./gateway-addresses";
import type { ClusterInput, GatewayInput } from "./input";
import { compareStrings } from "./json";

export const EAST_WEST_PORT = 15443;

export type ServingGateway = { cluster: ClusterInput; gateway: GatewayInput; addresses: string[] };

export function selectorMatches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

const describe = (sel: Record<string, string>) => Object.entries(sel).map(([k, v]) => `${k}=${v}`).join(",");
const ref = (g: GatewayInput) => `${g.namespace}/${g.name}`;

function rank(namespaces: readonly string[]) {
  return (a: GatewayInput, b: GatewayInput): number => {
    const home = Number(namespaces.includes(b.namespace)) - Number(namespaces.includes(a.namespace));
    const ew = Number(b.eastWestOnly) - Number(a.eastWestOnly);
    return home || ew || compareStrings(ref(a), ref(b));
  };
}

export type GatewayChoice = { serving?: ServingGateway; conditions: Condition[] };

type ChoiceArgs = {
  workspace: string;
  selector: Record<string, string>;
  cluster: ClusterInput;
  /** The workspace's namespaces: a gateway in one of them is preferred. */
  namespaces: readonly string[];
  resolved: Readonly<Record<string, string[]>>;
  /** PlanInput.allowLoopbackGatewayAddresses: whether loopback addresses may be published (the lab only). */
  allowLoopback: boolean;
  /** Whether the cluster runs exposed services: a missing gateway is then a warning, else only a note. */
  needed: boolean;
};

const has15443 = (g: GatewayInput) => g.ports.some((p) => p.port === EAST_WEST_PORT);

function without15443(args: ChoiceArgs, g: GatewayInput): Condition {
  const message = `gateway ${ref(g)} matches the workloadSelector but its Service has no port ${EAST_WEST_PORT}, so it is not an east-west gateway.`;
  return { workspace: args.workspace, cluster: args.cluster.name, severity: "warning", reason: "GatewayWithout15443", subject: `IngressGateway ${ref(g)}`, message };
}

function noGateway(args: ChoiceArgs): Condition {
  const consequence = args.needed
    ? "its instances of exposed services cannot be reached from other clusters"
    : "it cannot serve as a failover target";
  const message = `no east-west gateway in ${args.cluster.name} has pods labelled ${describe(args.selector)} with port ${EAST_WEST_PORT}; ${consequence}.`;
  return { workspace: args.workspace, cluster: args.cluster.name, severity: args.needed ? "warning" : "info", reason: "NoMatchingGateway", message };
}

function several(args: ChoiceArgs, chosen: GatewayInput, others: GatewayInput[]): Condition {
  const message = `${others.length + 1} gateways match ${describe(args.selector)} in ${args.cluster.name}; using ${ref(chosen)} (also matching: ${others.map(ref).join(", ")}).`;
  return { workspace: args.workspace, cluster: args.cluster.name, severity: "warning", reason: "SeveralGateways", subject: `IngressGateway ${ref(chosen)}`, message };
}

/** The gateway serving the workspace in `args.cluster` (none when none qualifies), and why others do not. */
export function servingGateway(args: ChoiceArgs): GatewayChoice {
  const matching = args.cluster.gateways.filter((g) => selectorMatches(args.selector, g.podLabels));
  const conditions = matching.filter((g) => !has15443(g)).map((g) => without15443(args, g));
  const [chosen, ...others] = matching.filter(has15443).sort(rank(args.namespaces));
  if (!chosen) return { conditions: [...conditions, noGateway(args)] };
  if (others.length > 0) conditions.push(several(args, chosen, others));
  const published = publishedAddresses(args.cluster, chosen, args.resolved, args.allowLoopback);
  conditions.push(...published.conditions.map((c) => ({ ...c, workspace: args.workspace })));
  return { serving: { cluster: args.cluster, gateway: chosen, addresses: published.ips }, conditions };
}
