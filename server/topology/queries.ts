// The topology API's plain functions over the fleet model (the router is thin over them): the model's current
// state, its memoized full topology, then only aggregation or paging. `computedAt` is the state read now (the full
// topology is kept across states that change nothing it shows).
import { graphView, rowsView } from "@/lib/topology/graph";
import type { RowsQuery } from "@/lib/topology/rows";
import type { TopologyGraph, TopologyRows } from "@/lib/topology/types";
import type { FleetModel } from "@/server/model/types";
import { stateOf } from "@/server/workspaces/fleet-input";
import { viewMemoOf } from "@/server/workspaces/view-memo";
import { fullTopologyOf } from "./full-topology";

export async function topologyGraph(model: FleetModel, input: { workspace?: string | undefined; expanded: readonly string[] }): Promise<TopologyGraph> {
  const state = await stateOf({ model });
  const full = await fullTopologyOf(viewMemoOf(model), state, input.workspace);
  return { ...graphView(full, input.expanded), computedAt: state.snapshot.at };
}

export async function topologyRows(model: FleetModel, input: RowsQuery): Promise<TopologyRows> {
  const state = await stateOf({ model });
  return rowsView(await fullTopologyOf(viewMemoOf(model), state, input.workspace), input);
}

