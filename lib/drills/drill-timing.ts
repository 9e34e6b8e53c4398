// How long each phase of a drill waits, in one place (the machine, the probe Pod and the UI's copy read them).
// All are bounded by the drill's own deadline (startedAt + maxDuration): when it passes, the machine restores
// whatever the phase.

/** The machine asks to be called again this often while a phase waits for the world to change. */
export const TICK_MS = 1000;
/** While the drilled cluster cannot be reached. */
export const UNREACHABLE_RETRY_MS = 5000;
/** The probe sends one request this often: enough samples per second for per-second error rates. */
export const PROBE_INTERVAL_MS = 200;
/** The probe Pod must answer within this (a real cluster may pull the curl image first). */
export const PROBE_START_TIMEOUT_MS = 60_000;
/** The baseline: at least this long and this many requests before the fault. */
export const BASELINE_MS = 5000;
export const BASELINE_MIN_SAMPLES = 5;
/** Below this success rate the service is failing already: a drill would prove nothing, so it stops. */
export const BASELINE_MIN_SUCCESS_RATE = 0.9;
/** The fault (scale to 0, annotate pods) must be in place within this. */
export const INJECT_TIMEOUT_MS = 30_000;
/** Remote serving must be seen within this after the fault, or the drill fails: traffic did not move. */
export const OBSERVE_TIMEOUT_MS = 60_000;
/** After the shift, the fault stays this long so "served by during" measures where traffic settled. */
export const SHIFT_HOLD_MS = 5000;
/** After local serving is seen again, this long is measured as "served by after". */
export const AFTER_HOLD_MS = 3000;
/** Restoring waits this long for readiness and local traffic; after it, the drill ends and says what is missing. */
export const RESTORE_WAIT_MS = 120_000;
