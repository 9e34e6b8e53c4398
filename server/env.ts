// Never part of a browser bundle: it holds credentials or process state (the "server-only" package fails the
// build if a client component imports this module, and throws outside a react-server/Next server runtime).
import "server-only";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import type { AuthMode } from "./auth/identity";
import { parseAuthSettings, type AuthSettings } from "./auth/settings";

/**
 * Server configuration, parsed once with zod from process.env.
 *
 * KUBECONFIG follows kubectl: a list of paths joined by the OS path delimiter (":" here),
 * merged in order; unset means ~/.kube/config.
 */

const list = (value: string | undefined, separator: string) =>
  (value ?? "")
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);

const positiveMs = (fallback: number) =>
  z.coerce.number().int().positive().max(600_000).default(fallback);

const rawEnvSchema = z.object({
  KUBECONFIG: z.string().optional(),
  EASTWEST_CONTEXTS: z.string().optional(),
  EASTWEST_MANAGEMENT_CLUSTER: z.string().trim().min(1).optional(),
  EASTWEST_PROBE_INTERVAL_MS: positiveMs(5_000),
  EASTWEST_PROBE_TIMEOUT_MS: positiveMs(3_000),
  EASTWEST_LIST_TIMEOUT_MS: positiveMs(10_000),
  EASTWEST_WATCH_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(3600).default(300),
  EASTWEST_BACKOFF_INITIAL_MS: positiveMs(500),
  EASTWEST_BACKOFF_MAX_MS: positiveMs(10_000),
  EASTWEST_FLUSH_INTERVAL_MS: positiveMs(100),
  KUBERNETES_SERVICE_HOST: z.string().optional(),
  // Observe unless told otherwise: a console pointed at an ordinary kubeconfig must not start writing Istio
  // objects into every context. `npm run demo` sets standalone for the lab.
  EASTWEST_REGISTRY_MODE: z.enum(["standalone", "observe"]).default("observe"),
  // EASTWEST_AUTH_MODE and what each mode needs are parsed by server/auth/settings.ts.
  // Reads as the signed-in person too (Impersonate-User on list/watch/get), not only writes.
  EASTWEST_IMPERSONATE_READS: z.stringbool().default(false),
  // Host header values the console answers (DNS-rebinding defence); loopback names by default.
  EASTWEST_ALLOWED_HOSTS: z.string().optional(),
  // Gateway addresses on loopback are meaningless between real clusters; the embedded lab publishes them.
  EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES: z.stringbool().default(false),
  // Prometheus with Istio's standard metrics (istio_requests_total): where traffic and "served by" come from.
  EASTWEST_PROMETHEUS_URL: z.url({ protocol: /^https?$/, error: "EASTWEST_PROMETHEUS_URL must be an http(s) URL" }).optional(),
});

/** Loopback names a browser on this machine uses; any port. */
export const DEFAULT_ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

export type ServerEnv = {
  kubeconfigPaths: string[];
  /** Context names to show; empty means every context of the kubeconfig. */
  contexts: string[];
  /** Undefined means "the first context shown". */
  managementCluster: string | undefined;
  probeIntervalMs: number;
  probeTimeoutMs: number;
  /** Per list page and per watch connect: a hung API server is noticed within this. */
  listTimeoutMs: number;
  /** Asked of the API server per watch; the informer then resumes from its resourceVersion. */
  watchTimeoutSeconds: number;
  backoff: { initialMs: number; maxMs: number };
  /** Changes within this window reach snapshots and browsers together. */
  flushIntervalMs: number;
  /**
   * Running in a pod without KUBECONFIG: use the pod's service account (one cluster,
   * named "in-cluster") as client-go's InClusterConfig does.
   */
  inCluster: boolean;
  /** `standalone`: the registry writes; `observe`: a Tetrate control plane writes and the console only compares. */
  registryMode: "standalone" | "observe";
  /** none: loopback only, the console's own credentials; proxy/oidc: see auth. */
  authMode: AuthMode;
  /** Everything authentication needs (secrets wrapped so they never print). */
  auth: AuthSettings;
  /** Impersonate the person on reads as well as writes (EASTWEST_IMPERSONATE_READS). */
  impersonateReads: boolean;
  /** Host header values served: `name` (any port) or `name:port`, lower case. */
  allowedHosts: string[];
  /** Accept 127.0.0.0/8 and ::1 as east-west gateway addresses (the embedded lab only). */
  allowLoopbackGatewayAddresses: boolean;
  /** Prometheus's base URL, when configured (no trailing slash); undefined: traffic is not shown. */
  prometheusUrl: string | undefined;
};

export function parseEnv(raw: Record<string, string | undefined>, homeDir: string): ServerEnv {
  const parsed = rawEnvSchema.safeParse(raw);
  // Fail fast with a sentence naming the variable, not a JSON dump.
  if (!parsed.success) throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  const env = parsed.data;
  const auth = parseAuthSettings(raw, (file) => readFileSync(file, "utf8"));
  if (!auth.ok) throw new Error(`Invalid environment:\n${auth.message}`);
  const paths = list(env.KUBECONFIG, path.delimiter).map((p) => expandHome(p, homeDir));
  return {
    kubeconfigPaths: paths.length > 0 ? paths : [path.join(homeDir, ".kube", "config")],
    contexts: list(env.EASTWEST_CONTEXTS, ","),
    managementCluster: env.EASTWEST_MANAGEMENT_CLUSTER,
    probeIntervalMs: env.EASTWEST_PROBE_INTERVAL_MS,
    probeTimeoutMs: env.EASTWEST_PROBE_TIMEOUT_MS,
    listTimeoutMs: env.EASTWEST_LIST_TIMEOUT_MS,
    watchTimeoutSeconds: env.EASTWEST_WATCH_TIMEOUT_SECONDS,
    backoff: { initialMs: env.EASTWEST_BACKOFF_INITIAL_MS, maxMs: env.EASTWEST_BACKOFF_MAX_MS },
    flushIntervalMs: env.EASTWEST_FLUSH_INTERVAL_MS,
    inCluster: !env.KUBECONFIG && Boolean(env.KUBERNETES_SERVICE_HOST),
    registryMode: env.EASTWEST_REGISTRY_MODE,
    authMode: auth.settings.mode,
    auth: auth.settings,
    impersonateReads: env.EASTWEST_IMPERSONATE_READS,
    allowedHosts: env.EASTWEST_ALLOWED_HOSTS === undefined ? DEFAULT_ALLOWED_HOSTS : list(env.EASTWEST_ALLOWED_HOSTS.toLowerCase(), ","),
    allowLoopbackGatewayAddresses: env.EASTWEST_ALLOW_LOOPBACK_GATEWAY_ADDRESSES,
    prometheusUrl: env.EASTWEST_PROMETHEUS_URL?.replace(/\/+$/, ""),
  };
}

function expandHome(p: string, homeDir: string): string {
  if (p === "~") return homeDir;
  return p.startsWith("~/") ? path.join(homeDir, p.slice(2)) : path.resolve(p);
}

let cached: ServerEnv | undefined;

/** The process's configuration, parsed on first use and then fixed. */
export function serverEnv(): ServerEnv {
  cached ??= parseEnv(process.env, os.homedir());
  return cached;
}
