/** Next calls this once per server process: refuse to serve where we may not, then start the fleet. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { serverEnv } = await import("./server/env");
    const { enforceLoopback } = await import("./server/startup/listen-check");
    // Without authentication the console serves loopback only (exits with a sentence otherwise).
    enforceLoopback(serverEnv().authMode);
    const { getRuntime } = await import("./server/runtime");
    getRuntime();
    // Event-loop delay and leadership are measured from boot, so "since start" in /api/metrics means it.
    const { processMetrics } = await import("./server/metrics/process-metrics");
    processMetrics();
  }
}
