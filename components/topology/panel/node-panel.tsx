"use client";

import * as Tabs from "@radix-ui/react-tabs";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../trpc";
import { ErrorAlert } from "../../workspace/error-alert";
import { TAB } from "../../workspace/exposure-preview-tabs";
import { retryServerErrors, type NodeDetails, type WhatIfRemoval } from "./inspect-types";
import { ObjectsTab } from "./objects-tab";
import { PanelSummary, PanelTitle } from "./panel-summary";
import { RegistryTab } from "./registry-tab";
import { SidePanel } from "./side-panel";
import { TestTab } from "./test-tab";
import { useFollowTopology } from "./use-follow-topology";

function DetailTabs({ details }: { details: NodeDetails }) {
  return (
    <Tabs.Root defaultValue="objects">
      <Tabs.List aria-label="Node details" className="flex flex-wrap gap-1 border-b border-slate-200">
        <Tabs.Trigger value="objects" className={TAB}>
          Objects ({details.objects.length})
        </Tabs.Trigger>
        <Tabs.Trigger value="registry" className={TAB}>
          Registry
        </Tabs.Trigger>
        <Tabs.Trigger value="test" className={TAB}>
          Test
        </Tabs.Trigger>
      </Tabs.List>
      <Tabs.Content value="objects" className="pt-3">
        <ObjectsTab objects={details.objects} />
      </Tabs.Content>
      <Tabs.Content value="registry" className="pt-3">
        <RegistryTab registry={details.registry} />
      </Tabs.Content>
      <Tabs.Content value="test" className="pt-3">
        <TestTab details={details} />
      </Tabs.Content>
    </Tabs.Root>
  );
}

/**
 * The side panel of one node of the topology: its state, the objects behind it with their live YAML, the registry's
 * expected versus actual, how to test it from another cluster, and "what if this failed". Escape or Close closes it
 * and focus returns to what opened it.
 */
export function NodePanel(props: { workspace?: string; id: string; onClose: () => void; onWhatIf?: (removal: WhatIfRemoval) => void }) {
  const { workspace, id, onClose, onWhatIf } = props;
  const trpc = useTRPC();
  useFollowTopology();
  const query = useQuery(trpc.inspect.node.queryOptions({ workspace, id }, { retry: retryServerErrors }));
  const details = query.data;
  return (
    <SidePanel label={`Details of ${id}`} title={details ? <PanelTitle details={details} /> : <span className="font-mono text-sm">{id}</span>} onClose={onClose}>
      {details ? (
        <>
          <PanelSummary details={details} workspace={workspace} {...(onWhatIf ? { onWhatIf } : {})} />
          <DetailTabs details={details} />
        </>
      ) : query.isError ? (
        <ErrorAlert title="This node cannot be shown" error={query.error} />
      ) : (
        <p aria-busy="true" className="text-sm text-slate-600">
          Loading the objects behind this node…
        </p>
      )}
    </SidePanel>
  );
}
