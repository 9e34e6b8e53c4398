// Validation of the data plane's admin bodies (zod): a request from inside a cluster and the traffic faults of
// lab/dataplane/types.ts. Every message names the field at fault, so a script's author sees what to fix.
import { z } from "zod";
import type { GatewayTrafficFault, PodTrafficFault } from "../dataplane/types";

/** Requests per admin call: they run one after another, so this bounds how long one call can take. */
export const MAX_REQUEST_COUNT = 1000;
const MAX_LATENCY_MS = 600_000;
// A Kubernetes namespace or Deployment name (RFC 1123 label): it becomes a metric label and an outlier state key.
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

const label = z.string({ error: "must be a string" }).regex(DNS_LABEL, 'must be an RFC 1123 label such as "sleep"');
const latencyMs = z.number().int().min(0).max(MAX_LATENCY_MS);

const requestBody = z.strictObject({
  url: z.string().refine((url) => URL.canParse(url) && new URL(url).protocol === "http:", "must be an http:// URL such as http://details.bookinfo:9080/"),
  namespace: label,
  count: z.number().int().min(1).max(MAX_REQUEST_COUNT).default(1),
  workload: label.optional(),
});
export type RequestBody = z.infer<typeof requestBody>;

const podFault = z.discriminatedUnion(
  "mode",
  [
    z.strictObject({ mode: z.literal("none") }),
    z.strictObject({ mode: z.literal("error"), status: z.number().int().min(500).max(599).optional() }),
    z.strictObject({ mode: z.literal("refuse") }),
    z.strictObject({ mode: z.literal("latency"), latencyMs }),
  ],
  { error: "must be one of none, error, refuse, latency" },
);

const gatewayFault = z.discriminatedUnion(
  "mode",
  [z.strictObject({ mode: z.literal("none") }), z.strictObject({ mode: z.literal("stop") }), z.strictObject({ mode: z.literal("latency"), latencyMs })],
  { error: "must be one of none, stop, latency" },
);

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function parseWith<T>(schema: z.ZodType<T>, body: string, example: string): Parsed<T> {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, message: `the body must be JSON such as ${example}` };
  }
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  if (!issue) return { ok: false, message: "invalid body" };
  if (issue.code === "unrecognized_keys") return { ok: false, message: `unknown field(s): ${issue.keys.join(", ")}` };
  const field = issue.path.join(".");
  return { ok: false, message: field === "" ? `the body must be a JSON object such as ${example}` : `${field}: ${issue.message}` };
}

export const parseRequestBody = (body: string): Parsed<RequestBody> =>
  parseWith(requestBody, body, '{"url": "http://details.bookinfo:9080/", "namespace": "sleep", "count": 1}');

export const parsePodTrafficFault = (body: string): Parsed<PodTrafficFault> => parseWith(podFault, body, '{"mode": "error", "status": 503}');

export const parseGatewayFault = (body: string): Parsed<GatewayTrafficFault> => parseWith(gatewayFault, body, '{"mode": "stop"}');
