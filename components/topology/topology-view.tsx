"use client";

import { useCallback, useState } from "react";
import type { WhatIfRemoval } from "./panel/inspect-types";
import { AppHeader } from "../app-header";
import { Breadcrumbs, type Crumb } from "../nav/breadcrumbs";
import { ErrorAlert } from "../workspace/error-alert";
import { GraphPane } from "./graph-pane";
import { NodePanel } from "./panel/node-panel";
import { TopologyTable } from "./table/topology-table";
import { TopologyTrafficNote } from "./traffic/topology-traffic-note";
import { useTopologyTraffic } from "./traffic/use-topology-traffic";
import { WhatIfPanel } from "./what-if/what-if-panel";
import { TopologyHeading } from "./topology-heading";
import { TopologyLegend } from "./topology-legend";
import { TopologyEmpty, TopologyError, TopologySkeleton } from "./topology-states";
import { toggleExpanded } from "./url-state";
import { useTopologyGraph, useTopologyLive, useTopologyUrl } from "./use-topology";

const trail = (workspace?: string): Crumb[] =>
  workspace
    ? [{ label: "Overview", href: "/" }, { label: "Workspaces", href: "/workspaces" }, { label: workspace, href: `/workspaces/${encodeURIComponent(workspace)}` }, { label: "Topology" }]
    : [{ label: "Overview", href: "/" }, { label: "Topology" }];

/**
 * The topology page, for the whole fleet or one workspace: clusters as groups (collapsed until opened), their
 * east-west gateways and namespaces, the namespaces' services, and the failover and ingress edges between them;
 * or the same data as a table. Live from topology.onChange; view, open groups and selection are in the URL.
 */
export function TopologyView({ workspace }: { workspace?: string }) {
  const live = useTopologyLive(workspace);
  const [url, setUrl] = useTopologyUrl();
  const { data, error } = useTopologyGraph(workspace, url.expanded);
  const traffic = useTopologyTraffic(workspace);
  const [reveal, setReveal] = useState<string | undefined>(undefined);
  const onToggle = useCallback(
    (id: string) => {
      const expanded = toggleExpanded(url.expanded, id);
      setUrl({ expanded });
      if (expanded.includes(id)) setReveal(id);
    },
    [url.expanded, setUrl],
  );
  const onSelect = useCallback((id: string) => setUrl({ selected: id }), [setUrl]);
  const onRevealed = useCallback(() => setReveal(undefined), []);
  const onClosePanel = useCallback(() => setUrl({ selected: undefined }), [setUrl]);
  // "What if this failed": shown in place of the node's panel until closed (nothing is injected).
  const [removal, setRemoval] = useState<WhatIfRemoval | undefined>(undefined);

  return (
    <>
      <AppHeader live={live} />
      <main className="mx-auto max-w-6xl px-6 py-8">
        <Breadcrumbs trail={trail(workspace)} />
        <TopologyHeading workspace={workspace} graph={data} view={url.view} onView={(view) => setUrl({ view })} />
        {!data ? (
          error ? (
            <TopologyError workspace={workspace} error={error} />
          ) : (
            <TopologySkeleton />
          )
        ) : (
          <>
            {error && <ErrorAlert title="Showing the last loaded topology: the latest refresh failed" error={error} />}
            <TopologyLegend />
            {!data.empty && <TopologyTrafficNote state={traffic.state} />}
            {data.empty ? (
              <TopologyEmpty why={data.empty} workspace={workspace} />
            ) : url.view === "table" ? (
              <TopologyTable workspace={workspace} onSelect={onSelect} />
            ) : (
              <GraphPane graph={data} selected={url.selected} reveal={reveal} onRevealed={onRevealed} onToggle={onToggle} onSelect={onSelect} />
            )}
          </>
        )}
        {removal ? (
          <WhatIfPanel workspace={workspace} removal={removal} onClose={() => setRemoval(undefined)} />
        ) : (
          url.selected && <NodePanel key={url.selected} workspace={workspace} id={url.selected} onClose={onClosePanel} onWhatIf={setRemoval} />
        )}
      </main>
    </>
  );
}
