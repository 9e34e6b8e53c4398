// The credentials of one lab start: the admin's bearer token (in `kubeconfig`) and the demo users' tokens or client
// certificates (in `users.kubeconfig`). Tokens are reused from the files a previous start wrote at the same place,
// else new; certificates come from this start's client CA. Every cluster accepts all of them.
import type { AuthConfig } from "../apiserver/index";
import type { LabCa } from "../dataplane/types";
import { newLabToken, readLabTokens, usersKubeconfigPath, type KubeconfigUser } from "../kubeconfig";
import { ADMIN_USER, DEMO_USERS } from "./lab-users";

export interface LabCredentials {
  adminToken: string;
  users: KubeconfigUser[];
  auth: AuthConfig;
}

/** `ca` signs the certificate users' certificates; the clusters trust it as their client CA. */
export async function labCredentials(kubeconfigPath: string, ca: LabCa, reuse = true): Promise<LabCredentials> {
  const previousAdmin = reuse ? Object.values(await readLabTokens(kubeconfigPath))[0] : undefined;
  const previousUsers = reuse ? await readLabTokens(usersKubeconfigPath(kubeconfigPath)) : {};
  const adminToken = previousAdmin ?? newLabToken();
  const tokenUsers = DEMO_USERS.filter((u) => u.credential !== "client-certificate").map((u) => ({ name: u.name, token: previousUsers[u.name] ?? newLabToken(), user: u }));
  // Distinct tokens, or one user would authenticate as another (the table matches the last entry).
  const all = [adminToken, ...tokenUsers.map((u) => u.token)];
  if (new Set(all).size !== all.length) return labCredentials(kubeconfigPath, ca, false);
  const certUsers = await Promise.all(DEMO_USERS.filter((u) => u.credential === "client-certificate").map(async (u) => ({ name: u.name, ...(await ca.issue(u.name, {})) })));
  const users: KubeconfigUser[] = [...tokenUsers.map(({ name, token }) => ({ name, token })), ...certUsers];
  const tokens = [
    { token: adminToken, user: { name: ADMIN_USER.name, groups: ADMIN_USER.groups } },
    ...tokenUsers.map(({ token, user }) => ({ token, user: { name: user.name, groups: user.groups } })),
  ];
  // The lab's printed http:// URLs stay open to its own tools (authenticate.ts); kubeconfigs name https://.
  return { adminToken, users, auth: { tokens, insecurePlainHttp: true } };
}
