// workspace.failover: one page of a workspace's failover table (services × clusters), read from the failover data
// the detail's summary is made of (failover-view.ts), so the page and the summary always agree on `version`.
import { failoverPage } from "@/lib/workspace-view/failover-page";
import type { FailoverPage, FailoverPageInput } from "@/lib/workspace-view/types";
import { failoverPageInputSchema } from "@/lib/workspace-view/types";
import type { WorkspaceDeps } from "./deps";
import { failoverTableOf } from "./failover-view";
import { requireWorkspace, stateOf } from "./fleet-input";
import { viewMemoOf } from "./view-memo";
import { coreOf } from "./workspace-slice";

export async function workspaceFailover(deps: Pick<WorkspaceDeps, "model">, input: FailoverPageInput): Promise<FailoverPage> {
  const query = failoverPageInputSchema.parse(input);
  const state = await stateOf(deps);
  const ws = requireWorkspace(state, query.workspace);
  const memo = viewMemoOf(deps.model);
  const core = coreOf(memo, state, ws);
  const table = await failoverTableOf(memo, state, core);
  return failoverPage(table.rows, core.clusterNames, query, table.version);
}
