// Leader election over a coordination.k8s.io/v1 Lease in the management cluster, as client-go does it:
// - a follower takes the Lease only when its holder is empty (released) or when the Lease has not changed for a
//   whole lease duration *as observed locally* (no comparison of clocks across machines);
// - every acquire/renew is an update with the resourceVersion just read, so of two contenders exactly one wins;
// - the leader counts as leader only until `renewDeadline` after its last successful renew began. That is
//   shorter than the lease duration, so a partitioned leader stops writing before anyone else may take over
//   (writes are checked against isLeader() one by one, and their own timeout is below the difference).
import { randomBytes } from "node:crypto";
import os from "node:os";
import type { LeaseClient, LeaseRecord, LeaseWrite } from "@/server/kube/lease-client";

export type LeaderTimings = { leaseDurationMs: number; renewDeadlineMs: number; retryPeriodMs: number };

export const DEFAULT_LEADER_TIMINGS: LeaderTimings = { leaseDurationMs: 15_000, renewDeadlineMs: 10_000, retryPeriodMs: 2_000 };

export type LeaderElector = {
  identity: string;
  isLeader(): boolean;
  /** Called with true when this replica becomes leader, false when it stops being one. */
  onChange(listener: (leader: boolean) => void): () => void;
  /** Stops; with `release`, empties the Lease's holder so another replica takes over at once. */
  stop(options?: { release?: boolean }): Promise<void>;
};

export type LeaderDeps = {
  lease: LeaseClient;
  identity?: string;
  timings?: LeaderTimings;
  /** Monotonic milliseconds. */
  now?: () => number;
  log?: (line: string) => void;
};

export function defaultIdentity(): string {
  return `${os.hostname()}-${process.pid}-${randomBytes(4).toString("hex")}`;
}

/** MicroTime: RFC 3339 with six fractional digits, as the API server writes Lease times. */
const microTime = (d: Date) => d.toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");

export function startLeaderElection(deps: LeaderDeps): LeaderElector {
  const identity = deps.identity ?? defaultIdentity();
  const t = deps.timings ?? DEFAULT_LEADER_TIMINGS;
  const now = deps.now ?? (() => performance.now());
  const listeners = new Set<(leader: boolean) => void>();
  let leading = false;
  let lastRenewAt = -Infinity;
  let observed: { resourceVersion: string; at: number } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let inFlight: Promise<void> = Promise.resolve();

  const valid = () => leading && now() - lastRenewAt < t.renewDeadlineMs;
  const setLeading = (value: boolean) => {
    if (value === leading) return;
    leading = value;
    deps.log?.(`registry: ${identity} ${value ? "became leader" : "stopped leading"}`);
    for (const l of listeners) l(value);
  };

  function desired(current: LeaseRecord | null): LeaseWrite {
    const wall = microTime(new Date());
    const mine = current?.holder === identity;
    return {
      holder: identity,
      durationSeconds: Math.ceil(t.leaseDurationMs / 1000),
      acquireTime: mine ? (current?.acquireTime ?? wall) : wall,
      renewTime: wall,
      transitions: (current?.transitions ?? 0) + (mine || !current ? 0 : 1),
    };
  }

  async function attempt(): Promise<void> {
    const started = now();
    const current = await deps.lease.get();
    if (current && observed?.resourceVersion !== current.resourceVersion) observed = { resourceVersion: current.resourceVersion, at: started };
    if (current && current.holder !== identity && current.holder !== "") {
      const expired = observed !== undefined && started - observed.at >= current.durationSeconds * 1000;
      if (!expired) return setLeading(false);
    }
    const result = current ? await deps.lease.update(desired(current), current.resourceVersion) : await deps.lease.create(desired(null));
    if (result === "conflict") return setLeading(false);
    observed = { resourceVersion: result.resourceVersion, at: started };
    lastRenewAt = started;
    setLeading(true);
  }

  /** Empties the holder, so a follower takes over at its next retry. "released" also when another holds it now. */
  async function release(): Promise<string> {
    const current = await deps.lease.get();
    if (current?.holder !== identity) return "released";
    const released = { ...desired(current), holder: "", durationSeconds: 1 };
    return (await deps.lease.update(released, current.resourceVersion)) === "conflict" ? "it changed since it was read" : "released";
  }

  function loop(): void {
    if (stopped) return;
    inFlight = attempt()
      .catch(() => {
        // The cluster did not answer: leadership lapses by itself once renewDeadline passes.
      })
      .finally(() => {
        if (leading && !valid()) setLeading(false);
        if (!stopped) timer = setTimeout(loop, t.retryPeriodMs);
      });
  }
  loop();

  return {
    identity,
    isLeader: valid,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop(options) {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
      const wasLeader = valid();
      setLeading(false);
      if (!options?.release || !wasLeader) return;
      const outcome = await release().catch((err: unknown) => (err instanceof Error ? err.message : String(err)));
      // Unreleased, the Lease still names this replica: the next leader waits for it to expire (leaseDuration).
      if (outcome !== "released") deps.log?.(`registry: ${identity} could not release the Lease (${outcome}); the next leader takes over once it expires`);
    },
  };
}
