import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { stringify } from "yaml";

export const CANARY_TOKEN = "canary-token-9f3b2e7d-do-not-leak";
export const CANARY_PASSWORD = "canary-password-71c4";
export const CANARY_KEY_DATA = Buffer.from("canary-client-key-5d0a").toString("base64");

export type FixtureCluster = { name: string; server: string; token?: string };

/** Writes a kubeconfig with one context per cluster (context = cluster = user name). */
export async function writeKubeconfig(clusters: FixtureCluster[], dir?: string): Promise<string> {
  const root = dir ?? (await mkdtemp(path.join(os.tmpdir(), "eastwest-kc-")));
  const file = path.join(root, "kubeconfig");
  const doc = {
    apiVersion: "v1",
    kind: "Config",
    "current-context": clusters[0]?.name ?? "",
    clusters: clusters.map((c) => ({ name: c.name, cluster: { server: c.server, "insecure-skip-tls-verify": true } })),
    users: clusters.map((c) => ({
      name: c.name,
      user: { token: c.token ?? `${CANARY_TOKEN}-${c.name}`, password: CANARY_PASSWORD, "client-key-data": CANARY_KEY_DATA },
    })),
    contexts: clusters.map((c) => ({ name: c.name, context: { cluster: c.name, user: c.name } })),
  };
  await writeFile(file, stringify(doc));
  return file;
}
