// Probe pods' container logs: what a node's kubelet keeps under /var/log/pods for each container, here in memory.
// One store per cluster (per ClusterStore, as each lab cluster is one node): the probe runner (probe-pods.ts)
// appends, the API server's log provider (lab/controllers/log-provider.ts) reads and follows. Both find it from
// the cluster's store, so nothing has to be threaded between the data plane and the API server.
import type { ContainerLog, LogEntry } from "../apiserver/context";
import type { ClusterStore } from "../apiserver/types";

/** Lines kept per container: older ones are dropped, as the kubelet rotates a container's log. */
export const PROBE_LOG_MAX_LINES = 10_000;

export interface ProbeLogStore {
  /** The container started: its log exists (empty at first) and can be followed. */
  begin(uid: string): void;
  /** Appends one line to the log of the pod with this uid (creating it), and hands it to followers. */
  append(uid: string, text: string, time?: Date): void;
  /** The container stopped: followers end; the lines stay readable until the pod is forgotten. */
  end(uid: string): void;
  /** The pod is gone: its log with it. */
  forget(uid: string): void;
  /** The pod's log, undefined when it never wrote one. Followable while the container runs. */
  open(uid: string): ContainerLog | undefined;
}

interface Follower {
  onEntry: (entry: LogEntry) => void;
  onEnd: () => void;
}

interface PodLog {
  entries: LogEntry[];
  followers: Set<Follower>;
  ended: boolean;
}

export function createProbeLogStore(maxLines = PROBE_LOG_MAX_LINES): ProbeLogStore {
  const logs = new Map<string, PodLog>();
  const endFollowers = (log: PodLog): void => {
    log.ended = true;
    const followers = [...log.followers];
    log.followers.clear();
    for (const f of followers) f.onEnd();
  };
  const begin = (uid: string): PodLog => {
    let log = logs.get(uid);
    if (!log) logs.set(uid, (log = { entries: [], followers: new Set(), ended: false }));
    log.ended = false;
    return log;
  };
  return {
    begin: (uid) => void begin(uid),
    append(uid, text, time = new Date()) {
      const log = begin(uid);
      const entry = { time, text };
      log.entries.push(entry);
      // Trimmed in batches so an append stays O(1) amortised; at most 2 × maxLines are held between trims.
      if (log.entries.length >= 2 * maxLines) log.entries.splice(0, log.entries.length - maxLines);
      for (const f of [...log.followers]) f.onEntry(entry);
    },
    end(uid) {
      const log = logs.get(uid);
      if (log) endFollowers(log);
    },
    forget(uid) {
      const log = logs.get(uid);
      if (!log) return;
      endFollowers(log);
      logs.delete(uid);
    },
    open(uid) {
      const log = logs.get(uid);
      if (!log) return undefined;
      const entries = log.entries.slice(-maxLines);
      if (log.ended) return { entries };
      return {
        entries,
        follow(onEntry, onEnd) {
          const follower = { onEntry, onEnd };
          log.followers.add(follower);
          return () => void log.followers.delete(follower);
        },
      };
    },
  };
}

const perCluster = new WeakMap<ClusterStore, ProbeLogStore>();

/** The probe log store of one cluster (made on first use; goes with the store). */
export function probeLogsOf(store: ClusterStore): ProbeLogStore {
  let logs = perCluster.get(store);
  if (!logs) perCluster.set(store, (logs = createProbeLogStore()));
  return logs;
}
