// Reading a drill's figures off a probe pod's log, as the drill runner does on a real cluster: one JSON line per
// request (docs/real-cluster-probe.md), `ts` the instant it was sent. The clock of a change is the instant the
// cluster stored it (a watch event of the written object: what the runner's write returns after), so kubectl's own
// start-up is not counted; a request counts from when it ended (ts + latencyMs).
import { z } from "zod";
import type { ClusterStore, KubeObject, ResourceType } from "../../apiserver/types";

const probeLineSchema = z.object({
  ts: z.string(),
  status: z.number().int(),
  latencyMs: z.number(),
  servedByCluster: z.string().nullable(),
  servedByPod: z.string().nullable(),
  error: z.string().nullable(),
});
export type ProbeLine = z.infer<typeof probeLineSchema>;

/** The lines of `kubectl logs` output; anything that is not a probe line is an error (the log is the probe's own). */
export function parseProbeLog(text: string): ProbeLine[] {
  return text.split("\n").filter((l) => l.trim() !== "").map((l) => probeLineSchema.parse(JSON.parse(l)));
}

export const endOf = (line: ProbeLine): number => Date.parse(line.ts) + line.latencyMs;

export interface Transition {
  /** From the change to the end of the first request that satisfied the condition. */
  afterMs: number;
  /** Requests that ended after the change and failed (status other than 200) before that one. */
  failed: number;
  /** Requests that ended after the change, that one included. */
  requests: number;
  line: ProbeLine;
}

/** The first request ending after `since` (ms epoch) that `reached` accepts; undefined while there is none. */
export function transitionAfter(lines: readonly ProbeLine[], since: number, reached: (line: ProbeLine) => boolean): Transition | undefined {
  const after = lines.filter((l) => endOf(l) > since).sort((a, b) => endOf(a) - endOf(b));
  const index = after.findIndex(reached);
  const line = after[index];
  if (!line) return undefined;
  const before = after.slice(0, index);
  return { afterMs: endOf(line) - since, failed: before.filter((l) => l.status !== 200).length, requests: index + 1, line };
}

export const servedOk = (cluster: string) => (line: ProbeLine): boolean => line.status === 200 && line.servedByCluster === cluster;

/**
 * Resolves with the instant (ms epoch) the store holds an object of `type` that `matches` (a watch event from now
 * on): the moment a write reached the cluster, whoever made it.
 */
export function whenStored(store: ClusterStore, type: ResourceType, matches: (object: KubeObject) => boolean): Promise<number> {
  return new Promise((resolve) => {
    const state: { stop?: () => void; done: boolean } = { done: false };
    state.stop = store.watch(type, Number(store.currentResourceVersion()), (event) => {
      if (state.done || event.type === "DELETED" || !matches(event.object)) return;
      state.done = true;
      const at = Date.now();
      // The store calls watchers synchronously from the write: unsubscribe after it has returned.
      queueMicrotask(() => state.stop?.());
      resolve(at);
    });
  });
}
