// Reads the console's GET /api/metrics (server/metrics) and samples it once a second while the benchmark runs.
// A sample request waits like any other when the console's event loop is blocked; the console's own 5 s windows
// still hold the stall, so windows are collected by their end time, each once.
import { httpRequest } from "./http";

export type MetricsReading = {
  at: number;
  /** The last completed window (ms); undefined before the first closes. */
  window?: { endS: number; lengthS: number; p50Ms: number; p99Ms: number; maxMs: number };
  sinceStart: { p50Ms: number; p99Ms: number; maxMs: number };
  leader: number;
  transitions: number;
  rssBytes: number;
  heapUsedBytes: number;
};

/** name{labels} value lines → value by `name{labels}` as written (the console writes labels in a fixed order). */
export function parseMetrics(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const space = line.lastIndexOf(" ");
    out.set(line.slice(0, space), Number(line.slice(space + 1)));
  }
  return out;
}

const delay = (m: Map<string, number>, range: string, stat: string) => (m.get(`eastwest_event_loop_delay_seconds{range="${range}",stat="${stat}"}`) ?? Number.NaN) * 1000;

export function readingOf(text: string, at: number): MetricsReading {
  const m = parseMetrics(text);
  const endS = m.get("eastwest_event_loop_delay_window_end_seconds");
  return {
    at,
    window: endS === undefined ? undefined : { endS, lengthS: m.get("eastwest_event_loop_delay_window_seconds") ?? Number.NaN, p50Ms: delay(m, "last_window", "p50"), p99Ms: delay(m, "last_window", "p99"), maxMs: delay(m, "last_window", "max") },
    sinceStart: { p50Ms: delay(m, "since_start", "p50"), p99Ms: delay(m, "since_start", "p99"), maxMs: delay(m, "since_start", "max") },
    leader: m.get("eastwest_registry_leader") ?? Number.NaN,
    transitions: m.get("eastwest_registry_leader_transitions_total") ?? Number.NaN,
    rssBytes: m.get("process_resident_memory_bytes") ?? Number.NaN,
    heapUsedBytes: m.get("nodejs_heap_size_used_bytes") ?? Number.NaN,
  };
}

export async function readMetrics(base: string): Promise<MetricsReading | undefined> {
  try {
    const res = await httpRequest(`${base}/api/metrics`, { timeoutMs: 10 * 60_000 });
    return res.status === 200 ? readingOf(res.text, performance.now()) : undefined;
  } catch {
    return undefined;
  }
}

export type Sampler = { readings: MetricsReading[]; stop(): Promise<void> };

/** Reads the metrics every `everyMs` (one request at a time) until stopped. */
export function sampleMetrics(base: string, everyMs = 1_000): Sampler {
  const readings: MetricsReading[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      const r = await readMetrics(base);
      if (r) readings.push(r);
      const wait = everyMs - (performance.now() - started);
      if (wait > 0 && !stopped) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  })();
  return {
    readings,
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

/** The distinct windows seen in `readings` (by end time) that ended after `afterEndS`. */
export function windowsAfter(readings: readonly MetricsReading[], afterEndS: number): NonNullable<MetricsReading["window"]>[] {
  const seen = new Map<number, NonNullable<MetricsReading["window"]>>();
  for (const r of readings) if (r.window && r.window.endS > afterEndS) seen.set(r.window.endS, r.window);
  return [...seen.values()].sort((a, b) => a.endS - b.endS);
}
