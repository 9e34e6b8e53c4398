import { readFile } from "node:fs/promises";
import { parse } from "yaml";

export const ADMIN_PORT = 17490;
export const LAB_KUBECONFIG = ".lab/e2e/kubeconfig";
export const LAB_CLUSTERS = ["west", "east", "north"] as const;

/** The workspace project's own lab: the demo scenario (no gateways yet), so its writes touch no other spec. */
export const DEMO_ADMIN_PORT = 17491;
export const DEMO_LAB_KUBECONFIG = ".lab/e2e-workspace/kubeconfig";

type Fault = { mode: "none" | "refuse" | "hang" | "unauthorized" };

/** Injects a fault through the lab's admin endpoint (never through the Kubernetes API). */
export async function setFault(cluster: string, fault: Fault, adminPort = ADMIN_PORT): Promise<void> {
  const res = await fetch(`http://127.0.0.1:${adminPort}/clusters/${cluster}/fault`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(fault),
  });
  if (!res.ok) throw new Error(`lab admin answered ${res.status} to a ${fault.mode} fault on ${cluster}`);
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
