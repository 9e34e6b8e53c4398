// The bearer tokens of one lab start: the admin's (in `kubeconfig`) and the demo users' (in `users.kubeconfig`),
// reused from the files a previous start wrote at the same place, else new. Every cluster accepts all of them.
import type { AuthConfig } from "../apiserver/index";
import { newLabToken, readLabTokens, usersKubeconfigPath, type KubeconfigUser } from "../kubeconfig";
import { ADMIN_USER, DEMO_USERS } from "./lab-users";

export interface LabCredentials {
  adminToken: string;
  users: KubeconfigUser[];
  auth: AuthConfig;
}

export async function labCredentials(kubeconfigPath: string, reuse = true): Promise<LabCredentials> {
  const previousAdmin = reuse ? Object.values(await readLabTokens(kubeconfigPath))[0] : undefined;
  const previousUsers = reuse ? await readLabTokens(usersKubeconfigPath(kubeconfigPath)) : {};
  const adminToken = previousAdmin ?? newLabToken();
  const users = DEMO_USERS.map((u) => ({ name: u.name, token: previousUsers[u.name] ?? newLabToken() }));
  // Distinct tokens, or one user would authenticate as another (the table matches the last entry).
  const all = [adminToken, ...users.map((u) => u.token)];
  if (new Set(all).size !== all.length) return labCredentials(kubeconfigPath, false);
  const tokens = [
    { token: adminToken, user: { name: ADMIN_USER.name, groups: ADMIN_USER.groups } },
    ...DEMO_USERS.map((u, i) => ({ token: users[i]?.token ?? "", user: { name: u.name, groups: u.groups } })),
  ];
  // The lab's printed http:// URLs stay open to its own tools (authenticate.ts); kubeconfigs name https://.
  return { adminToken, users, auth: { tokens, insecurePlainHttp: true } };
}
