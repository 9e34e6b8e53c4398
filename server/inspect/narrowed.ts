// "What if" recomputes failover states only for the services the removed part can affect. A (cluster, service) row
// reads only facts about its own FQDN (who runs it, the shadow WorkloadEntries and ServiceEntry endpoints for it,
// outlier detection on it) plus the clusters' gateways, staleness and localities (lib/failover/failover-state.ts),
// so the rows of the other FQDNs are unchanged by construction. An instance removal touches one FQDN; a gateway or
// a cluster, only the FQDNs that cluster runs (its instances stop being remote targets). At 20 clusters × 1,000
// services a removed instance is then one FQDN's rows, not 20,000.
import type { FailoverInput, FailoverRow } from "@/lib/failover/types";
import type { WhatIfRemoval } from "./removal";

/** The FQDNs whose rows can change. */
export function affectedFqdns(input: FailoverInput, removal: WhatIfRemoval): ReadonlySet<string> {
  if (removal.kind === "instance") return new Set([removal.fqdn]);
  const cluster = input.clusters.find((c) => c.name === removal.cluster);
  return new Set(cluster?.services.map((s) => s.fqdn) ?? []);
}

/** The input with only the facts about `fqdns` (every cluster, gateway and exposure kept). */
export function narrowInput(input: FailoverInput, fqdns: ReadonlySet<string>): FailoverInput {
  return {
    ...input,
    clusters: input.clusters.map((c) => ({
      ...c,
      services: c.services.filter((s) => fqdns.has(s.fqdn)),
      serviceEntries: c.serviceEntries.flatMap((se) => {
        const hosts = se.hosts.filter((h) => fqdns.has(h));
        return hosts.length > 0 ? [{ ...se, hosts }] : [];
      }),
      shadowEntries: c.shadowEntries.filter((w) => fqdns.has(w.fqdn)),
      outlierDetection: c.outlierDetection.filter((h) => fqdns.has(h)),
    })),
  };
}

export const narrowRows = (rows: readonly FailoverRow[], fqdns: ReadonlySet<string>): FailoverRow[] => rows.filter((r) => fqdns.has(r.fqdn));
