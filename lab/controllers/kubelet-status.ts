// Pod status as a kubelet writes it: first ContainerCreating (scheduled, not ready), then Running and Ready.
import type { KubeObject } from "../apiserver/types";
import { createHash } from "node:crypto";
import { asArray, asRecord, type JsonRecord } from "./object-util";

function cond(type: string, status: boolean, ts: string, reason?: string, message?: string): JsonRecord {
  return {
    type,
    status: status ? "True" : "False",
    lastProbeTime: null,
    lastTransitionTime: ts,
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  };
}

function containerNames(pod: KubeObject): string[] {
  return asArray(asRecord(pod.spec)?.containers).map((c) => String(asRecord(c)?.name ?? ""));
}

function image(pod: KubeObject, name: string): string {
  const c = asArray(asRecord(pod.spec)?.containers).find((x) => asRecord(x)?.name === name);
  return String(asRecord(c)?.image ?? "");
}

function qosClass(pod: KubeObject): string {
  const hasResources = asArray(asRecord(pod.spec)?.containers).some(
    (c) => Object.keys(asRecord(asRecord(c)?.resources) ?? {}).length > 0,
  );
  return hasResources ? "Burstable" : "BestEffort";
}

export function creatingStatus(pod: KubeObject, hostIP: string, ts: string): JsonRecord {
  const names = containerNames(pod);
  const notReady = `containers with unready status: [${names.join(" ")}]`;
  return {
    phase: "Pending",
    conditions: [
      cond("PodReadyToStartContainers", false, ts),
      cond("Initialized", true, ts),
      cond("Ready", false, ts, "ContainersNotReady", notReady),
      cond("ContainersReady", false, ts, "ContainersNotReady", notReady),
      cond("PodScheduled", true, ts),
    ],
    hostIP,
    hostIPs: [{ ip: hostIP }],
    startTime: ts,
    qosClass: qosClass(pod),
    containerStatuses: names.map((name) => ({
      name,
      image: image(pod, name),
      imageID: "",
      ready: false,
      started: false,
      restartCount: 0,
      state: { waiting: { reason: "ContainerCreating" } },
      lastState: {},
    })),
  };
}

export function runningStatus(pod: KubeObject, podIP: string, ts: string): JsonRecord {
  const previous = asRecord(pod.status) ?? {};
  const created = String(previous.startTime ?? ts);
  return {
    ...previous,
    phase: "Running",
    conditions: [
      cond("PodReadyToStartContainers", true, ts),
      cond("Initialized", true, created),
      cond("Ready", true, ts),
      cond("ContainersReady", true, ts),
      cond("PodScheduled", true, created),
    ],
    podIP,
    podIPs: [{ ip: podIP }],
    containerStatuses: containerNames(pod).map((name) => {
      const img = image(pod, name);
      const id = createHash("sha256").update(`${pod.metadata.uid ?? ""}/${name}`).digest("hex");
      const digest = createHash("sha256").update(img).digest("hex");
      return {
        name,
        image: img,
        imageID: `${img.split(":")[0] ?? img}@sha256:${digest}`,
        containerID: `containerd://${id}`,
        ready: true,
        started: true,
        restartCount: 0,
        state: { running: { startedAt: ts } },
        lastState: {},
      };
    }),
  };
}

/** A container's state once the kubelet has stopped it (SIGTERM; the lab's apps exit 0 when they get it). */
function stoppedState(raw: unknown, ts: string): JsonRecord {
  const s = asRecord(raw) ?? {};
  const state = asRecord(s.state) ?? {};
  if (asRecord(state.terminated)) return state;
  const running = asRecord(state.running);
  if (running) return { terminated: { exitCode: 0, reason: "Completed", startedAt: running.startedAt ?? ts, finishedAt: ts, containerID: s.containerID } };
  // Never started: what the kubelet reports for a container it cannot find any more.
  return { terminated: { exitCode: 137, reason: "ContainerStatusUnknown", message: "The container could not be located when the pod was terminated", startedAt: null, finishedAt: null } };
}

/**
 * The status the kubelet (≥ 1.27) writes once a deleted pod's containers have all stopped, before it removes the
 * pod: a terminal phase (Succeeded when every container exited 0, else Failed) and Ready False with PodCompleted.
 */
export function terminatedStatus(pod: KubeObject, ts: string): JsonRecord {
  const previous = asRecord(pod.status) ?? {};
  const containerStatuses = asArray(previous.containerStatuses).map((raw) => {
    const state = stoppedState(raw, ts);
    return { ...(asRecord(raw) ?? {}), ready: false, started: false, state };
  });
  const exitCodes = containerStatuses.map((s) => Number(asRecord(s.state.terminated)?.exitCode ?? 0));
  const succeeded = exitCodes.length > 0 && exitCodes.every((code) => code === 0);
  const conditions = asArray(previous.conditions).map((raw) => {
    const c = { ...(asRecord(raw) ?? {}) };
    if (c.type !== "Ready" && c.type !== "ContainersReady" && c.type !== "PodReadyToStartContainers") return c;
    if (c.status !== "False") c.lastTransitionTime = ts;
    c.status = "False";
    delete c.message;
    if (c.type === "PodReadyToStartContainers") delete c.reason;
    else c.reason = "PodCompleted";
    return c;
  });
  return { ...previous, phase: succeeded ? "Succeeded" : "Failed", conditions, containerStatuses };
}
