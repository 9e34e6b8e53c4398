// An in-memory Lease with the API server's optimistic concurrency (resourceVersion preconditions), for the
// leader-election tests. Not a test file itself.
import type { LeaseClient, LeaseRecord } from "@/server/kube/lease-client";

export function createFakeLease(): { client: () => LeaseClient; record: () => LeaseRecord | null; fail: (on: boolean) => void } {
  let stored: LeaseRecord | null = null;
  let version = 0;
  let failing = false;
  const check = () => {
    if (failing) throw new Error("connection refused");
  };
  const client = (): LeaseClient => ({
    get: async () => (check(), stored ? { ...stored } : null),
    create: async (r) => {
      check();
      if (stored) return "conflict";
      stored = { ...r, resourceVersion: String(++version) };
      return { ...stored };
    },
    update: async (r, rv) => {
      check();
      if (!stored || stored.resourceVersion !== rv) return "conflict";
      stored = { ...r, resourceVersion: String(++version) };
      return { ...stored };
    },
  });
  return { client, record: () => stored, fail: (on) => (failing = on) };
}
