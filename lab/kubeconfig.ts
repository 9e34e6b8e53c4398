// The lab's kubeconfig: one context per cluster (context = cluster entry = cluster name, as kind names them),
// plain-HTTP servers with insecure-skip-tls-verify (client-node needs it for http://), one user per cluster with a
// random lab token (not a secret: the lab's servers do not check it), current-context = the management cluster.
import { randomBytes } from "node:crypto";
import { chmod, mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { stringify } from "yaml";

export interface KubeconfigCluster {
  name: string;
  url: string;
}

export function kubeconfigDocument(clusters: KubeconfigCluster[], token = `lab-${randomBytes(16).toString("hex")}`): Record<string, unknown> {
  return {
    apiVersion: "v1",
    kind: "Config",
    preferences: {},
    clusters: clusters.map((c) => ({ name: c.name, cluster: { server: c.url, "insecure-skip-tls-verify": true } })),
    users: clusters.map((c) => ({ name: c.name, user: { token } })),
    contexts: clusters.map((c) => ({ name: c.name, context: { cluster: c.name, user: c.name } })),
    "current-context": clusters[0]?.name ?? "",
  };
}

/** Writes the kubeconfig (parent directories created, mode 0600 even when the file already existed). */
export async function writeKubeconfig(path: string, clusters: KubeconfigCluster[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, stringify(kubeconfigDocument(clusters)), { mode: 0o600 });
  await chmod(path, 0o600);
}
