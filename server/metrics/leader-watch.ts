// The registry's leadership as metrics: whether this replica leads now (the elector's own test, which lapses at
// renewDeadline even before a failed renewal is noticed) and how many times it changed since the watch started.
import type { LeaderElector } from "@/server/registry/leader-election";

export type LeaderLike = Pick<LeaderElector, "isLeader" | "onChange">;
export type LeaderReading = { election: boolean; leader: boolean; transitions: number };

export type LeaderWatch = {
  /** Follows `elector` (undefined: this replica runs no election, e.g. observe mode). Once. */
  attach(elector: LeaderLike | undefined): void;
  read(): LeaderReading;
  stop(): void;
};

export function createLeaderWatch(): LeaderWatch {
  let elector: LeaderLike | undefined;
  let transitions = 0;
  let off: (() => void) | undefined;
  return {
    attach(e) {
      if (elector || !e) return;
      elector = e;
      off = e.onChange(() => {
        transitions += 1;
      });
    },
    read: () => ({ election: elector !== undefined, leader: elector?.isLeader() ?? false, transitions }),
    stop: () => off?.(),
  };
}
