// The lab's kubeconfigs. `kubeconfig`: one context per cluster (context = cluster entry = cluster name, as kind
// names them), servers with insecure-skip-tls-verify (each start has a new CA), one user per
// cluster carrying the lab admin's bearer token (the clusters authenticate it as kubernetes-admin in
// system:masters), current-context = the management cluster. `users.kubeconfig` beside it: the demo's narrower
// users, one context `<user>@<cluster>` each, so `kubectl --kubeconfig .lab/users.kubeconfig --context
// viewer@west` acts as the viewer; they authenticate with bearer tokens or client certificates. The servers answer
// https:// and http:// on one port (apiserver/dual-listener.ts); the kubeconfigs name https:// because kubectl
// sends credentials only over TLS. A lab restarted in place keeps the tokens already written there, so a console
// that loaded the kubeconfig keeps working across the restart.
import { randomBytes } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parse, stringify } from "yaml";
import { z } from "zod";

export interface KubeconfigCluster {
  name: string;
  url: string;
}

/** A demo user's credential: a bearer token, or a client certificate and key (PEM) from the lab's client CA. */
export type KubeconfigUser = { name: string; token: string } | { name: string; certPem: string; keyPem: string };

function userEntry(u: KubeconfigUser): Record<string, unknown> {
  if ("token" in u) return { name: u.name, user: { token: u.token } };
  const data = (pem: string) => Buffer.from(pem).toString("base64");
  return { name: u.name, user: { "client-certificate-data": data(u.certPem), "client-key-data": data(u.keyPem) } };
}

export const USERS_KUBECONFIG_FILE = "users.kubeconfig";
const TOKEN = /^lab-[0-9a-f]{32}$/;

export function newLabToken(): string {
  return `lab-${randomBytes(16).toString("hex")}`;
}

function clusterEntries(clusters: KubeconfigCluster[]): Array<Record<string, unknown>> {
  return clusters.map((c) => ({ name: c.name, cluster: { server: c.url, "insecure-skip-tls-verify": true } }));
}

export function kubeconfigDocument(clusters: KubeconfigCluster[], token = newLabToken()): Record<string, unknown> {
  return {
    apiVersion: "v1",
    kind: "Config",
    preferences: {},
    clusters: clusterEntries(clusters),
    users: clusters.map((c) => ({ name: c.name, user: { token } })),
    contexts: clusters.map((c) => ({ name: c.name, context: { cluster: c.name, user: c.name } })),
    "current-context": clusters[0]?.name ?? "",
  };
}

export function usersKubeconfigDocument(clusters: KubeconfigCluster[], users: KubeconfigUser[]): Record<string, unknown> {
  const contexts = users.flatMap((u) => clusters.map((c) => ({ name: `${u.name}@${c.name}`, context: { cluster: c.name, user: u.name } })));
  return {
    apiVersion: "v1",
    kind: "Config",
    preferences: {},
    clusters: clusterEntries(clusters),
    users: users.map(userEntry),
    contexts,
    "current-context": contexts[0]?.name ?? "",
  };
}

/** `users.kubeconfig` in the kubeconfig's directory. */
export function usersKubeconfigPath(kubeconfigPath: string): string {
  return join(dirname(kubeconfigPath), USERS_KUBECONFIG_FILE);
}

const kubeconfigUsers = z.object({ users: z.array(z.object({ name: z.string(), user: z.object({ token: z.string().regex(TOKEN).optional() }) })) });

/** The lab tokens of a kubeconfig the lab wrote before, by user name ({} when there is none or it is not the lab's). */
export async function readLabTokens(path: string): Promise<Record<string, string>> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return {};
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return {};
  }
  const parsed = kubeconfigUsers.safeParse(doc);
  if (!parsed.success) return {};
  return Object.fromEntries(parsed.data.users.flatMap((u) => (u.user.token ? [[u.name, u.user.token]] : [])));
}

async function writeDocument(path: string, doc: Record<string, unknown>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, stringify(doc), { mode: 0o600 });
  await chmod(path, 0o600);
}

/** Writes the kubeconfig (parent directories created, mode 0600 even when the file already existed). */
export async function writeKubeconfig(path: string, clusters: KubeconfigCluster[], token?: string): Promise<void> {
  await writeDocument(path, kubeconfigDocument(clusters, token));
}

/** Writes the demo users' kubeconfig, mode 0600 like the admin's. */
export async function writeUsersKubeconfig(path: string, clusters: KubeconfigCluster[], users: KubeconfigUser[]): Promise<void> {
  await writeDocument(path, usersKubeconfigDocument(clusters, users));
}
