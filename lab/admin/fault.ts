// Validation of the admin endpoint's fault body: {mode, latencyMs?} with the modes the API servers implement.
export type FaultMode = "none" | "refuse" | "hang" | "unauthorized";
export interface Fault {
  mode: FaultMode;
  latencyMs?: number;
}

const MODES: readonly FaultMode[] = ["none", "refuse", "hang", "unauthorized"];
const MAX_LATENCY_MS = 600_000;

export type ParsedFault = { ok: true; fault: Fault } | { ok: false; message: string };

export function parseFault(body: string): ParsedFault {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, message: "the body must be JSON such as {\"mode\": \"refuse\"}" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return { ok: false, message: "the body must be a JSON object {mode, latencyMs?}" };
  const { mode, latencyMs, ...rest } = value as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) return { ok: false, message: `unknown field(s): ${unknown.join(", ")}; allowed: mode, latencyMs` };
  if (typeof mode !== "string" || !MODES.includes(mode as FaultMode)) {
    return { ok: false, message: `mode must be one of ${MODES.join(", ")} (got ${JSON.stringify(mode) ?? "nothing"})` };
  }
  if (latencyMs !== undefined && (typeof latencyMs !== "number" || !Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > MAX_LATENCY_MS)) {
    return { ok: false, message: `latencyMs must be an integer from 0 to ${MAX_LATENCY_MS} (got ${JSON.stringify(latencyMs)})` };
  }
  return { ok: true, fault: { mode: mode as FaultMode, ...(latencyMs !== undefined ? { latencyMs } : {}) } };
}

export type PodFaultMode = "none" | "fail" | "stop";
const POD_MODES: readonly PodFaultMode[] = ["none", "fail", "stop"];

export type ParsedPodFault = { ok: true; mode: PodFaultMode } | { ok: false; message: string };

/** `{mode: "fail" | "stop" | "none"}` for POST /clusters/<name>/pods/<namespace>/<pod>/fault. */
export function parsePodFault(body: string): ParsedPodFault {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, message: "the body must be JSON such as {\"mode\": \"fail\"}" };
  }
  const mode = typeof value === "object" && value !== null ? (value as Record<string, unknown>).mode : undefined;
  if (typeof mode !== "string" || !POD_MODES.includes(mode as PodFaultMode)) {
    return { ok: false, message: `mode must be one of ${POD_MODES.join(", ")} (got ${JSON.stringify(mode) ?? "nothing"})` };
  }
  return { ok: true, mode: mode as PodFaultMode };
}
