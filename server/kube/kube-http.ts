import { HttpMethod, IsomorphicFetchHttpLibrary, RequestContext, type KubeConfig } from "@kubernetes/client-node";

/** An HTTP error answer from the API server; `code` is the status, as client-node's ApiException has it. */
export class KubeHttpError extends Error {
  readonly code: number;
  /** The Status object's `reason` (e.g. "Expired", "NotFound"), when the body had one. */
  readonly statusReason: string | undefined;

  constructor(code: number, statusReason: string | undefined) {
    super(`HTTP ${code}${statusReason ? ` ${statusReason}` : ""}`);
    this.name = "KubeHttpError";
    this.code = code;
    this.statusReason = statusReason;
  }
}

/**
 * Recognised by shape, never `instanceof`: Next loads server modules once per module graph (instrumentation,
 * each route), and an error made in one graph is not an instance of another graph's class.
 */
export function isKubeHttpError(err: unknown): err is KubeHttpError {
  return err instanceof Error && err.name === "KubeHttpError" && typeof (err as { code?: unknown }).code === "number";
}

const transport = new IsomorphicFetchHttpLibrary();

/**
 * GET a JSON document from the cluster of `kc` (its only context) through client-node's own HTTP
 * layer — the request context, authentication (tokens, client certificates, exec plugins, CA) and
 * fetch transport that every generated client-node API uses. We build the request ourselves rather
 * than call a generated API because those deserialize into classes (dates become Date objects), while
 * the fleet cache keeps the server's JSON as is; and we set an AbortSignal on the request context so a
 * hung server can be cut off at any moment.
 */
export async function kubeGetJson(kc: KubeConfig, path: string, query: Record<string, string>, signal: AbortSignal): Promise<unknown> {
  const server = kc.getCurrentCluster()?.server;
  if (!server) throw new Error("kubeconfig context without a cluster");
  const url = new URL(server.replace(/\/+$/, "") + path);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  const context = new RequestContext(url.toString(), HttpMethod.GET);
  context.setHeaderParam("Accept", "application/json");
  await kc.applySecurityAuthentication(context);
  signal.throwIfAborted();
  context.setSignal(signal);
  const response = await transport.send(context).toPromise();
  const body = await response.body.text();
  if (response.httpStatusCode >= 200 && response.httpStatusCode < 300) return JSON.parse(body) as unknown;
  throw new KubeHttpError(response.httpStatusCode, statusReason(body));
}

export function statusReason(body: unknown): string | undefined {
  try {
    const parsed = (typeof body === "string" ? JSON.parse(body) : body) as { reason?: unknown } | null;
    return typeof parsed?.reason === "string" ? parsed.reason : undefined;
  } catch {
    return undefined;
  }
}
