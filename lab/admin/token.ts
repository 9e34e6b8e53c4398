// The admin endpoint's bearer token: random per lab start, written beside the lab's kubeconfig as `admin-token`
// (owner-only, like the kubeconfig), so whoever may read the kubeconfig may inject faults and nobody else. A
// web page cannot read the file, which is the point: the endpoint changes what every console sees.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { chmod, mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

export const ADMIN_TOKEN_FILE = "admin-token";

/** `admin-token` in the kubeconfig's directory (`.lab/admin-token` for the default `.lab/kubeconfig`). */
export function adminTokenPath(kubeconfigPath: string): string {
  return join(dirname(kubeconfigPath), ADMIN_TOKEN_FILE);
}

export function newAdminToken(): string {
  return randomBytes(32).toString("hex");
}

/** Writes the token with mode 0600, also when the file existed with looser permissions. */
export async function writeAdminToken(path: string, token: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${token}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
}

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Whether an Authorization header carries exactly this token (compared in constant time, digests of equal length). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const match = /^Bearer ([^\s]+)$/.exec(header ?? "");
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
}
