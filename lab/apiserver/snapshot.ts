// Lists as of an earlier resourceVersion, rebuilt from the current state by undoing the kept events after it.
// This is what makes paged lists consistent (every page reflects the first page's resourceVersion) and what
// resourceVersionMatch=Exact asks for; once the events are gone from the history the answer is 410 Expired.
import { compareObjects } from "./store-core";
import type { ClusterStore, KubeObject, ResourceType, StoredEvent } from "./types";

function keyOf(object: KubeObject): string {
  return `${object.metadata.namespace ?? ""}/${object.metadata.name ?? ""}`;
}

/** Throws the store's 410 StatusError when `resourceVersion` is older than the kept history. */
export function listAt(store: ClusterStore, type: ResourceType, resourceVersion: number): readonly KubeObject[] {
  if (resourceVersion >= Number(store.currentResourceVersion())) return store.peek(type);
  const current = new Map(store.peek(type).map((o) => [keyOf(o), o]));
  const later: StoredEvent[] = [];
  store.watch(type, resourceVersion, (event) => later.push(event))();
  for (const event of later.reverse()) {
    const key = keyOf(event.object);
    if (event.type === "ADDED") current.delete(key);
    else if (event.previous) current.set(key, event.previous);
  }
  return [...current.values()].sort(compareObjects);
}

export interface ContinueToken {
  rv: number;
  start: string;
}

// Same encoding as the etcd3 storage: base64url(JSON {"v":"meta.k8s.io/v1","rv":…,"start":…}).
export function encodeContinue(token: ContinueToken): string {
  return Buffer.from(JSON.stringify({ v: "meta.k8s.io/v1", rv: token.rv, start: `${token.start}\u0000` })).toString("base64url");
}

export function decodeContinue(value: string): ContinueToken | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (typeof parsed !== "object" || parsed === null) return undefined;
    const { v, rv, start } = parsed as Record<string, unknown>;
    if (v !== "meta.k8s.io/v1" || typeof rv !== "number" || typeof start !== "string" || rv <= 0) return undefined;
    return { rv, start: start.replace(/\u0000$/, "") };
  } catch {
    return undefined;
  }
}

export function objectSortKey(object: KubeObject): string {
  return keyOf(object);
}

/** True when `object` sorts after the continue key (namespace, then name — as the list orders them). */
export function isAfter(object: KubeObject, start: string): boolean {
  const slash = start.indexOf("/");
  const [ns, name] = [start.slice(0, slash), start.slice(slash + 1)];
  const ons = object.metadata.namespace ?? "";
  if (ons !== ns) return ons > ns;
  return (object.metadata.name ?? "") > name;
}
