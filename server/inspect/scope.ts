// The workspaces a request is about (one named, or every workspace of the fleet) and their failover rows, looked up
// by (cluster, FQDN). Each workspace's rows come from server/workspaces/failover-view.ts (memoized per workspace on
// what they read); the lookup over all of them is memoized on those row arrays' identities, so between two changes
// every request is a Map probe and no request walks the fleet.
import type { WorkspaceInput } from "@/lib/plan/input";
import type { FailoverCell } from "@/lib/workspace-view/types";
import type { ModelState } from "@/server/model/types";
import { failoverOf } from "@/server/workspaces/failover-view";
import { requireWorkspace } from "@/server/workspaces/fleet-input";
import type { ViewMemo } from "@/server/workspaces/view-memo";
import { coreOf, type WorkspaceCore } from "@/server/workspaces/workspace-slice";

export type ScopedCell = { cell: FailoverCell; workspaces: string[] };

export type Scope = {
  cores: WorkspaceCore[];
  /** `cluster \0 fqdn` → its row (the first workspace's, in the fleet's workspace order) and every workspace having it. */
  cells: ReadonlyMap<string, ScopedCell>;
};

export const cellKey = (cluster: string, fqdn: string) => `${cluster}\u0000${fqdn}`;

function workspacesOf(state: ModelState, workspace: string | undefined): readonly WorkspaceInput[] {
  return workspace === undefined ? state.adapted.input.workspaces : [requireWorkspace(state, workspace)];
}

function indexCells(cores: readonly WorkspaceCore[], rows: ReadonlyArray<readonly FailoverCell[]>): Map<string, ScopedCell> {
  const cells = new Map<string, ScopedCell>();
  rows.forEach((list, i) => {
    const name = cores[i]?.ws.name ?? "";
    for (const cell of list) {
      const key = cellKey(cell.cluster, cell.fqdn);
      const known = cells.get(key);
      if (known) known.workspaces.push(name);
      else cells.set(key, { cell, workspaces: [name] });
    }
  });
  return cells;
}

/** The request's scope; an unknown workspace → NOT_FOUND naming "workspace". */
export function scopeOf(memo: ViewMemo, state: ModelState, workspace: string | undefined): Scope {
  const cores = workspacesOf(state, workspace).map((ws) => coreOf(memo, state, ws));
  const rows = cores.map((core) => failoverOf(memo, state, core));
  const cells = memo.get(`inspect-cells\u0000${workspace ?? ""}`, rows, () => indexCells(cores, rows));
  return { cores, cells };
}
