// Pod faults the lab can inject through its admin endpoint (never through the Kubernetes API), as the kubelet
// would report them: "fail" = the readiness probe fails (container running, pod not Ready, so Endpoints move it
// to notReadyAddresses); "stop" = the container exited (terminated, exit code 137) and is not restarted until the
// fault is cleared; "none" = healthy again (a stopped container comes back with restartCount + 1).
import type { KubeObject } from "../apiserver/types";
import { asArray, asRecord, type JsonRecord } from "./object-util";
import { isPodReady } from "./pod-status";

export type PodFaultMode = "none" | "fail" | "stop";

function statuses(pod: KubeObject): JsonRecord[] {
  return asArray(asRecord(pod.status)?.containerStatuses).map((s) => asRecord(s) ?? {});
}

const isTerminated = (s: JsonRecord): boolean => asRecord(s.state)?.terminated !== undefined;

/** True when the pod's status already shows `mode` (so the kubelet writes nothing). */
export function showsFault(pod: KubeObject, mode: PodFaultMode): boolean {
  const all = statuses(pod);
  if (mode === "none") return isPodReady(pod) && !all.some(isTerminated);
  if (mode === "stop") return !isPodReady(pod) && all.every(isTerminated);
  return !isPodReady(pod) && !all.some(isTerminated);
}

function withReady(pod: KubeObject, ready: boolean, ts: string): JsonRecord[] {
  const names = statuses(pod).map((s) => String(s.name ?? ""));
  return asArray(asRecord(pod.status)?.conditions).map((raw) => {
    const c = { ...(asRecord(raw) ?? {}) };
    if (c.type !== "Ready" && c.type !== "ContainersReady") return c;
    const status = ready ? "True" : "False";
    if (c.status !== status) c.lastTransitionTime = ts;
    c.status = status;
    if (ready) {
      delete c.reason;
      delete c.message;
    } else {
      c.reason = "ContainersNotReady";
      c.message = `containers with unready status: [${names.join(" ")}]`;
    }
    return c;
  });
}

export function faultedStatus(pod: KubeObject, mode: Exclude<PodFaultMode, "none">, ts: string): JsonRecord {
  const status = asRecord(pod.status) ?? {};
  const containerStatuses = statuses(pod).map((s) => {
    const running = asRecord(asRecord(s.state)?.running);
    const state = mode === "stop"
      ? { terminated: { exitCode: 137, reason: "Error", startedAt: running?.startedAt ?? ts, finishedAt: ts, containerID: s.containerID } }
      : s.state;
    return { ...s, ready: false, started: mode !== "stop", state };
  });
  return { ...status, conditions: withReady(pod, false, ts), containerStatuses };
}

export function recoveredStatus(pod: KubeObject, ts: string): JsonRecord {
  const status = asRecord(pod.status) ?? {};
  const containerStatuses = statuses(pod).map((s) => {
    const terminated = asRecord(asRecord(s.state)?.terminated);
    if (!terminated) return { ...s, ready: true, started: true };
    return { ...s, ready: true, started: true, restartCount: Number(s.restartCount ?? 0) + 1, state: { running: { startedAt: ts } }, lastState: { terminated } };
  });
  return { ...status, conditions: withReady(pod, true, ts), containerStatuses };
}
