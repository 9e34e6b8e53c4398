// Words and colours of a drill, the same on every drill view: its phase, its verdict, its figures.
import type { DrillPhase, DrillVerdict } from "@/lib/drills/schema";
import type { Tone } from "../workspace/status-pill";

/** The path a drill normally takes; it ends in one of the final phases. */
export const PHASE_PATH: readonly DrillPhase[] = ["Pending", "Prechecking", "Baseline", "Injecting", "Observing", "Restoring"];

export const PHASE_TONE: Readonly<Record<DrillPhase, Tone>> = {
  Pending: "neutral",
  Prechecking: "info",
  Baseline: "info",
  Injecting: "warn",
  Observing: "warn",
  Restoring: "info",
  Succeeded: "good",
  Failed: "bad",
  Aborted: "bad",
};

/** What each phase does, in one line (the timeline's second line and the Drills page's legend). */
export const PHASE_WORDS: Readonly<Record<DrillPhase, string>> = {
  Pending: "created, waiting for the runner",
  Prechecking: "opt-in, failover target, gateways, outlier detection, no other drill",
  Baseline: "probe traffic from inside the cluster, before any fault",
  Injecting: "undo record written, then the fault",
  Observing: "waiting for remote serving",
  Restoring: "fault undone, waiting for local serving",
  Succeeded: "failed over and restored",
  Failed: "did not fail over, or could not restore",
  Aborted: "stopped and restored",
};

export const VERDICT_TONE: Readonly<Record<DrillVerdict, Tone>> = { Passed: "good", Failed: "bad", Aborted: "warn" };

/** A drill's page. */
export const drillHref = (ref: { cluster: string; namespace: string; name: string }) =>
  `/drills/${encodeURIComponent(ref.cluster)}/${encodeURIComponent(ref.namespace)}/${encodeURIComponent(ref.name)}`;
