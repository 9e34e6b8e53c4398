// The shape of every object the console builds for a user action: an apply configuration (server-side apply
// body) holding only the fields the console means to own. Plain JSON, so it renders to YAML, diffs and travels
// over tRPC unchanged. Everything carries the console's managed-by label (architecture.md, "Ownership").
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from "@/lib/plan/desired";
import type { JsonObject } from "@/lib/plan/json";

/** The field manager of every console write; kubectl commands shown to GitOps users use it too. */
export const FIELD_MANAGER = "eastwest-console";

export type ManifestMetadata = {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
};

export type Manifest = { apiVersion: string; kind: string; metadata: ManifestMetadata; spec?: JsonObject };

export const MANAGED_BY: Readonly<Record<string, string>> = { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE };

/** `Kind namespace/name`, for messages and UI keys. */
export function manifestRef(m: Pick<Manifest, "kind" | "metadata">): string {
  return `${m.kind} ${m.metadata.namespace ? `${m.metadata.namespace}/` : ""}${m.metadata.name}`;
}

export function isManagedByConsole(live: { metadata?: { labels?: Readonly<Record<string, string>> } } | undefined): boolean {
  const labels = live?.metadata?.labels ?? {};
  return Object.entries(MANAGED_BY).every(([k, v]) => labels[k] === v);
}
