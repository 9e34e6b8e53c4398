// Never part of a browser bundle: it holds credentials or process state (the "server-only" package fails the
// build if a client component imports this module, and throws outside a react-server/Next server runtime).
import "server-only";
import path from "node:path";
import { KubeConfig, type Cluster, type Context, type User } from "@kubernetes/client-node";
import type { ConfigError } from "@/lib/fleet-schema";
import { invalidKubeconfig, readKubeconfigFiles, type KubeconfigFile } from "./kubeconfig-files";

/**
 * One cluster of the fleet, as a kubeconfig context. `kubeConfig` holds credentials and is
 * never serialised: it stays in the server and is only handed to client-node.
 */
export type ClusterHandle = {
  name: string;
  server: string;
  kubeConfig: KubeConfig | null;
  /** Why the context cannot be used at all (then kubeConfig is null). */
  problem?: string;
};

export type KubeconfigLoad =
  /** `excluded`: contexts the kubeconfig defines but EASTWEST_CONTEXTS leaves out (so a request can say so). */
  | { ok: true; sources: string[]; fingerprint: string; clusters: ClusterHandle[]; excluded?: string[] }
  | { ok: false; fingerprint: string; error: ConfigError };

type Merged = { clusters: Map<string, Cluster>; users: Map<string, User>; contexts: Context[] };

/** Loads and merges the kubeconfig files and splits them into one KubeConfig per context. */
export async function loadKubeconfig(paths: string[], allowList: string[]): Promise<KubeconfigLoad> {
  const read = await readKubeconfigFiles(paths);
  if (!read.ok) return read;
  const merged: Merged = { clusters: new Map(), users: new Map(), contexts: [] };
  for (const file of read.files) {
    const error = mergeFile(merged, file);
    if (error) return { ok: false, fingerprint: read.fingerprint, error };
  }
  const clusters = selectContexts(merged, allowList).map((name) => toHandle(merged, name));
  const excluded = allowList.length === 0 ? [] : merged.contexts.map((c) => c.name).filter((name) => !allowList.includes(name));
  return { ok: true, sources: read.files.map((f) => f.path), fingerprint: read.fingerprint, clusters, excluded };
}

/** kubectl's merge rule: the first file that defines a name wins. */
function mergeFile(merged: Merged, file: KubeconfigFile): ConfigError | undefined {
  const kc = new KubeConfig();
  try {
    kc.loadFromString(file.text);
    // Certificate and token files are relative to the kubeconfig that names them.
    kc.makePathsAbsolute(path.dirname(file.path));
  } catch (err) {
    // Never quote the parser's message: YAML errors include a snippet of the file.
    const line = (err as { mark?: { line?: unknown } }).mark?.line;
    return invalidKubeconfig(file.path, typeof line === "number" ? `YAML error near line ${line + 1}` : "not a kubeconfig");
  }
  for (const c of kc.clusters) if (!merged.clusters.has(c.name)) merged.clusters.set(c.name, c);
  for (const u of kc.users) if (!merged.users.has(u.name)) merged.users.set(u.name, u);
  for (const ctx of kc.contexts) if (!merged.contexts.some((m) => m.name === ctx.name)) merged.contexts.push(ctx);
  return undefined;
}

function selectContexts(merged: Merged, allowList: string[]): string[] {
  const names = merged.contexts.map((c) => c.name);
  return allowList.length === 0 ? names : allowList;
}

function toHandle(merged: Merged, name: string): ClusterHandle {
  const context = merged.contexts.find((c) => c.name === name);
  if (!context) return broken(name, "", `Context ${name} is listed in EASTWEST_CONTEXTS but not defined in the kubeconfig.`);
  const cluster = merged.clusters.get(context.cluster);
  if (!cluster) return broken(name, "", `Context ${name} refers to cluster ${context.cluster}, which the kubeconfig does not define.`);
  // A context naming an undefined user talks anonymously, as kubectl does.
  const user = merged.users.get(context.user) ?? { name: context.user };
  // One KubeConfig per context: client-node reads credentials from the *current* context at
  // request time, so sharing one config and switching contexts would send one cluster's
  // token to another.
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({ clusters: [cluster], users: [user], contexts: [context], currentContext: name });
  return { name, server: displayServer(cluster.server), kubeConfig };
}

function broken(name: string, server: string, problem: string): ClusterHandle {
  return { name, server, kubeConfig: null, problem };
}

/** The server URL without userinfo, which could hold a password. */
export function displayServer(server: string): string {
  try {
    const url = new URL(server);
    url.username = "";
    url.password = "";
    return url.toString().replace(/\/$/, "");
  } catch {
    return "(invalid server URL)";
  }
}

/**
 * Inside a pod without a kubeconfig: the service account's token and CA, and the API
 * server from KUBERNETES_SERVICE_HOST/PORT (client-node reads the token file per request,
 * so rotated tokens are picked up).
 */
export function loadInCluster(): KubeconfigLoad {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromCluster();
  const server = kubeConfig.getCurrentCluster()?.server ?? "";
  const handle: ClusterHandle = { name: "in-cluster", server: displayServer(server), kubeConfig };
  return { ok: true, sources: ["in-cluster service account"], fingerprint: `in-cluster:${server}`, clusters: [handle] };
}
