// Drills as the pages list them, from the fleet snapshot: every FailoverDrill of every cluster (parsed with the
// schema; an object that does not parse is skipped, never trusted), filtered, newest first. A cluster that is not
// synced is named in `stale`: its drills are its last known ones, and some may be missing.
import type { FailoverDrill } from "@/lib/drills/schema";
import type { FleetSnapshot } from "@/lib/fleet/snapshot-types";
import { isFinal, parseDrill } from "./cluster-facts";
import type { DrillDetail, DrillFilter, DrillList, DrillRef, DrillSummary } from "./types";

export function summaryOf(cluster: string, drill: FailoverDrill): DrillSummary {
  const s = drill.status;
  const optional = {
    verdict: s?.verdict,
    reason: s?.reason,
    createdAt: drill.metadata.creationTimestamp,
    startedAt: s?.startedAt,
    finishedAt: s?.finishedAt,
    timeToShiftSeconds: s?.timeToShiftSeconds,
    failedRequests: s?.failedRequests,
    timeToRestoreSeconds: s?.timeToRestoreSeconds,
  };
  return {
    ref: { cluster, namespace: drill.metadata.namespace, name: drill.metadata.name },
    service: drill.spec.service,
    fault: drill.spec.fault,
    phase: s?.phase ?? "Pending",
    running: !isFinal(drill),
    ...(Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)) as Partial<DrillSummary>),
  };
}

function matches(summary: DrillSummary, filter: DrillFilter): boolean {
  return (
    (filter.cluster === undefined || summary.ref.cluster === filter.cluster) &&
    (filter.namespace === undefined || summary.ref.namespace === filter.namespace) &&
    (filter.service === undefined || summary.service === filter.service) &&
    (filter.phase === undefined || summary.phase === filter.phase) &&
    (filter.verdict === undefined || summary.verdict === filter.verdict)
  );
}

/** Newest first: by creation time, then by name. */
const newestFirst = (a: DrillSummary, b: DrillSummary) => (b.createdAt ?? "").localeCompare(a.createdAt ?? "") || a.ref.name.localeCompare(b.ref.name);

export function listDrills(snapshot: FleetSnapshot, filter: DrillFilter): DrillList {
  const drills: DrillSummary[] = [];
  const stale: string[] = [];
  for (const cluster of snapshot.clusters) {
    if (filter.cluster !== undefined && cluster.name !== filter.cluster) continue;
    if (cluster.state !== "synced") stale.push(cluster.name);
    for (const object of cluster.objects.FailoverDrill.values()) {
      const drill = parseDrill(object);
      if (!drill) continue;
      const summary = summaryOf(cluster.name, drill);
      if (matches(summary, filter)) drills.push(summary);
    }
  }
  return { drills: drills.sort(newestFirst), stale };
}

export function drillDetail(snapshot: FleetSnapshot, ref: DrillRef): DrillDetail | undefined {
  const object = snapshot.clusters.find((c) => c.name === ref.cluster)?.objects.FailoverDrill.get(`${ref.namespace}/${ref.name}`);
  const drill = object ? parseDrill(object) : undefined;
  if (!drill) return undefined;
  return { ...summaryOf(ref.cluster, drill), spec: drill.spec, status: drill.status ?? { conditions: [], timeline: [] } };
}
