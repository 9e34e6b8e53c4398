// The words every page shows for a failover state (issue #12: the workspace page, the overview and the topology
// page say the same thing), and a one-line sentence naming clusters and gateways.
import type { AtRiskReason, FailoverKind, FailoverRow, RemoteCheck, Route } from "./types";

export const FAILOVER_WORDS: Readonly<Record<FailoverKind, string>> = {
  "serving-locally": "Serving locally",
  "failed-over": "Failed over",
  "at-risk": "At risk",
  "remote-only": "Remote only",
  unavailable: "Unavailable",
  unknown: "Unknown",
};

export const AT_RISK_WORDS: Readonly<Record<AtRiskReason, string>> = {
  "no-remote-instance": "runs in no other cluster",
  "not-exposed": "not exposed",
  "no-outlier-detection": "no outlier detection",
  "remote-cluster-stale": "remote cluster stale",
  "no-gateway": "no gateway",
  "gateway-not-ready": "gateway not ready",
  "no-shadow-workload-entries": "no shadow WorkloadEntries",
  "not-in-service-entry": "gateway not in the ServiceEntry",
  "remote-endpoints-unknown": "remote endpoints unknown",
  "remote-instances-down": "every remote instance down",
};

/** "east through istio-system/eastwest-gateway, then north through …" */
export function routesSentence(routes: readonly Route[]): string {
  return routes.map((r) => `${r.cluster} through ${r.gateway}`).join(", then ");
}

/** "east: no gateway; north: every remote instance down" */
export function remotesSentence(remotes: readonly RemoteCheck[]): string {
  return remotes.map((r) => `${r.cluster}: ${r.ok ? `works through ${r.route.gateway}` : AT_RISK_WORDS[r.problem]}`).join("; ");
}

const count = (e: { ready: number; total: number }) => `${e.ready} of ${e.total} local endpoints ready`;

/** One sentence for a row, starting with the state's words. */
export function failoverSentence(row: FailoverRow): string {
  const s = row.state;
  const words = FAILOVER_WORDS[s.kind];
  switch (s.kind) {
    case "serving-locally":
      return `${words} (${count(s.endpoints)}); fails over to ${routesSentence(s.targets)}.`;
    case "failed-over":
      return `${words} to ${routesSentence(s.targets)} (${count(s.endpoints)}).`;
    case "at-risk": {
      const remotes = s.remotes.length > 0 ? ` (${remotesSentence(s.remotes)})` : "";
      return `${words}: ${AT_RISK_WORDS[s.reason]}${remotes}; ${count(s.endpoints)}.`;
    }
    case "remote-only": {
      const via = s.remotes.length > 0 ? remotesSentence(s.remotes) : "no cluster runs it";
      return `${words} through a ServiceEntry, ${s.reachable ? "reachable" : "not reachable now"} (${via}).`;
    }
    case "unavailable": {
      const local = s.endpoints ? `${count(s.endpoints)}; ` : "";
      return `${words}: ${local}${s.remotes.length > 0 ? remotesSentence(s.remotes) : "no other cluster runs it"}.`;
    }
    case "unknown":
      return s.why === "cluster-stale"
        ? `${words}: ${row.cluster} cannot be seen now${s.since ? ` (stale since ${s.since})` : ""}.`
        : `${words}: the endpoints of ${row.fqdn} in ${row.cluster} are not known.`;
  }
}
