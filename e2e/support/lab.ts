import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parse } from "yaml";

export const ADMIN_PORT = 17490;
export const LAB_KUBECONFIG = ".lab/e2e/kubeconfig";
export const LAB_CLUSTERS = ["west", "east", "north"] as const;

/** The workspace project's own lab: the demo scenario (no gateways yet), so its writes touch no other spec. */
export const DEMO_ADMIN_PORT = 17491;
export const DEMO_LAB_KUBECONFIG = ".lab/e2e-workspace/kubeconfig";

/** A lab as the specs reach it: its admin port, and its kubeconfig (the admin token is written beside it). */
export type LabRef = { adminPort: number; kubeconfig: string };
export const FLEET_LAB: LabRef = { adminPort: ADMIN_PORT, kubeconfig: LAB_KUBECONFIG };
export const DEMO_LAB: LabRef = { adminPort: DEMO_ADMIN_PORT, kubeconfig: DEMO_LAB_KUBECONFIG };

type Fault = { mode: "none" | "refuse" | "hang" | "unauthorized"; latencyMs?: number };

/** The lab's admin token: `admin-token` beside its kubeconfig, rewritten at every lab start (so read per call). */
async function adminToken(lab: LabRef): Promise<string> {
  return (await readFile(join(dirname(lab.kubeconfig), "admin-token"), "utf8")).trim();
}

/** Injects a fault through the lab's admin endpoint (never through the Kubernetes API). */
export async function setFault(cluster: string, fault: Fault, lab: LabRef = FLEET_LAB): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${lab.adminPort}/clusters/${cluster}/fault`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${await adminToken(lab)}` },
    body: JSON.stringify(fault),
  });
  if (!res.ok) throw new Error(`lab admin answered ${res.status} to a ${fault.mode} fault on ${cluster}`);
}

/** One request's outcome as the lab's data plane reports it (lab/dataplane/types.ts RequestResult). */
export type RequestResult = { status: number; servedByCluster: string | null; servedByPod: string | null; error: string | null; responseFlags: string };

/** Sends `count` requests from inside `cluster` (through its mesh client, as a sidecar in `namespace` would). */
export async function requestFrom(cluster: string, url: string, options: { namespace: string; count?: number }, lab: LabRef = FLEET_LAB): Promise<RequestResult[]> {
  const res = await fetch(`http://127.0.0.1:${lab.adminPort}/clusters/${cluster}/request`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${await adminToken(lab)}` },
    body: JSON.stringify({ url, namespace: options.namespace, count: options.count ?? 1 }),
  });
  if (!res.ok) throw new Error(`lab admin answered ${res.status} to a request from ${cluster}: ${await res.text()}`);
  return ((await res.json()) as { results: RequestResult[] }).results;
}

/** Every secret-looking value of the lab's kubeconfig: what must never reach the browser. */
export async function kubeconfigSecrets(): Promise<string[]> {
  const doc = parse(await readFile(LAB_KUBECONFIG, "utf8")) as { users?: Array<{ user?: Record<string, unknown> }> };
  const secrets = new Set<string>();
  for (const entry of doc.users ?? []) {
    for (const key of ["token", "password", "client-key-data", "client-certificate-data"]) {
      const value = entry.user?.[key];
      if (typeof value === "string" && value.length >= 8) secrets.add(value);
    }
  }
  return [...secrets];
}
