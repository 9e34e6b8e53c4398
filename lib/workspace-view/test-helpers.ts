// Builders shared by the workspace-view tests (test-only).
import type { ServiceReachability } from "./types";

export const fq = (name: string, ns = "bookinfo") => `${name}.${ns}.svc.cluster.local`;

/** A service's reachability change: nothing moves but what `parts` names. */
export const moved = (fqdn: string, parts: Partial<Omit<ServiceReachability, "fqdn">>): ServiceReachability => ({
  fqdn,
  gained: [],
  lost: [],
  kept: [],
  blocked: [],
  failoverGained: [],
  failoverLost: [],
  ...parts,
});
