// The Drills page's filters in the URL (?cluster=west&phase=Failed), so a filtered history can be shared. Values the
// server would refuse (an unknown phase, a malformed name) are dropped here rather than turned into an error page.
import { DRILL_PHASES, drillVerdictSchema, type DrillPhase, type DrillVerdict } from "@/lib/drills/schema";
import { isDnsLabel } from "@/lib/names/dns";
import type { DrillFilter } from "@/server/drills/types";

export const FILTER_KEYS = ["cluster", "namespace", "service", "phase", "verdict"] as const;

const isPhase = (v: string): v is DrillPhase => (DRILL_PHASES as readonly string[]).includes(v);
const isVerdict = (v: string): v is DrillVerdict => drillVerdictSchema.safeParse(v).success;

export function readFilter(params: URLSearchParams): DrillFilter {
  const filter: DrillFilter = {};
  const cluster = params.get("cluster")?.trim();
  if (cluster && cluster.length <= 253) filter.cluster = cluster;
  for (const key of ["namespace", "service"] as const) {
    const value = params.get(key)?.trim();
    if (value && isDnsLabel(value)) filter[key] = value;
  }
  const phase = params.get("phase");
  if (phase && isPhase(phase)) filter.phase = phase;
  const verdict = params.get("verdict");
  if (verdict && isVerdict(verdict)) filter.verdict = verdict;
  return filter;
}

/** The query string of a filter, in a fixed key order (so the same filter is the same URL); empty values left out. */
export function writeFilter(filter: DrillFilter): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}
