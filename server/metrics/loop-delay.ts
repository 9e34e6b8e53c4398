// Event-loop delay as a probe, an SSE client or the leader Lease's renewal feels it: perf_hooks'
// monitorEventLoopDelay (resolution 10 ms), kept twice — one histogram since the monitor started, one per window.
// Every `windowMs` (5 s) the current window is closed and its p50/p99/max kept as "the last completed window", so a
// scraper sampling every second sees stable figures and a stall shows in the window it fell in. A blocked loop
// also delays the timer that closes windows, so a window holding a stall is longer than 5 s: its length is kept.
import { monitorEventLoopDelay } from "node:perf_hooks";

/** What the monitor needs of a histogram (node's IntervalHistogram; nanoseconds). */
export type DelayHistogram = { percentile(p: number): number; readonly max: number; readonly count: number; reset(): void; disable(): unknown };

export type DelayStats = { p50Ms: number; p99Ms: number; maxMs: number; samples: number };
export type WindowStats = DelayStats & { startMs: number; endMs: number };

export type LoopDelayMonitor = {
  /** The last completed window, undefined before the first one closes. */
  lastWindow(): WindowStats | undefined;
  sinceStart(): DelayStats;
  /** Closes the current window if it is at least windowMs old (the timer calls it; tests call it directly). */
  tick(): void;
  stop(): void;
};

export type LoopDelayDeps = {
  windowMs?: number;
  /** Monotonic milliseconds. */
  now?: () => number;
  histogram?: () => DelayHistogram;
  /** Runs `fn` every `ms`; returns a cancel. Tests pass a no-op and call tick(). */
  every?: (fn: () => void, ms: number) => () => void;
};

function liveHistogram(): DelayHistogram {
  const h = monitorEventLoopDelay({ resolution: 10 });
  h.enable();
  return h;
}

function defaultEvery(fn: () => void, ms: number): () => void {
  const timer = setInterval(fn, ms);
  timer.unref();
  return () => clearInterval(timer);
}

const NS_PER_MS = 1e6;

export function statsOf(h: DelayHistogram): DelayStats {
  // An empty histogram answers 0 for its percentiles and max: say so by the sample count, not by NaN.
  if (h.count === 0) return { p50Ms: 0, p99Ms: 0, maxMs: 0, samples: 0 };
  return { p50Ms: h.percentile(50) / NS_PER_MS, p99Ms: h.percentile(99) / NS_PER_MS, maxMs: h.max / NS_PER_MS, samples: h.count };
}

export function createLoopDelayMonitor(deps: LoopDelayDeps = {}): LoopDelayMonitor {
  const windowMs = deps.windowMs ?? 5_000;
  const now = deps.now ?? (() => performance.now());
  const make = deps.histogram ?? liveHistogram;
  const total = make();
  const current = make();
  let windowStart = now();
  let last: WindowStats | undefined;
  const tick = () => {
    const at = now();
    if (at - windowStart < windowMs) return;
    last = { ...statsOf(current), startMs: windowStart, endMs: at };
    current.reset();
    windowStart = at;
  };
  // Checked five times per window, so a window closes at most a fifth of a window late on an idle loop.
  const cancel = (deps.every ?? defaultEvery)(tick, Math.max(1, Math.floor(windowMs / 5)));
  return {
    lastWindow: () => last,
    sinceStart: () => statsOf(total),
    tick,
    stop() {
      cancel();
      total.disable();
      current.disable();
    },
  };
}
