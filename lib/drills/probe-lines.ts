// The probe Pod's log → ProbeSample[]. One JSON line per request (docs/real-cluster-probe.md; the lab writes the
// same line in lab/dataplane/probe-spec.ts):
//   {"ts":"2026-12-05T01:02:03.456Z","status":200,"latencyMs":3.1,"servedByCluster":"east","servedByPod":"…","error":null}
// Read with `timestamps=true`, each line starts with the kubelet's RFC 3339 (nano) time and a space: the time the
// line was written, i.e. when the request finished. `ts` is when the request was SENT (to the second on a real
// cluster, where the script calls `date` before curl), so `at` is the kubelet time when there is one, else
// ts + latency. Lines that are not a whole probe line (a partial last line while following, a shell message, a
// sidecar's start-up noise) are skipped: the log is input from a cluster, never trusted.
import { z } from "zod";
import type { ProbeSample } from "./machine-types";

const nullableText = z.string().nullish().transform((v) => (v === null || v === undefined || v === "" ? undefined : v));

const probeLineSchema = z.object({
  ts: z.string().refine((v) => Number.isFinite(Date.parse(v)), "not a time"),
  status: z.number().int().min(0).max(999),
  latencyMs: z.number().min(0).nullish(),
  servedByCluster: nullableText,
  servedByPod: nullableText,
  error: nullableText,
});

// The kubelet's prefix: RFC 3339 with up to nanoseconds and a zone, then one space.
const KUBELET_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})) (.*)$/;

/** A response is a success when it is a 2xx or 3xx; 0 (no response) and 4xx/5xx are failures, as a caller sees them. */
export function isSuccessStatus(status: number): boolean {
  return status >= 200 && status < 400;
}

/** One log line → a sample; undefined when the line is not a probe line. */
export function parseProbeLine(line: string): ProbeSample | undefined {
  let text = line.trim();
  let kubeletAt: number | undefined;
  const prefixed = KUBELET_TIME.exec(text);
  if (prefixed) {
    kubeletAt = parseRfc3339(prefixed[1] ?? "");
    text = (prefixed[2] ?? "").trim();
  }
  if (!text.startsWith("{") || !text.endsWith("}")) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = probeLineSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const { ts, status, latencyMs, servedByCluster, servedByPod, error } = parsed.data;
  const at = kubeletAt ?? Date.parse(ts) + Math.round(latencyMs ?? 0);
  return {
    at,
    ok: isSuccessStatus(status),
    status,
    ...(latencyMs === null || latencyMs === undefined ? {} : { latencyMs }),
    ...(servedByCluster ? { servedByCluster } : {}),
    ...(servedByPod ? { servedByPod } : {}),
    ...(error ? { error } : {}),
  };
}

/** A whole log (or a chunk of one) → its samples in time order; non-probe lines are skipped. */
export function parseProbeLog(text: string): ProbeSample[] {
  const samples: ProbeSample[] = [];
  for (const line of text.split("\n")) {
    const sample = parseProbeLine(line);
    if (sample) samples.push(sample);
  }
  // Stable: lines written in the same millisecond keep their log order.
  return samples.sort((a, b) => a.at - b.at);
}

/**
 * Date.parse keeps milliseconds only and some engines refuse more than 3 fraction digits: cut the kubelet's
 * nanoseconds to milliseconds first.
 */
function parseRfc3339(text: string): number | undefined {
  const trimmed = text.replace(/(\.\d{3})\d+/, "$1");
  const at = Date.parse(trimmed);
  return Number.isFinite(at) ? at : undefined;
}
