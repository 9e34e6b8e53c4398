import type { CachedObject } from "@/lib/fleet/snapshot-types";

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The projection cached for kinds the console reads only by name and labels (see `metadataOnly` in kinds.ts):
 * name, uid, resourceVersion (the informer resumes its watch from it) and labels. A real Node carries kilobytes
 * of status — images, conditions, capacity — that the console never reads, for every node of every cluster, so
 * the rest of the parsed object is dropped as soon as it arrives. Undefined for anything without a name.
 */
export function projectMetadata(raw: unknown, kind: string, apiVersion: string): CachedObject | undefined {
  const meta = isRecord(raw) ? raw.metadata : undefined;
  if (!isRecord(meta) || typeof meta.name !== "string") return undefined;
  const labels = isRecord(meta.labels) ? Object.fromEntries(Object.entries(meta.labels).filter((e): e is [string, string] => typeof e[1] === "string")) : undefined;
  const metadata = {
    name: meta.name,
    ...(typeof meta.uid === "string" ? { uid: meta.uid } : {}),
    ...(typeof meta.resourceVersion === "string" ? { resourceVersion: meta.resourceVersion } : {}),
    ...(labels ? { labels } : {}),
  };
  return { apiVersion, kind, metadata };
}
