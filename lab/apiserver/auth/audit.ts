// A per-cluster audit trail in memory (the lab's stand-in for the apiserver's audit log at level Metadata): who
// did what, acting for whom, and the answer's code. Reads (get/list/watch) are left out unless refused, so the
// trail stays about writes and refusals; the newest MAX_ENTRIES are kept.
import type { Attributes, UserInfo } from "./identity";

export interface AuditEntry {
  time: string;
  user: UserInfo;
  /** The authenticated user when the request impersonated `user`. */
  impersonatedBy?: UserInfo;
  verb: string;
  apiGroup?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  path?: string;
  code: number;
}

const MAX_ENTRIES = 1000;
const READS = new Set(["get", "list", "watch", "head"]);

export class AuditTrail {
  private readonly kept: AuditEntry[] = [];

  /** Whether a request with these attributes and answer code belongs in the trail. */
  static wants(attributes: Attributes, code: number): boolean {
    return !READS.has(attributes.verb) || code === 401 || code === 403;
  }

  record(user: UserInfo, impersonator: UserInfo | undefined, attributes: Attributes, code: number, now = new Date()): void {
    // resourceRequest is left out: whether the entry has a resource or a path says it.
    const target = attributes.resourceRequest
      ? { apiGroup: attributes.apiGroup, resource: attributes.resource, subresource: attributes.subresource, namespace: attributes.namespace, name: attributes.name }
      : { path: attributes.path };
    const entry: AuditEntry = { time: now.toISOString(), user, ...(impersonator ? { impersonatedBy: impersonator } : {}), verb: attributes.verb, ...target, code };
    this.kept.push(entry);
    if (this.kept.length > MAX_ENTRIES) this.kept.splice(0, this.kept.length - MAX_ENTRIES);
  }

  entries(): AuditEntry[] {
    return this.kept.map((e) => ({ ...e }));
  }
}
