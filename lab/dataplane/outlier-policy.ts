// A DestinationRule's outlierDetection as Envoy ends up applying it. Istio's API defaults fill what the rule leaves
// out: consecutive5xxErrors 5 (0 turns it off), consecutiveGatewayErrors off, interval 10s, baseEjectionTime 30s,
// maxEjectionPercent 10. Port-level settings (`trafficPolicy.portLevelSettings[].port.number`) win over the
// rule-wide policy for their port, as istiod merges them.
//
// The lab applies the defaults even where no rule exists (the choice, so traffic without a rule still
// ejects a failing pod); a real sidecar without a DestinationRule configures no outlier detection at all.
import type { OutlierPolicy } from "./types";

export const ISTIO_DEFAULT_OUTLIER: OutlierPolicy = {
  consecutive5xxErrors: 5,
  consecutiveGatewayErrors: 0,
  intervalMs: 10_000,
  baseEjectionTimeMs: 30_000,
  maxEjectionPercent: 10,
};

const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, µs: 0.001, ns: 0.000001 };

/** A protobuf/Go duration such as "10s", "1m30s", "1.5s", "250ms"; undefined when it is not one. */
export function parseDurationMs(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value * 1000; // seconds, as JSON numbers of a Duration
  if (typeof value !== "string" || value === "") return undefined;
  const re = /(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/y;
  let total = 0;
  let at = 0;
  while (at < value.length) {
    re.lastIndex = at;
    const m = re.exec(value);
    if (!m) return undefined;
    total += Number(m[1]) * (UNIT_MS[m[2] ?? ""] ?? 0);
    at = re.lastIndex;
  }
  return total;
}

/** A uint32 field as it may arrive in JSON (number, or a numeric string for a wrapped value). */
function count(value: unknown): number | undefined {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) && n >= 0 ? n : undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** One `outlierDetection` block over Istio's defaults. */
export function outlierFromSpec(spec: unknown): OutlierPolicy {
  const od = record(spec) ?? {};
  const percent = count(od.maxEjectionPercent);
  return {
    consecutive5xxErrors: count(od.consecutive5xxErrors) ?? ISTIO_DEFAULT_OUTLIER.consecutive5xxErrors,
    consecutiveGatewayErrors: count(od.consecutiveGatewayErrors) ?? ISTIO_DEFAULT_OUTLIER.consecutiveGatewayErrors,
    intervalMs: parseDurationMs(od.interval) || ISTIO_DEFAULT_OUTLIER.intervalMs,
    baseEjectionTimeMs: parseDurationMs(od.baseEjectionTime) || ISTIO_DEFAULT_OUTLIER.baseEjectionTimeMs,
    maxEjectionPercent: percent === undefined ? ISTIO_DEFAULT_OUTLIER.maxEjectionPercent : Math.min(100, percent),
  };
}

/** The outlier policy a DestinationRule's spec gives traffic to `port`. */
export function outlierForPort(drSpec: unknown, port: number): OutlierPolicy {
  const policy = record(record(drSpec)?.trafficPolicy);
  for (const raw of Array.isArray(policy?.portLevelSettings) ? policy.portLevelSettings : []) {
    const setting = record(raw);
    if (count(record(setting?.port)?.number) === port && record(setting?.outlierDetection)) return outlierFromSpec(setting?.outlierDetection);
  }
  return outlierFromSpec(policy?.outlierDetection);
}

/** `trafficPolicy.loadBalancer.localityLbSetting.failoverPriority` (label keys, best match first), or []. */
export function failoverPriorityOf(drSpec: unknown): string[] {
  const lb = record(record(record(record(drSpec)?.trafficPolicy)?.loadBalancer)?.localityLbSetting);
  if (lb?.enabled === false) return [];
  const list = lb?.failoverPriority;
  return Array.isArray(list) ? list.filter((k): k is string => typeof k === "string" && k !== "") : [];
}
