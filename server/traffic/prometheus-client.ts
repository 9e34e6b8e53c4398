// A minimal Prometheus HTTP API client: one instant query (GET /api/v1/query), over fetch, with a deadline and a
// cap on the answer's size, the answer read with zod. Every outcome is a value: a Prometheus that does not answer,
// answers an error, or answers something that is not Prometheus says so in a sentence, never by throwing.
import { promQueryResponseSchema, samplesOf, type PromSample } from "@/lib/traffic/prometheus-response";

export type QueryOptions = {
  /** Abort after this long (the traffic view must not hang a page on a dead Prometheus). */
  timeoutMs: number;
  /** Refuse an answer larger than this many bytes (a runaway label cardinality must not fill the heap). */
  maxBytes: number;
  fetch?: typeof fetch;
};

export type QueryResult = { ok: true; samples: PromSample[]; ms: number } | { ok: false; message: string };

/**
 * The base URL without credentials (fetch refuses a URL that carries them) and the Authorization header they make:
 * `http://user:pass@prometheus:9090` is a common way to write a Prometheus behind basic auth.
 */
export function endpointOf(baseUrl: string): { url: URL; headers: Record<string, string> } {
  const url = new URL(`${baseUrl.replace(/\/+$/, "")}/api/v1/query`);
  const headers: Record<string, string> = { Accept: "application/json" };
  if (url.username || url.password) {
    const user = decodeURIComponent(url.username);
    const pass = decodeURIComponent(url.password);
    headers.Authorization = `Basic ${Buffer.from(`${user}:${pass}`).toString("base64")}`;
    url.username = "";
    url.password = "";
  }
  return { url, headers };
}

/** The body as text, or an error once it passes `maxBytes` (read as a stream: the cap holds without Content-Length). */
async function boundedText(res: Response, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new Error(`its answer is ${declared} bytes, over the ${maxBytes}-byte limit`);
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error(`its answer is over the ${maxBytes}-byte limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const reasonOf = (error: unknown): string => {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError")) return "no answer in time";
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
};

/** Runs `promql` as an instant query; the vector's finite samples, or why there are none. */
export async function queryVector(baseUrl: string, promql: string, options: QueryOptions): Promise<QueryResult> {
  const started = performance.now();
  const { url, headers } = endpointOf(baseUrl);
  url.searchParams.set("query", promql);
  const signal = AbortSignal.timeout(options.timeoutMs);
  let text: string;
  let status: number;
  try {
    const res = await (options.fetch ?? fetch)(url, { headers, signal, redirect: "error" });
    status = res.status;
    text = await boundedText(res, options.maxBytes);
  } catch (error) {
    return { ok: false, message: reasonOf(error) };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: `it answered HTTP ${status} with something that is not JSON` };
  }
  const parsed = promQueryResponseSchema.safeParse(json);
  if (!parsed.success) return { ok: false, message: `it answered HTTP ${status} with something that is not a Prometheus query result` };
  if (parsed.data.status === "error") return { ok: false, message: `it refused the query: ${parsed.data.error ?? parsed.data.errorType ?? `HTTP ${status}`}` };
  return { ok: true, samples: samplesOf(parsed.data.data.result), ms: performance.now() - started };
}
