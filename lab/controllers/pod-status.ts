// Reading pod state the way controllers do.
import type { KubeObject } from "../apiserver/types";
import { asArray, asRecord } from "./object-util";

export function podPhase(pod: KubeObject): string {
  return String(asRecord(pod.status)?.phase ?? "Pending");
}

/** A pod is ready when its Ready condition is True (what Endpoints and Deployment availability rely on). */
export function isPodReady(pod: KubeObject): boolean {
  return asArray(asRecord(pod.status)?.conditions).some((c) => {
    const cond = asRecord(c);
    return cond?.type === "Ready" && cond.status === "True";
  });
}

/** Pods that count towards a controller's replicas: not being deleted and not finished. */
export function isPodActive(pod: KubeObject): boolean {
  const phase = podPhase(pod);
  return pod.metadata.deletionTimestamp === undefined && phase !== "Succeeded" && phase !== "Failed";
}

export function podIP(pod: KubeObject): string | undefined {
  const ip = asRecord(pod.status)?.podIP;
  return typeof ip === "string" && ip !== "" ? ip : undefined;
}

/** Succeeded or Failed: every container has finished and none will be restarted. */
export function isPodTerminal(pod: KubeObject): boolean {
  const phase = podPhase(pod);
  return phase === "Succeeded" || phase === "Failed";
}

/** Deleted gracefully and not gone yet: its containers are being stopped (kubectl shows "Terminating"). */
export function isPodTerminating(pod: KubeObject): boolean {
  return pod.metadata.deletionTimestamp !== undefined;
}
