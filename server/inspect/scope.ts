// The scope of a request (one workspace, or the whole fleet) as the topology page draws it: the same full topology
// (server/topology/full-topology.ts, memoized per fleet model state), so the panel says exactly what the node it
// was opened from says — over the fleet, a service in several workspaces carries its worst state there too — plus
// each workspace's failover facts and rows (server/topology/failover-data.ts) for "what if". The lookups built
// here are kept per full topology / per workspace data, so between two changes a request is a few Map probes.
import type { WorkspaceInput } from "@/lib/plan/input";
import type { FullTopology } from "@/lib/topology/full-graph";
import type { TopologyRow } from "@/lib/topology/types";
import type { ModelState } from "@/server/model/types";
import { failoverDataOf, type FailoverData } from "@/server/workspaces/failover-view";
import { fullTopologyOf } from "@/server/topology/full-topology";
import { requireWorkspace } from "@/server/workspaces/fleet-input";
import type { ViewMemo } from "@/server/workspaces/view-memo";
import { coreOf, type WorkspaceCore } from "@/server/workspaces/workspace-slice";

export type ScopePart = { core: WorkspaceCore; data: FailoverData };

type RowLookup = { byId: ReadonlyMap<string, TopologyRow>; byFqdn: ReadonlyMap<string, TopologyRow[]> };

export type Scope = {
  full: FullTopology;
  parts: readonly ScopePart[];
  rows: RowLookup;
  /** `cluster \0 fqdn` → the workspaces having a row for it. */
  workspaces: ReadonlyMap<string, string[]>;
};

export const cellKey = (cluster: string, fqdn: string) => `${cluster}\u0000${fqdn}`;

const lookups = new WeakMap<FullTopology, RowLookup>();

function rowsOf(full: FullTopology): RowLookup {
  let found = lookups.get(full);
  if (found) return found;
  const byId = new Map<string, TopologyRow>();
  const byFqdn = new Map<string, TopologyRow[]>();
  for (const row of full.rows.all.cluster) {
    byId.set(row.id, row);
    const list = byFqdn.get(row.fqdn);
    if (list) list.push(row);
    else byFqdn.set(row.fqdn, [row]);
  }
  lookups.set(full, (found = { byId, byFqdn }));
  return found;
}

function workspacesOf(parts: readonly ScopePart[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const { core, data } of parts) {
    for (const row of data.rows) {
      const key = cellKey(row.cluster, row.fqdn);
      const list = index.get(key);
      if (list) list.push(core.ws.name);
      else index.set(key, [core.ws.name]);
    }
  }
  return index;
}

/** The request's scope; an unknown workspace → NOT_FOUND naming "workspace". */
export async function scopeOf(memo: ViewMemo, state: ModelState, workspace: string | undefined): Promise<Scope> {
  const chosen: readonly WorkspaceInput[] = workspace === undefined ? state.adapted.input.workspaces : [requireWorkspace(state, workspace)];
  const parts = await Promise.all(
    chosen.map(async (ws) => {
      const core = coreOf(memo, state, ws);
      return { core, data: await failoverDataOf(memo, state, core) };
    }),
  );
  const full = await fullTopologyOf(memo, state, workspace);
  const workspaces = memo.get(`inspect-workspaces\u0000${workspace ?? ""}`, parts.map((p) => p.data), () => workspacesOf(parts));
  return { full, parts, rows: rowsOf(full), workspaces };
}
