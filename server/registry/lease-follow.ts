// The leader Lease's client, following the management cluster's live handle (see handle-pool.ts). When the
// management cluster has no usable handle, every call fails like an unreachable cluster: leadership then lapses
// by itself (renewDeadline) and nothing is written, which is the safe reading of "cannot see the Lease".
import { createLeaseClient, type LeaseClient } from "@/server/kube/lease-client";
import { followHandles, type HandleSource } from "./handle-pool";

export type LeaseRef = { namespace: string; name: string };

export function followingLeaseClient(handleOf: HandleSource, management: () => string | undefined, ref: LeaseRef, timeoutMs: number): LeaseClient {
  const clientOf = followHandles(handleOf, (h) => createLeaseClient(h, ref, timeoutMs));
  const current = (): LeaseClient => {
    const name = management();
    const client = name === undefined ? undefined : clientOf(name);
    if (!client) throw new Error(`management cluster ${name ?? "(none)"} has no usable kubeconfig context; the registry does not write until it has`);
    return client;
  };
  return {
    get: async () => current().get(),
    create: async (record) => current().create(record),
    update: async (record, resourceVersion) => current().update(record, resourceVersion),
  };
}
