// The auth projects' own lab (the demo scenario: three clusters, bookinfo, no gateways) and what the specs read from
// it: the cluster-side RBAC the OIDC people get, the clusters' audit trail (who wrote, impersonated by whom), and
// every credential its kubeconfigs hold (for the secrets canary). Its own lab, because the auth specs write.
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { kubectlAt } from "./kubectl";
import { LAB_CLUSTERS, type LabRef } from "./lab";

export const AUTH_ADMIN_PORT = 17492;
export const AUTH_LAB_KUBECONFIG = ".lab/e2e-auth/kubeconfig";
export const AUTH_LAB: LabRef = { adminPort: AUTH_ADMIN_PORT, kubeconfig: AUTH_LAB_KUBECONFIG };
/** Where the auth consoles' stdout and stderr go (playwright.config.ts), for the canary's "no secret in a log line". */
export const consoleLogPath = (mode: "oidc" | "proxy") => `.lab/e2e-auth/console-${mode}.log`;

/**
 * The lab's demo RBAC binds the platform-owner ClusterRole to a user named platform-owner; the OIDC people come
 * with groups, so the e2e binds the group eastwest:platform-owners to it (and to `view`) in every cluster, as an
 * admin would. eastwest:gateway-admins (pat) is deliberately bound to nothing beyond view.
 */
export async function bindPlatformOwners(): Promise<void> {
  const subjects = [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "eastwest:platform-owners" }];
  const binding = (name: string, role: string) => ({
    apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role }, subjects,
  });
  for (const cluster of LAB_CLUSTERS) {
    for (const object of [binding("e2e:platform-owners", "eastwest:platform-owner"), binding("e2e:platform-owners-view", "view")]) {
      await kubectlAt(AUTH_LAB_KUBECONFIG, cluster, ["apply", "--server-side", "--field-manager=e2e-auth", "-f", "-"], JSON.stringify(object));
    }
  }
}

const auditEntrySchema = z.object({
  time: z.string(),
  user: z.object({ name: z.string(), groups: z.array(z.string()).optional() }).loose(),
  impersonatedBy: z.object({ name: z.string() }).loose().optional(),
  verb: z.string(),
  apiGroup: z.string().optional(),
  resource: z.string().optional(),
  namespace: z.string().optional(),
  name: z.string().optional(),
  code: z.number(),
});
export type LabAuditEntry = z.infer<typeof auditEntrySchema>;

/** The cluster's API audit trail (writes and refusals) from the lab's admin endpoint. */
export async function labAudit(cluster: string): Promise<LabAuditEntry[]> {
  const token = (await readFile(join(dirname(AUTH_LAB_KUBECONFIG), "admin-token"), "utf8")).trim();
  const res = await fetch(`http://127.0.0.1:${AUTH_ADMIN_PORT}/clusters/${cluster}/audit`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`lab admin answered ${res.status} to the audit of ${cluster}`);
  return z.array(auditEntrySchema).parse(await res.json());
}

/** Written only on a person's behalf (the registry writes mesh objects, the drill runner drills and scales). */
const PERSON_ONLY_RESOURCES = new Set(["ingressgateways", "workspacesettings"]);

/**
 * Every write request (any answer) the clusters saw since `since` (ISO time) that a person's action could have
 * made: by `login`, on anyone's behalf (impersonated), or to what only people's actions write. The registry and
 * the drill runner keep writing as the console itself; those are not a person's and are left out.
 */
export async function personWritesSince(since: string, login: string): Promise<Array<LabAuditEntry & { cluster: string }>> {
  const all = await Promise.all(LAB_CLUSTERS.map(async (cluster) => (await labAudit(cluster)).map((e) => ({ ...e, cluster }))));
  return all
    .flat()
    // Access reviews are create requests that persist nothing (a "can I?" question), not writes.
    .filter((e) => e.time >= since && !["get", "list", "watch"].includes(e.verb) && !(e.resource ?? "").endsWith("reviews"))
    .filter((e) => e.user.name === login || e.impersonatedBy !== undefined || PERSON_ONLY_RESOURCES.has(e.resource ?? ""));
}

/** Tokens, passwords and client keys of both lab kubeconfigs (the console's admin and the demo users). */
export async function authLabSecrets(): Promise<string[]> {
  const secrets = new Set<string>();
  for (const file of [AUTH_LAB_KUBECONFIG, join(dirname(AUTH_LAB_KUBECONFIG), "users.kubeconfig")]) {
    const doc = parse(await readFile(file, "utf8")) as { users?: Array<{ user?: Record<string, unknown> }> };
    for (const entry of doc.users ?? []) {
      for (const key of ["token", "password", "client-key-data"]) {
        const value = entry.user?.[key];
        if (typeof value === "string" && value.length >= 8) secrets.add(value);
      }
    }
  }
  secrets.add((await readFile(join(dirname(AUTH_LAB_KUBECONFIG), "admin-token"), "utf8")).trim());
  return [...secrets];
}
