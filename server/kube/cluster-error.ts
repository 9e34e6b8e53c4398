import type { ClusterErrorReason, ClusterErrorView } from "@/lib/fleet-schema";
import { httpStatusOf, systemCode } from "./kube-status";

/**
 * One error type for everything that can go wrong talking to a cluster. It knows the
 * cluster and a coarse reason, and carries a sentence a person can act on. It never
 * copies a transport error's message, which may quote request details. Recognised by its
 * tag (isClusterError), never `instanceof`: Next's module graphs each load their own class.
 */
export class ClusterError extends Error {
  readonly tag = "eastwest.ClusterError";
  readonly cluster: string;
  readonly reason: ClusterErrorReason;
  readonly status: number | undefined;

  constructor(cluster: string, reason: ClusterErrorReason, message: string, status?: number) {
    super(message);
    this.name = "ClusterError";
    this.cluster = cluster;
    this.reason = reason;
    this.status = status;
  }

  toView(): ClusterErrorView {
    return { reason: this.reason, message: this.message };
  }
}

const TLS_CODES = new Set([
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "ERR_SSL_WRONG_VERSION_NUMBER",
  "EPROTO",
]);
const REFUSED_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EHOSTUNREACH", "ENETUNREACH", "EPIPE"]);
const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN"]);
const TIMEOUT_CODES = new Set(["ETIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT"]);

export function isClusterError(err: unknown): err is ClusterError {
  return typeof err === "object" && err !== null && (err as { tag?: unknown }).tag === "eastwest.ClusterError" && typeof (err as { toView?: unknown }).toView === "function";
}

/** Maps anything a client-node call can throw to a ClusterError for `cluster`. */
export function toClusterError(cluster: string, err: unknown, timeoutMs?: number): ClusterError {
  if (isClusterError(err)) return err;
  const status = httpStatusOf(err);
  if (status !== undefined) return fromStatus(cluster, status);
  const code = systemCode(err);
  const says = (reason: ClusterErrorReason, text: string) => new ClusterError(cluster, reason, text);
  if (isAbort(err) || (code !== undefined && TIMEOUT_CODES.has(code))) {
    const limit = timeoutMs === undefined ? "" : ` within ${timeoutMs / 1000} s`;
    return says("timeout", `The API server of ${cluster} did not answer${limit}; it may be overloaded or cut off.`);
  }
  if (code !== undefined && REFUSED_CODES.has(code)) {
    return says("refused", `The API server of ${cluster} refused the connection (${code}); it is down or unreachable.`);
  }
  if (code !== undefined && DNS_CODES.has(code)) {
    return says("dns", `The API server host of ${cluster} could not be resolved (${code}); check the server URL in the kubeconfig.`);
  }
  if (code !== undefined && TLS_CODES.has(code)) {
    return says("tls", `The TLS handshake with ${cluster} failed (${code}); check the cluster's certificate authority in the kubeconfig.`);
  }
  const what = code ?? (err instanceof Error ? err.name : typeof err);
  return says("unknown", `Talking to ${cluster} failed unexpectedly (${what}).`);
}

function fromStatus(cluster: string, status: number): ClusterError {
  if (status === 401) {
    return new ClusterError(cluster, "unauthorized", `${cluster} rejected the kubeconfig credentials (401 Unauthorized); they may have expired.`, status);
  }
  if (status === 403) {
    return new ClusterError(cluster, "forbidden", `${cluster} denied access (403 Forbidden); the kubeconfig user lacks permission.`, status);
  }
  return new ClusterError(cluster, "unknown", `${cluster} answered with HTTP ${status}.`, status);
}

function isAbort(err: unknown): boolean {
  return err instanceof Error && (err.name === "AbortError" || err.name === "TimeoutError");
}
