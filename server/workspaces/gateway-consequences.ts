// The registry's consequences of deploying an east-west gateway: the model's warm plan forked with the proposed
// gateway in its clusters (gateway-stand-in.ts), through the same comparison as the expose preview
// (exposure-consequences.ts, answered by the planner worker), plus the "expose all" sentence when the
// workspace's setting lists no services.
import { workspaceServices } from "@/lib/plan/exposure";
import { workspaceScope } from "@/lib/plan/workspace-scope";
import { exposeAllSentence } from "@/lib/workspace-view/expose-all-sentence";
import type { GatewayPreview } from "@/lib/workspace-view/types";
import { registryPart, registryQuery, type Observed, type Preview } from "./exposure-consequences";
import { withProposedGateway, type ProposedGateway } from "./gateway-stand-in";

export type GatewayConsequences = Pick<GatewayPreview, "consequences" | "reachability" | "conditions" | "awaitingAddresses" | "exposeAll">;

export async function gatewayConsequences(preview: Preview, workspace: string, proposed: ProposedGateway, observed?: Observed): Promise<GatewayConsequences> {
  let awaiting: string[] = [];
  const { input, answer } = await preview((current) => {
    const changed = withProposedGateway(current, proposed);
    awaiting = changed.awaiting;
    return changed.input;
  }, await registryQuery(workspace, observed));
  const found = registryPart(answer);
  const ws = input.workspaces.find((w) => w.name === workspace);
  // No setting: the planner exposes nothing (no workloadSelector picks a gateway), so there is no default to warn of.
  const exposesAll = ws?.setting !== undefined && (ws.setting.exposedServices ?? []).length === 0;
  const services = ws && exposesAll ? workspaceServices(workspaceScope(ws, input.clusters).scope, input.clusters).size : 0;
  return {
    ...found,
    awaitingAddresses: awaiting,
    ...(ws && exposesAll ? { exposeAll: exposeAllSentence({ workspace, services, reachability: found.reachability }) } : {}),
  };
}
