// The registry's consequences of deploying an east-west gateway: the planner on the fleet as it is and on the
// fleet with the proposed gateway in its clusters (gateway-stand-in.ts), through the same comparison as the
// expose preview (exposure-consequences.ts changeConsequences), plus the "expose all" sentence when the
// workspace's setting lists no services.
import type { PlanInput } from "@/lib/plan/input";
import { workspaceServices } from "@/lib/plan/exposure";
import { workspaceScope } from "@/lib/plan/workspace-scope";
import type { ObservedCluster } from "@/lib/registry/types";
import { exposeAllSentence } from "@/lib/workspace-view/expose-all-sentence";
import type { GatewayPreview } from "@/lib/workspace-view/types";
import { changeConsequences } from "./exposure-consequences";
import { withProposedGateway, type ProposedGateway } from "./gateway-stand-in";

export type GatewayConsequences = Pick<GatewayPreview, "consequences" | "reachability" | "conditions" | "awaitingAddresses" | "exposeAll">;

export function gatewayConsequences(input: PlanInput, workspace: string, proposed: ProposedGateway, observed?: readonly ObservedCluster[]): GatewayConsequences {
  const changed = withProposedGateway(input, proposed);
  const found = changeConsequences(input, changed.input, workspace, observed);
  const ws = input.workspaces.find((w) => w.name === workspace);
  // No setting: the planner exposes nothing (no workloadSelector picks a gateway), so there is no default to warn of.
  const exposesAll = ws?.setting !== undefined && (ws.setting.exposedServices ?? []).length === 0;
  const services = ws && exposesAll ? workspaceServices(workspaceScope(ws, input.clusters).scope, input.clusters).size : 0;
  return {
    ...found,
    awaitingAddresses: changed.awaiting,
    ...(ws && exposesAll ? { exposeAll: exposeAllSentence({ workspace, services, reachability: found.reachability }) } : {}),
  };
}
