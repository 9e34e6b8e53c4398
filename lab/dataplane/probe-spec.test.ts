import { describe, expect, it } from "vitest";
import type { KubeObject } from "../apiserver/types";
import { isProbeRunning, probeLine, probeSpec, sourceWorkloadOf } from "./probe-spec";

function pod(meta: Partial<KubeObject["metadata"]> = {}, status: Record<string, unknown> = { phase: "Running" }): KubeObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name: "probe", namespace: "sleep", ...meta }, spec: {}, status };
}

describe("probeSpec", () => {
  it.each([
    ["no annotations", undefined, undefined],
    ["empty URL", { "eastwest.dev/probe-url": " " }, undefined],
    ["URL only: default 500 ms", { "eastwest.dev/probe-url": "http://details.bookinfo:9080/" }, { url: "http://details.bookinfo:9080/", intervalMs: 500 }],
    ["interval given", { "eastwest.dev/probe-url": "http://a.b:1/", "eastwest.dev/probe-interval-ms": "250" }, { url: "http://a.b:1/", intervalMs: 250 }],
    ["interval below 50 raised to 50", { "eastwest.dev/probe-url": "http://a.b:1/", "eastwest.dev/probe-interval-ms": "1" }, { url: "http://a.b:1/", intervalMs: 50 }],
    ["interval capped at an hour", { "eastwest.dev/probe-url": "http://a.b:1/", "eastwest.dev/probe-interval-ms": "1e9" }, { url: "http://a.b:1/", intervalMs: 3_600_000 }],
    ["interval not a number: default", { "eastwest.dev/probe-url": "http://a.b:1/", "eastwest.dev/probe-interval-ms": "fast" }, { url: "http://a.b:1/", intervalMs: 500 }],
  ])("%s", (_name, annotations, expected) => {
    expect(probeSpec(pod(annotations ? { annotations } : {}))).toEqual(expected);
  });
});

describe("isProbeRunning", () => {
  it.each([
    ["Running", {}, { phase: "Running" }, true],
    ["Pending", {}, { phase: "Pending" }, false],
    ["Succeeded", {}, { phase: "Succeeded" }, false],
    ["terminating", { deletionTimestamp: "2026-12-05T00:00:00Z" }, { phase: "Running" }, false],
  ])("%s → %s", (_name, meta, status, expected) => {
    expect(isProbeRunning(pod(meta, status))).toBe(expected);
  });
});

describe("sourceWorkloadOf", () => {
  it.each([
    ["bare pod: the pod", {}, "probe"],
    ["lab pod: its Deployment", { ownerReferences: [{ kind: "Deployment", name: "sleep", controller: true }] }, "sleep"],
    [
      "ReplicaSet pod: the Deployment (hash removed)",
      { labels: { "pod-template-hash": "5d9f7c" }, ownerReferences: [{ kind: "ReplicaSet", name: "sleep-5d9f7c", controller: true }] },
      "sleep",
    ],
    ["Job pod: the Job", { ownerReferences: [{ kind: "Job", name: "probe-job", controller: true }] }, "probe-job"],
  ])("%s", (_name, meta, workload) => {
    expect(sourceWorkloadOf(pod(meta))).toEqual({ namespace: "sleep", workload, pod: "probe" });
  });
});

describe("probeLine", () => {
  it("writes the documented keys in order", () => {
    const line = probeLine(new Date("2026-12-05T01:02:03.456Z"), {
      status: 200, latencyMs: 3.14159, servedByCluster: "east", servedByPod: "details-v1-abc", error: null, responseFlags: "-",
    });
    expect(line).toBe('{"ts":"2026-12-05T01:02:03.456Z","status":200,"latencyMs":3.1,"servedByCluster":"east","servedByPod":"details-v1-abc","error":null}');
  });

  it("keeps the error of a request that got no response", () => {
    const parsed = JSON.parse(probeLine(new Date(0), { status: 0, latencyMs: 1, servedByCluster: null, servedByPod: null, error: "no healthy upstream", responseFlags: "UH" })) as Record<string, unknown>;
    expect(parsed).toEqual({ ts: "1970-01-01T00:00:00.000Z", status: 0, latencyMs: 1, servedByCluster: null, servedByPod: null, error: "no healthy upstream" });
  });
});
