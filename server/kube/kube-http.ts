import { HttpMethod, IsomorphicFetchHttpLibrary, type KubeConfig } from "@kubernetes/client-node";
import { HeaderLinesContext } from "./header-lines";
import { keepAliveAgent } from "./kube-agent";
import { impersonationHeaders, type Impersonation } from "./impersonation";
import { parseStatus, type KubeStatus } from "./kube-status";

/** An HTTP error answer from the API server; `code` is the status, as client-node's ApiException has it. */
export class KubeHttpError extends Error {
  readonly code: number;
  /** The answer's Status object (reason, message, details), `{}` when the body was not one. */
  readonly status: KubeStatus;

  constructor(code: number, status: KubeStatus) {
    super(`HTTP ${code}${status.reason ? ` ${status.reason}` : ""}`);
    this.name = "KubeHttpError";
    this.code = code;
    this.status = status;
  }
}

/**
 * Recognised by shape, never `instanceof`: Next loads server modules once per module graph (instrumentation,
 * each route), and an error made in one graph is not an instance of another graph's class.
 */
export function isKubeHttpError(err: unknown): err is KubeHttpError {
  return err instanceof Error && err.name === "KubeHttpError" && typeof (err as { code?: unknown }).code === "number";
}

export type KubeRequest = {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  query?: Record<string, string>;
  /** Sent as JSON text with `contentType` (application/json unless said otherwise). */
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  /** Act as this person (impersonation.ts): the cluster's RBAC decides for them, not for the console. */
  impersonate?: Impersonation;
};

const transport = new IsomorphicFetchHttpLibrary();

/**
 * One request to the cluster of `kc` (its only context) through client-node's own HTTP layer — the request
 * context, authentication (tokens, client certificates, exec plugins, CA) and fetch transport every generated
 * client-node API uses. We build the request ourselves rather than call a generated API because those resolve
 * a kind's path by API discovery (a GET per kind per client) and deserialize into classes (dates become Date
 * objects), while the console knows its paths (kinds.ts) and keeps the server's JSON as is. Impersonation
 * headers go on separate lines (header-lines.ts), one per group. `signal` cuts the
 * request off at any moment. Error answers throw KubeHttpError with the parsed Status.
 */
export async function kubeRequest(kc: KubeConfig, request: KubeRequest, signal: AbortSignal): Promise<unknown> {
  const body = await kubeRequestText(kc, request, signal);
  return body === "" ? undefined : (JSON.parse(body) as unknown);
}

/** kubeRequest, answering the body as text (a container log is text/plain); an error answer throws as there. */
export async function kubeRequestText(kc: KubeConfig, request: KubeRequest, signal: AbortSignal): Promise<string> {
  const server = kc.getCurrentCluster()?.server;
  if (!server) throw new Error("kubeconfig context without a cluster");
  const url = new URL(server.replace(/\/+$/, "") + request.path);
  for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
  const context = new HeaderLinesContext(url.toString(), HttpMethod[request.method]);
  context.setHeaderParam("Accept", "application/json");
  for (const [key, value] of Object.entries(request.headers ?? {})) context.setHeaderParam(key, value);
  if (request.impersonate) for (const [name, value] of impersonationHeaders(request.impersonate)) context.addHeaderLine(name, value);
  if (request.body !== undefined) {
    context.setHeaderParam("Content-Type", request.contentType ?? "application/json");
    context.setBody(JSON.stringify(request.body));
  }
  await kc.applySecurityAuthentication(context);
  const agent = keepAliveAgent(kc, context.getAgent());
  if (agent) context.setAgent(agent);
  signal.throwIfAborted();
  context.setSignal(signal);
  const response = await transport.send(context).toPromise();
  const body = await response.body.text();
  if (response.httpStatusCode >= 200 && response.httpStatusCode < 300) return body;
  throw new KubeHttpError(response.httpStatusCode, parseStatus(body));
}

/** GET a JSON document (a list page, a discovery document). */
export function kubeGetJson(kc: KubeConfig, path: string, query: Record<string, string>, signal: AbortSignal, impersonate?: Impersonation): Promise<unknown> {
  return kubeRequest(kc, { method: "GET", path, query, ...(impersonate ? { impersonate } : {}) }, signal);
}
