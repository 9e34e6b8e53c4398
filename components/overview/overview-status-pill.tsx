import type { ClusterStatus } from "@/lib/fleet-schema";
import { StatusPill, type Tone } from "../workspace/status-pill";
import { STATUS_WORDS, statusOf, type OverviewStatus } from "./overview-state";

const TONE: Record<OverviewStatus, Tone> = { unreachable: "bad", stale: "bad", syncing: "warn", healthy: "good" };

/** The cluster's one overview status (the tiles' words), in words and colour. */
export function OverviewStatusPill({ status }: { status: ClusterStatus }) {
  const overall = statusOf(status);
  return <StatusPill tone={TONE[overall]}>{STATUS_WORDS[overall]}</StatusPill>;
}
