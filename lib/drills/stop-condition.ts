// The drill's stop condition: "error rate above `errorRateAbove` continuously for longer than `forSeconds`"
// (spec.stopCondition), judged from the probe's samples alone.
//
// What "continuously" means here. The samples are cut into one-second buckets from the window's start; a bucket
// with requests is BAD when its failed/total is above the threshold, GOOD otherwise. A run of bad buckets is
// broken by a good bucket. A bucket with no requests is no evidence either way: silence is not errors (the probe
// may not be running, or its log not read yet). But failing requests can be slow: curl gives up after 5 s
// (docs/real-cluster-probe.md), so a stream of timeouts writes one line every ~5 s and leaves empty buckets in
// between. Empty buckets are therefore bridged when the silence is at most MAX_SILENT_SECONDS; a longer silence
// ends the run. A run lasts from its first bad sample to its last bad sample (evidence, never extrapolation), and
// the condition is met when a run lasts longer than `forSeconds`. The whole window is judged (not only "now"), so
// a run the runner did not look at in time still counts: level-triggered.
import type { ProbeSample } from "./machine-types";
import { inWindow, type ProbeWindow } from "./probe-stats";
import type { StopCondition } from "./schema";

/** Longer than curl's --max-time 5 s plus one probe interval: a stream of timeouts is still one run. */
export const MAX_SILENT_SECONDS = 6;

export type StopEvaluation =
  | { met: false; /** The longest bad run seen, in seconds (0 when none). */ longestSeconds: number }
  | { met: true; since: number; until: number; seconds: number; /** failed/total over the run. */ errorRate: number };

type Bucket = { index: number; total: number; failed: number; first: number; last: number };

function buckets(samples: readonly ProbeSample[], from: number): Bucket[] {
  const byIndex = new Map<number, Bucket>();
  for (const s of samples) {
    const index = Math.floor((s.at - from) / 1000);
    let bucket = byIndex.get(index);
    if (!bucket) byIndex.set(index, (bucket = { index, total: 0, failed: 0, first: Infinity, last: -Infinity }));
    bucket.total++;
    if (s.ok) continue;
    // A run is measured on its failed samples: first and last failure of the bucket.
    bucket.failed++;
    bucket.first = Math.min(bucket.first, s.at);
    bucket.last = Math.max(bucket.last, s.at);
  }
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

type Run = { startAt: number; endAt: number; lastIndex: number; total: number; failed: number };

export function evaluateStopCondition(samples: readonly ProbeSample[], condition: StopCondition, window: ProbeWindow): StopEvaluation {
  let run: Run | undefined;
  let longest = 0;
  for (const bucket of buckets(inWindow(samples, window), window.from)) {
    const bad = bucket.failed / bucket.total > condition.errorRateAbove;
    if (!bad) {
      run = undefined;
      continue;
    }
    const bridged = run !== undefined && bucket.index - run.lastIndex - 1 <= MAX_SILENT_SECONDS;
    if (run && bridged) {
      run = { ...run, endAt: bucket.last, lastIndex: bucket.index, total: run.total + bucket.total, failed: run.failed + bucket.failed };
    } else {
      run = { startAt: bucket.first, endAt: bucket.last, lastIndex: bucket.index, total: bucket.total, failed: bucket.failed };
    }
    const seconds = (run.endAt - run.startAt) / 1000;
    if (seconds > condition.forSeconds) {
      return { met: true, since: run.startAt, until: run.endAt, seconds, errorRate: run.failed / run.total };
    }
    longest = Math.max(longest, seconds);
  }
  return { met: false, longestSeconds: longest };
}
