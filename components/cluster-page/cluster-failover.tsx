"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { FailoverKind } from "@/lib/failover/types";
import { FAILOVER_WORDS } from "@/lib/failover/words";
import type { StateCounts } from "@/lib/topology/types";
import { useTRPC } from "../trpc";
import { FAILOVER_LOOK } from "../workspace/failover-cell";
import { StatusPill } from "../workspace/status-pill";
import { ErrorAlert } from "../workspace/error-alert";
import { topologyHref } from "./cluster-links";
import { Section } from "./section-title";

/** Worst first: what needs a person comes before what is fine. */
const ORDER: readonly FailoverKind[] = ["unavailable", "at-risk", "failed-over", "unknown", "remote-only", "serving-locally"];

/**
 * How the cluster's services stand for failover, counted per state with the words every page uses
 * (lib/failover/words.ts). The figures are the topology graph's own (its collapsed cluster node), so this page and
 * the topology page can never disagree; the topology page lists the services behind them.
 */
export function ClusterFailover({ cluster }: { cluster: string }) {
  const trpc = useTRPC();
  const { data, error } = useQuery(trpc.topology.graph.queryOptions({ expanded: [] }));
  const node = data?.nodes.find((n) => n.kind === "cluster" && n.cluster === cluster);
  const counts: StateCounts | undefined = node?.kind === "cluster" ? node.counts : undefined;
  const total = counts ? ORDER.reduce((sum, kind) => sum + (counts[kind] ?? 0), 0) : 0;
  return (
    <Section id="failover-title" title="Failover state of its services" note={<Link href={topologyHref(cluster)} className="font-medium text-indigo-700 underline underline-offset-2">See them on the topology</Link>}>
      {error && !data ? (
        <ErrorAlert title="The failover states could not be loaded" error={error} />
      ) : !data ? (
        <div role="status" aria-busy="true" className="h-14 animate-pulse rounded-xl border border-slate-200 bg-white">
          <span className="sr-only">Loading failover states…</span>
        </div>
      ) : !counts || total === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-4 text-sm text-slate-600">No service of a workspace runs in or is consumed by this cluster.</p>
      ) : (
        <ul aria-label="Failover states" className="flex flex-wrap gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          {ORDER.filter((kind) => (counts[kind] ?? 0) > 0).map((kind) => (
            <li key={kind} className="flex items-center gap-2 text-sm">
              <span className="text-lg font-semibold text-slate-900 tabular-nums">{counts[kind]}</span>
              <StatusPill tone={FAILOVER_LOOK[kind].tone}>
                <span aria-hidden="true">{FAILOVER_LOOK[kind].glyph}</span>
                {FAILOVER_WORDS[kind]}
              </StatusPill>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
