// The one way the console reads an object's Events: core/v1 Events in the object's namespace whose involvedObject
// is that object. Events are not cached (they churn, expire after the API server's event TTL — one hour by
// default — and only a detail view asks for them), so this is one bounded list request with a deadline, made when
// a person opens an object. The API server filters by field selector (involvedObject.* are field labels of
// core/v1 Event, as `kubectl describe` uses them); sorting newest first is ours, since a list comes in key order.
// Every failure comes back as data for the cluster: nothing here throws across the boundary.
import { z } from "zod";
import type { ClusterErrorView } from "@/lib/fleet-schema";
import { ClusterError, toClusterError } from "./cluster-error";
import { withDeadline } from "./deadline";
import type { Impersonation } from "./impersonation";
import { kubeGetJson } from "./kube-http";
import { objectPath } from "./kinds";
import type { ClusterHandle } from "./kubeconfig";

/** The object whose Events are wanted. `uid` pins this very object: a deleted one's namesake has other Events. */
export type EventsTarget = { kind: string; namespace: string; name: string; uid?: string };

export type ObjectEvent = {
  /** "Normal" or "Warning" (the API's two types; anything else is shown as sent). */
  type: string;
  reason: string;
  message: string;
  /** How many times it happened (a deduplicated Event counts its repeats). */
  count: number;
  /** ISO times; null when the Event carries none. */
  firstSeen: string | null;
  lastSeen: string | null;
  /** Who reported it: reportingComponent, else source.component; "" when neither is set. */
  source: string;
};

export type EventsResult =
  /** `more`: the cluster holds more Events for the object than were read (only the newest `limit` are shown). */
  | { ok: true; cluster: string; events: ObjectEvent[]; more: boolean }
  /** forbidden: the credentials were refused (401) or lack permission to list Events (403); unreachable: the rest. */
  | { ok: false; cluster: string; reason: "unreachable" | "forbidden"; error: ClusterErrorView };

/** `impersonate`: read as the person who asked (EASTWEST_IMPERSONATE_READS), so their RBAC decides what they see. */
export type EventsOptions = { timeoutMs: number; limit?: number; impersonate?: Impersonation };

export const DEFAULT_EVENTS_LIMIT = 20;
/**
 * Events read per request before sorting: the API returns them in name order (`<object>.<hex time>`, so mostly
 * oldest first) and cannot sort, so the newest are found among one page this size. Repeats of one Event are
 * folded into its count by the recorder, so an object rarely has more than a few dozen within the TTL.
 */
export const EVENTS_PAGE = 250;
/** An Event's message is free text from any controller: cut so one answer stays small. */
const MAX_MESSAGE = 1_000;

// Lenient: a field of the wrong type reads as absent, so one odd Event never hides the others.
const text = z.string().catch("");
const maybe = z.string().nullish().catch(undefined);
const eventSchema = z.object({
  type: text,
  reason: text,
  message: text,
  count: z.number().int().nonnegative().nullish().catch(undefined),
  firstTimestamp: maybe,
  lastTimestamp: maybe,
  eventTime: maybe,
  series: z.object({ count: z.number().int().nullish().catch(undefined), lastObservedTime: maybe }).nullish().catch(undefined),
  reportingComponent: maybe,
  source: z.object({ component: maybe }).nullish().catch(undefined),
  metadata: z.object({ creationTimestamp: maybe }).nullish().catch(undefined),
});
const listSchema = z.object({ items: z.array(z.unknown()).catch([]), metadata: z.object({ continue: z.string().nullish().catch(undefined) }).nullish().catch(undefined) });

/** One Event as the page shows it; undefined for an item that is not an Event. */
export function toObjectEvent(raw: unknown): ObjectEvent | undefined {
  const parsed = eventSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const e = parsed.data;
  // events.k8s.io/v1 writers set eventTime and series; core/v1 writers firstTimestamp/lastTimestamp and count.
  const lastSeen = e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata?.creationTimestamp ?? null;
  const firstSeen = e.firstTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp ?? null;
  const message = e.message.length > MAX_MESSAGE ? `${e.message.slice(0, MAX_MESSAGE)}…` : e.message;
  return { type: e.type, reason: e.reason, message, count: Math.max(1, e.series?.count ?? e.count ?? 1), firstSeen, lastSeen, source: e.reportingComponent ?? e.source?.component ?? "" };
}

const millis = (iso: string | null) => {
  const at = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isNaN(at) ? -Infinity : at;
};

/** Newest first by last sighting; Events without a time go last. */
export function newestFirst(events: readonly ObjectEvent[]): ObjectEvent[] {
  return [...events].sort((a, b) => millis(b.lastSeen) - millis(a.lastSeen));
}

/** The field selector naming the object: kind, namespace and name always, its uid when known. */
export function involvedSelector(target: EventsTarget): string {
  const terms = [`involvedObject.kind=${target.kind}`, `involvedObject.namespace=${target.namespace}`, `involvedObject.name=${target.name}`];
  if (target.uid) terms.push(`involvedObject.uid=${target.uid}`);
  return terms.join(",");
}

function failure(cluster: string, error: ClusterError): EventsResult {
  const forbidden = error.reason === "forbidden" || error.reason === "unauthorized";
  return { ok: false, cluster, reason: forbidden ? "forbidden" : "unreachable", error: error.toView() };
}

/** The newest Events of one object in the cluster of `handle` (undefined: a cluster the kubeconfig no longer has). */
export async function recentEvents(cluster: string, handle: ClusterHandle | undefined, target: EventsTarget, options: EventsOptions): Promise<EventsResult> {
  const kc = handle?.kubeConfig;
  if (!kc) return failure(cluster, new ClusterError(cluster, "unknown", handle?.problem ?? `${cluster} is not a usable context of the kubeconfig.`));
  const limit = Math.max(1, Math.min(options.limit ?? DEFAULT_EVENTS_LIMIT, EVENTS_PAGE));
  const path = objectPath({ apiVersion: "v1", kind: "Event", namespace: target.namespace }) ?? "";
  const query = { fieldSelector: involvedSelector(target), limit: String(EVENTS_PAGE) };
  try {
    const body = await withDeadline(options.timeoutMs, (signal) => kubeGetJson(kc, path, query, signal, options.impersonate));
    const list = listSchema.parse(body ?? {});
    const events = newestFirst(list.items.flatMap((raw) => toObjectEvent(raw) ?? []));
    return { ok: true, cluster, events: events.slice(0, limit), more: events.length > limit || Boolean(list.metadata?.continue) };
  } catch (err) {
    return failure(cluster, toClusterError(cluster, err, options.timeoutMs));
  }
}
