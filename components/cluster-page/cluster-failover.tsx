"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { StateCounts } from "@/lib/topology/types";
import { FailoverCounts, totalOf } from "../overview/failover-counts";
import { useTRPC } from "../trpc";
import { ErrorAlert } from "../workspace/error-alert";
import { topologyHref } from "./cluster-links";
import { Section } from "./section-title";

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
  return (
    <Section id="failover-title" title="Failover state of its services" note={<Link href={topologyHref(cluster)} className="font-medium text-indigo-700 underline underline-offset-2">See them on the topology</Link>}>
      {error && !data ? (
        <ErrorAlert title="The failover states could not be loaded" error={error} />
      ) : !data ? (
        <div role="status" aria-busy="true" className="h-14 animate-pulse rounded-xl border border-slate-200 bg-white">
          <span className="sr-only">Loading failover states…</span>
        </div>
      ) : !counts || totalOf(counts) === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-4 text-sm text-slate-600">No service of a workspace runs in or is consumed by this cluster.</p>
      ) : (
        <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <FailoverCounts counts={counts} label="Failover states" />
        </div>
      )}
    </Section>
  );
}
