// Probe pods, "run by the lab's kubelet": a Running Pod annotated eastwest.dev/probe-url sends a request through its
// cluster's mesh client every interval (one at a time, as a shell loop around curl does) and writes one JSON line
// per request to its container's log (probe-log.ts), which `kubectl logs [-f] [--tail] [--since-time]` reads
// through the lab's API server. The probe stops when the pod stops running: deleted (its containers get SIGTERM
// at once), Failed/Succeeded, or its annotation removed; the log goes when the pod is gone.
import type { KubeObject, StoredEvent } from "../apiserver/types";
import { probeLogsOf } from "./probe-log";
import { isProbeRunning, probeLine, probeSpec, sourceWorkloadOf } from "./probe-spec";
import type { ClusterDataPlaneContext, MeshClient, RequestResult } from "./types";

interface Runner {
  pod: KubeObject;
  timer?: NodeJS.Timeout;
  stopped: boolean;
}

function failed(error: unknown): RequestResult {
  const message = error instanceof Error ? error.message : String(error);
  return { status: 0, latencyMs: 0, servedByCluster: null, servedByPod: null, error: message, responseFlags: "-" };
}

export function startProbePods(ctx: ClusterDataPlaneContext, deps: { mesh: MeshClient }): { stop(): void } {
  const podType = ctx.store.types.byKind("", "Pod");
  if (!podType) throw new Error(`lab: cluster ${ctx.cluster} serves no Pods`);
  const logs = probeLogsOf(ctx.store);
  const runners = new Map<string, Runner>();

  const tick = async (uid: string, runner: Runner): Promise<void> => {
    const spec = probeSpec(runner.pod);
    if (runner.stopped || !spec) return;
    const sent = new Date();
    const result = await deps.mesh.request({ url: spec.url, source: sourceWorkloadOf(runner.pod) }).catch(failed);
    if (runner.stopped) return;
    logs.append(uid, probeLine(sent, result));
    // The next request goes one interval after this one was sent, or at once when this one took longer.
    const delay = Math.max(0, sent.getTime() + spec.intervalMs - Date.now());
    runner.timer = setTimeout(() => void tick(uid, runner), delay);
  };

  const halt = (uid: string): void => {
    const runner = runners.get(uid);
    if (!runner) return;
    runner.stopped = true;
    clearTimeout(runner.timer);
    runners.delete(uid);
    logs.end(uid);
  };

  const sync = (pod: KubeObject): void => {
    const uid = pod.metadata.uid ?? "";
    const running = runners.get(uid);
    if (!isProbeRunning(pod) || !probeSpec(pod)) {
      halt(uid);
      return;
    }
    // A changed URL or interval applies from the next request on.
    if (running) {
      running.pod = pod;
      return;
    }
    const runner: Runner = { pod, stopped: false };
    runners.set(uid, runner);
    logs.begin(uid);
    // First request on the next turn of the loop, not inside the store's watch callback.
    runner.timer = setTimeout(() => void tick(uid, runner), 0);
  };

  const onEvent = (event: StoredEvent): void => {
    const uid = event.object.metadata.uid ?? "";
    if (event.type !== "DELETED") return sync(event.object);
    halt(uid);
    logs.forget(uid);
  };

  // Listed and subscribed in the same tick: no write falls between them.
  for (const pod of ctx.store.list(podType)) sync(pod);
  const unsubscribe = ctx.store.watch(podType, undefined, onEvent);
  return {
    stop() {
      unsubscribe();
      for (const uid of [...runners.keys()]) halt(uid);
    },
  };
}
