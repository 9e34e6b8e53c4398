import Link from "next/link";
import { RunDrillButton } from "../../drills/run-drill-button";
import { RelativeTime } from "../../relative-time";
import { SECONDARY_BUTTON } from "../../workspace/dialog-shell";
import { FAILOVER_LOOK } from "../../workspace/failover-cell";
import { StatusPill } from "../../workspace/status-pill";
import { StateCounts } from "../state-counts";
import { ServedByNodeLine } from "../traffic/served-by-node-line";
import type { NodeDetails, WhatIfRemoval } from "./inspect-types";

const KIND_WORDS: Readonly<Record<NodeDetails["kind"], string>> = {
  cluster: "Cluster",
  namespace: "Namespace",
  gateway: "East-west gateway",
  service: "Service",
  "service-entry": "Consumed through a ServiceEntry",
};

/** A local service's drill target: its Service name and namespace are the FQDN's first two labels (name.ns.svc…). */
function drillTargetOf(cluster: string, fqdn: string) {
  const [service = fqdn, namespace = ""] = fqdn.split(".");
  return { cluster, namespace, service };
}

/** The node's kind and cluster, and its state pill: the words of every page (lib/failover/words.ts). */
export function PanelTitle({ details }: { details: NodeDetails }) {
  return (
    <span className="flex flex-wrap items-center gap-2">
      <span>{details.title}</span>
      {details.state && (
        <StatusPill tone={FAILOVER_LOOK[details.state.kind].tone}>
          <span aria-hidden="true">{FAILOVER_LOOK[details.state.kind].glyph}</span>
          {details.state.words}
        </StatusPill>
      )}
    </span>
  );
}

/** Under the title: what the node is, its failover sentence or counts, its facts, and what can be done from here. */
export function PanelSummary({ details, workspace, onWhatIf }: { details: NodeDetails; workspace?: string | undefined; onWhatIf?: (removal: WhatIfRemoval) => void }) {
  const { whatIf } = details;
  return (
    <div className="mb-4 space-y-3">
      <p className="text-xs text-slate-500">
        {KIND_WORDS[details.kind]} · {details.cluster} · as of <RelativeTime iso={details.computedAt} />
      </p>
      {details.state && (
        <div>
          <p className="text-sm text-slate-800">{details.state.sentence}</p>
          {/* Which cluster actually served it in the last minute (Prometheus); nothing when traffic is not shown. */}
          <ServedByNodeLine id={details.id} workspace={workspace} />
        </div>
      )}
      {details.counts && <StateCounts counts={details.counts} />}
      {details.facts.length > 0 && (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {details.facts.map((f) => (
            <div key={f.label} className="contents">
              <dt className="text-slate-500">{f.label}</dt>
              <dd className="break-words text-slate-900">{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="flex flex-wrap items-center gap-2">
        {whatIf?.kind === "instance" && details.kind === "service" && <RunDrillButton target={drillTargetOf(whatIf.cluster, whatIf.fqdn)} workspaces={details.workspaces} />}
        {whatIf && onWhatIf && (
          <button type="button" className={SECONDARY_BUTTON} onClick={() => onWhatIf(whatIf)}>
            What if this failed?
          </button>
        )}
        {details.workspaces.map((ws) => (
          <Link key={ws} href={`/workspaces/${encodeURIComponent(ws)}`} className="rounded text-sm font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500">
            Workspace {ws}
          </Link>
        ))}
      </div>
    </div>
  );
}
