// The console's audit Events in a cluster (server/audit): written and read with the console's OWN credentials,
// never impersonating. The person's write is decided by the cluster's RBAC under impersonation; the record of it
// must not depend on that person being allowed to create Events (a refused write is recorded too), and a person
// must not be able to skip it. Reads select the console's Events server-side by `reportingComponent`, a field
// label of core/v1 Event (with involvedObject.kind/name for one object), so the cluster sends only those.
// Every failure comes back as data for the cluster: nothing here throws across the boundary.
import { z } from "zod";
import type { ClusterErrorView } from "@/lib/fleet-schema";
import { ClusterError, toClusterError } from "./cluster-error";
import { withDeadline } from "./deadline";
import { kubeRequest } from "./kube-http";
import { objectPath } from "./kinds";
import type { ClusterHandle } from "./kubeconfig";

export type AuditWriteResult = { ok: true } | { ok: false; error: ClusterErrorView };

/** Which Events: the console's in one namespace, optionally about one object only. */
export type AuditEventsQuery = { component: string; namespace: string; object?: { kind: string; name: string } };

export type AuditEventsResult =
  /** `more`: the namespace holds more of the console's Events than one page; the newest may be among those unread. */
  | { ok: true; items: unknown[]; more: boolean }
  | { ok: false; reason: "unreachable" | "forbidden"; error: ClusterErrorView };

/**
 * One page is what is read: the API cannot sort, and Events expire after the event TTL (one hour by default), so a
 * namespace rarely holds more of the console's own within it.
 */
export const AUDIT_EVENTS_PAGE = 250;

const listSchema = z.object({ items: z.array(z.unknown()).catch([]), metadata: z.object({ continue: z.string().nullish().catch(undefined) }).nullish().catch(undefined) });

function unusable(handle: ClusterHandle | undefined, cluster: string): ClusterError {
  return new ClusterError(cluster, "unknown", handle?.problem ?? `${cluster} is not a usable context of the kubeconfig.`);
}

/** POST the Event (core/v1) into its namespace. */
export async function writeAuditEvent(cluster: string, handle: ClusterHandle | undefined, event: { metadata: { namespace?: string } }, timeoutMs: number): Promise<AuditWriteResult> {
  const kc = handle?.kubeConfig;
  if (!kc) return { ok: false, error: unusable(handle, cluster).toView() };
  const path = objectPath({ apiVersion: "v1", kind: "Event", namespace: event.metadata.namespace ?? "default" }) ?? "";
  try {
    await withDeadline(timeoutMs, (signal) => kubeRequest(kc, { method: "POST", path, body: event }, signal));
    return { ok: true };
  } catch (err) {
    return { ok: false, error: toClusterError(cluster, err, timeoutMs).toView() };
  }
}

/** The field selector of a query: the reporting component, and the object when one is named. */
export function auditSelector(query: AuditEventsQuery): string {
  const terms = [`reportingComponent=${query.component}`];
  if (query.object) terms.push(`involvedObject.kind=${query.object.kind}`, `involvedObject.name=${query.object.name}`);
  return terms.join(",");
}

/** The console's Events in one namespace of the cluster of `handle`, as the API sent them (audit-record.ts parses). */
export async function listAuditEvents(cluster: string, handle: ClusterHandle | undefined, query: AuditEventsQuery, timeoutMs: number): Promise<AuditEventsResult> {
  const kc = handle?.kubeConfig;
  const failed = (error: ClusterError): AuditEventsResult => {
    const forbidden = error.reason === "forbidden" || error.reason === "unauthorized";
    return { ok: false, reason: forbidden ? "forbidden" : "unreachable", error: error.toView() };
  };
  if (!kc) return failed(unusable(handle, cluster));
  const path = objectPath({ apiVersion: "v1", kind: "Event", namespace: query.namespace }) ?? "";
  const params = { fieldSelector: auditSelector(query), limit: String(AUDIT_EVENTS_PAGE) };
  try {
    const body = await withDeadline(timeoutMs, (signal) => kubeRequest(kc, { method: "GET", path, query: params }, signal));
    const list = listSchema.parse(body ?? {});
    return { ok: true, items: list.items, more: Boolean(list.metadata?.continue) };
  } catch (err) {
    return failed(toClusterError(cluster, err, timeoutMs));
  }
}
