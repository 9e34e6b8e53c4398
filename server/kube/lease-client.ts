// A coordination.k8s.io/v1 Lease as the registry's leader election sees it: get, create, and update with the
// resourceVersion we read (optimistic concurrency: of two replicas updating the same version, exactly one wins
// and the other gets 409). Times are MicroTime strings (RFC 3339 with microseconds), as the API stores them.
import { KubernetesObjectApi, type Configuration, type KubernetesObject } from "@kubernetes/client-node";
import { withDeadline } from "./apply-request";
import { toClusterError } from "./cluster-error";
import type { ClusterHandle } from "./kubeconfig";

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

type LeaseObject = KubernetesObject & {
  spec?: { holderIdentity?: string; leaseDurationSeconds?: number; acquireTime?: string | Date; renewTime?: string | Date; leaseTransitions?: number };
};

const time = (t: string | Date | undefined) => (t instanceof Date ? t.toISOString() : t);

function toRecord(o: LeaseObject): LeaseRecord {
  const s = o.spec ?? {};
  const acquireTime = time(s.acquireTime);
  const renewTime = time(s.renewTime);
  return {
    holder: s.holderIdentity ?? "",
    durationSeconds: s.leaseDurationSeconds ?? 0,
    ...(acquireTime ? { acquireTime } : {}),
    ...(renewTime ? { renewTime } : {}),
    transitions: s.leaseTransitions ?? 0,
    resourceVersion: o.metadata?.resourceVersion ?? "",
  };
}

const status = (err: unknown) => (err as { code?: unknown }).code;

export function createLeaseClient(handle: ClusterHandle, ref: { namespace: string; name: string }, timeoutMs: number): LeaseClient {
  const kc = handle.kubeConfig;
  if (!kc) throw new Error(`cluster ${handle.name} has no usable kubeconfig context for the leader Lease`);
  const api = KubernetesObjectApi.makeApiClient(kc);
  const object = (r: LeaseWrite, resourceVersion?: string): LeaseObject => ({
    apiVersion: "coordination.k8s.io/v1",
    kind: "Lease",
    metadata: { ...ref, ...(resourceVersion ? { resourceVersion } : {}) },
    spec: { holderIdentity: r.holder, leaseDurationSeconds: r.durationSeconds, acquireTime: r.acquireTime, renewTime: r.renewTime, leaseTransitions: r.transitions },
  });
  const call = async <T>(fn: (config: Configuration) => Promise<T>, onConflict: T | undefined, on404: T | undefined): Promise<T> => {
    try {
      return await withDeadline(kc, timeoutMs, fn);
    } catch (err) {
      if (status(err) === 409 && onConflict !== undefined) return onConflict;
      if (status(err) === 404 && on404 !== undefined) return on404;
      throw toClusterError(handle.name, err, timeoutMs);
    }
  };
  return {
    get: () => call(async (c) => toRecord(await api.read<LeaseObject>({ apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: ref }, undefined, undefined, undefined, c)), undefined, null),
    create: (r) => call(async (c) => toRecord(await api.create<LeaseObject>(object(r), undefined, undefined, undefined, c)), "conflict" as LeaseRecord | "conflict", undefined),
    // A 404 on update: the Lease was deleted under us; treat like losing the race.
    update: (r, rv) => call(async (c) => toRecord(await api.replace<LeaseObject>(object(r, rv), undefined, undefined, undefined, c)), "conflict" as LeaseRecord | "conflict", "conflict"),
  };
}
