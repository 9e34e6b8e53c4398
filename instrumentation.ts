/** Next calls this once per server process: refuse to serve where we may not, then start the fleet. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // First: V8's collector settings and its helper threads' priority (server/startup/process-settings.ts).
    const { applyProcessSettings } = await import("./server/startup/process-settings");
    applyProcessSettings();
    // Before any request: every request is stamped with its socket's address (server/auth/peer-stamp.ts), the only
    // address mode proxy trusts and audit records; a client-sent copy of the stamp is deleted.
    const { installPeerStamp } = await import("./server/auth/peer-stamp");
    installPeerStamp();
    // A missing or unsafe setting (e.g. no EASTWEST_SESSION_SECRET in mode oidc) exits here with a sentence.
    const { loadSettingsOrExit } = await import("./server/startup/settings-check");
    const env = loadSettingsOrExit();
    const { enforceLoopback } = await import("./server/startup/listen-check");
    // Without authentication the console serves loopback only (exits with a sentence otherwise).
    enforceLoopback(env.authMode);
    const { getRuntime } = await import("./server/runtime");
    getRuntime();
    // Event-loop delay and leadership are measured from boot, so "since start" in /api/metrics means it.
    const { processMetrics } = await import("./server/metrics/process-metrics");
    processMetrics();
  }
}
