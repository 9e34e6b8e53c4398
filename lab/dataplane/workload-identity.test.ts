import { describe, expect, it } from "vitest";
import type { KubeObject } from "../apiserver/types";
import { containerPorts, containerRuns, isGatewayPod, servedPod, workloadName } from "./workload-identity";

const pod = (meta: Partial<KubeObject["metadata"]>, spec: Record<string, unknown> = {}, status?: Record<string, unknown>): KubeObject => ({
  apiVersion: "v1", kind: "Pod", metadata: { name: "p-1", namespace: "bookinfo", uid: "u1", ...meta }, spec, ...(status ? { status } : {}),
});
const running = { phase: "Running", podIP: "10.244.0.7", containerStatuses: [{ name: "c", state: { running: { startedAt: "t" } } }] };

describe("workload identity", () => {
  it.each([
    ["a Deployment's pod (the lab's owner)", pod({ ownerReferences: [{ kind: "Deployment", name: "details-v1", controller: true }] }), "details-v1"],
    ["a ReplicaSet's pod", pod({ labels: { "pod-template-hash": "7d4b9f" }, ownerReferences: [{ kind: "ReplicaSet", name: "details-v1-7d4b9f", controller: true }] }), "details-v1"],
    ["a ReplicaSet without the hash label", pod({ ownerReferences: [{ kind: "ReplicaSet", name: "rs-x", controller: true }] }), "rs-x"],
    ["a StatefulSet's pod", pod({ ownerReferences: [{ kind: "StatefulSet", name: "db", controller: true }] }), "db"],
    ["a bare pod", pod({ name: "sleep-bare" }), "sleep-bare"],
  ])("workload of %s", (_what, p, expected) => {
    expect(workloadName(p)).toBe(expected);
  });

  it.each([
    [{ istio: "eastwestgateway" }, true],
    [{ istio: "ingressgateway" }, true],
    [{ istio: "pilot" }, false],
    [{ app: "details" }, false],
  ])("gateway pod %j → %s", (labels, expected) => {
    expect(isGatewayPod(pod({ labels }))).toBe(expected);
  });

  it("declared TCP container ports, once each", () => {
    const spec = { containers: [{ ports: [{ containerPort: 9080 }, { containerPort: 53, protocol: "UDP" }] }, { ports: [{ containerPort: 9080 }, { containerPort: 15090 }] }, {}] };
    expect(containerPorts(pod({}, spec))).toEqual([9080, 15090]);
  });

  it.each([
    ["running", running, true],
    ["Running with every container terminated (stopped)", { ...running, containerStatuses: [{ state: { terminated: { exitCode: 137 } } }] }, false],
    ["Pending", { phase: "Pending", containerStatuses: [{ state: { waiting: { reason: "ContainerCreating" } } }] }, false],
    ["Succeeded", { ...running, phase: "Succeeded" }, false],
  ])("container runs when %s → %s", (_what, status, expected) => {
    expect(containerRuns(pod({}, {}, status))).toBe(expected);
  });

  it("served pod: address from the plan, terminating from deletionTimestamp; none without an address", () => {
    const spec = { containers: [{ ports: [{ containerPort: 9080 }] }] };
    const p = pod({ labels: { app: "details" }, deletionTimestamp: "2026-01-01T00:00:30Z" }, spec, running);
    expect(servedPod(p, (ip) => (ip === "10.244.0.7" ? "127.9.1.7" : undefined))).toEqual({
      uid: "u1", namespace: "bookinfo", name: "p-1", address: "127.9.1.7", ports: [9080], labels: { app: "details" }, workload: "p-1", terminating: true,
    });
    expect(servedPod(p, () => undefined)).toBeUndefined();
  });
});
