// The stream behind `topology.onChange`: the version of a scope's graph (a workspace's, or the fleet's), sent when
// it changes. Each model state marks the stream dirty; the loop then reads the newest state once, however many
// states came meanwhile, so a slow reader or a burst of states costs one memoized lookup (the full topology is
// shared with the queries through the model's view memo). The version is the event id too: a browser that
// reconnects sends it back (lastEventId) and hears nothing until the graph differs from what it has.
import { asDomainError } from "@/server/errors";
import { changedVersions } from "@/server/http/change-pulses";
import type { FleetModel, ModelState } from "@/server/model/types";
import { requireWorkspace, stateOf } from "@/server/workspaces/fleet-input";
import { viewMemoOf } from "@/server/workspaces/view-memo";
import { fullTopologyOf } from "./full-topology";

export type TopologyChange = { version: string };

/** What a workspace deleted while its page listens reads as: a change, after which its query answers NOT_FOUND. */
export const GONE_VERSION = "gone";

async function versionIn(model: FleetModel, state: ModelState, workspace: string | undefined): Promise<string> {
  try {
    return (await fullTopologyOf(viewMemoOf(model), state, workspace)).version;
  } catch (error) {
    if (asDomainError(error)?.tag === "eastwest.NotFound") return GONE_VERSION;
    throw error;
  }
}

export function topologyChanges(model: FleetModel, workspace: string | undefined, lastEventId: string | null | undefined, signal: AbortSignal | undefined): AsyncGenerator<TopologyChange, void, void> {
  let first: ModelState | undefined;
  return changedVersions({
    subscribe: (listener) => model.subscribe(listener),
    read: async () => {
      if (!first) {
        first = await stateOf({ model });
        // An unknown workspace is an error up front (NOT_FOUND naming "workspace"), as the graph query answers.
        if (workspace !== undefined) requireWorkspace(first, workspace);
      }
      return { version: await versionIn(model, model.current() ?? first, workspace) };
    },
    key: (change) => change.version,
    lastEventId,
    signal,
  });
}
