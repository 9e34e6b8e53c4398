// A coordination.k8s.io/v1 Lease as the registry's leader election sees it: get, create, and update with the
// resourceVersion we read (optimistic concurrency: of two replicas updating the same version, exactly one wins
// and the other gets 409). Times are MicroTime strings (RFC 3339 with microseconds), as the API stores them.
import { withDeadline } from "./deadline";
import { toClusterError } from "./cluster-error";
import { kubeRequest, type KubeRequest } from "./kube-http";
import { objectPath } from "./kinds";
import type { ClusterHandle } from "./kubeconfig";
import { httpStatusOf } from "./kube-status";

export type LeaseRecord = {
  holder: string;
  durationSeconds: number;
  acquireTime?: string;
  renewTime?: string;
  transitions: number;
  /** Opaque; only compared for equality and sent back as the update's precondition. */
  resourceVersion: string;
};

export type LeaseWrite = Omit<LeaseRecord, "resourceVersion">;

export type LeaseClient = {
  /** null when the Lease does not exist. Throws ClusterError when the cluster cannot answer. */
  get(): Promise<LeaseRecord | null>;
  /** "conflict" when someone else created or updated it first. */
  create(record: LeaseWrite): Promise<LeaseRecord | "conflict">;
  update(record: LeaseWrite, resourceVersion: string): Promise<LeaseRecord | "conflict">;
};

type LeaseObject = {
  apiVersion: "coordination.k8s.io/v1";
  kind: "Lease";
  metadata?: { name?: string; namespace?: string; resourceVersion?: string };
  spec?: { holderIdentity?: string; leaseDurationSeconds?: number; acquireTime?: string; renewTime?: string; leaseTransitions?: number };
};

function toRecord(o: LeaseObject): LeaseRecord {
  const s = o.spec ?? {};
  const { acquireTime, renewTime } = s;
  return {
    holder: s.holderIdentity ?? "",
    durationSeconds: s.leaseDurationSeconds ?? 0,
    ...(acquireTime ? { acquireTime } : {}),
    ...(renewTime ? { renewTime } : {}),
    transitions: s.leaseTransitions ?? 0,
    resourceVersion: o.metadata?.resourceVersion ?? "",
  };
}

export function createLeaseClient(handle: ClusterHandle, ref: { namespace: string; name: string }, timeoutMs: number): LeaseClient {
  const kc = handle.kubeConfig;
  if (!kc) throw new Error(`cluster ${handle.name} has no usable kubeconfig context for the leader Lease`);
  const kind = { apiVersion: "coordination.k8s.io/v1", kind: "Lease", namespace: ref.namespace } as const;
  const collection = objectPath(kind) ?? "";
  const one = objectPath({ ...kind, name: ref.name }) ?? "";
  const object = (r: LeaseWrite, resourceVersion?: string): LeaseObject => ({
    apiVersion: "coordination.k8s.io/v1",
    kind: "Lease",
    metadata: { ...ref, ...(resourceVersion ? { resourceVersion } : {}) },
    spec: { holderIdentity: r.holder, leaseDurationSeconds: r.durationSeconds, acquireTime: r.acquireTime, renewTime: r.renewTime, leaseTransitions: r.transitions },
  });
  const call = async <T>(request: KubeRequest, onConflict: T | undefined, on404: T | undefined): Promise<LeaseRecord | T> => {
    try {
      return toRecord((await withDeadline(timeoutMs, (signal) => kubeRequest(kc, request, signal))) as LeaseObject);
    } catch (err) {
      if (httpStatusOf(err) === 409 && onConflict !== undefined) return onConflict;
      if (httpStatusOf(err) === 404 && on404 !== undefined) return on404;
      throw toClusterError(handle.name, err, timeoutMs);
    }
  };
  return {
    get: () => call({ method: "GET", path: one }, undefined, null),
    create: (r) => call({ method: "POST", path: collection, body: object(r) }, "conflict" as const, undefined),
    // A 404 on update: the Lease was deleted under us; treat like losing the race.
    update: (r, rv) => call({ method: "PUT", path: one, body: object(r, rv) }, "conflict" as const, "conflict" as const),
  };
}
