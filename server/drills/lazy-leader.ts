// A leader election started only when first needed. In observe mode the console must write nothing to a cluster
// until someone asks it to (server/startup/default-mode.int.test.ts holds it to that): the drills' own Lease is
// therefore created only once a drill exists to run, not at start-up.
import type { LeaderElector } from "@/server/registry/leader-election";

export type LazyLeader = Pick<LeaderElector, "isLeader" | "onChange"> & { ensure(): void; stop(): Promise<void> };

export function lazyLeader(start: () => LeaderElector): LazyLeader {
  let elector: LeaderElector | undefined;
  const listeners = new Set<(leader: boolean) => void>();
  return {
    ensure() {
      if (elector) return;
      elector = start();
      elector.onChange((leading) => {
        for (const listener of listeners) listener(leading);
      });
    },
    isLeader: () => elector?.isLeader() ?? false,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop: async () => elector?.stop({ release: true }),
  };
}
