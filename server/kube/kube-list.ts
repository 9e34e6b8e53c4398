import type { KubeConfig } from "@kubernetes/client-node";
import { withDeadline } from "./deadline";
import { kubeGetJson } from "./kube-http";
import type { Impersonation } from "./impersonation";

export type ListPage = { items: unknown[]; resourceVersion: string; continueToken: string | undefined };
export type ListResult = { items: unknown[]; resourceVersion: string };

/** Page size for lists: keeps each response (and its parse) small on big clusters. */
const PAGE = 500;

/**
 * Lists a collection in pages (`limit`/`continue`). All pages come from one consistent
 * snapshot of the store, so the first page's resourceVersion is where a watch resumes.
 * Every page has its own deadline, so a server that starts hanging mid-list is noticed. `impersonate`: list as
 * that person (impersonation.ts).
 */
export async function listAll(kc: KubeConfig, path: string, signal: AbortSignal, timeoutMs: number, impersonate?: Impersonation): Promise<ListResult> {
  const items: unknown[] = [];
  let resourceVersion = "";
  let continueToken: string | undefined;
  do {
    const token = continueToken;
    const page = await withDeadline(timeoutMs, (pageSignal) => listPage(kc, path, token, pageSignal, impersonate), signal);
    items.push(...page.items);
    resourceVersion ||= page.resourceVersion;
    continueToken = page.continueToken;
  } while (continueToken);
  return { items, resourceVersion };
}

async function listPage(kc: KubeConfig, path: string, continueToken: string | undefined, signal: AbortSignal, impersonate?: Impersonation): Promise<ListPage> {
  const query: Record<string, string> = { limit: String(PAGE) };
  if (continueToken) query.continue = continueToken;
  const body = (await kubeGetJson(kc, path, query, signal, impersonate)) as { items?: unknown; metadata?: { resourceVersion?: unknown; continue?: unknown } };
  const rv = body.metadata?.resourceVersion;
  const next = body.metadata?.continue;
  return {
    items: Array.isArray(body.items) ? body.items : [],
    resourceVersion: typeof rv === "string" ? rv : "",
    continueToken: typeof next === "string" && next.length > 0 ? next : undefined,
  };
}
