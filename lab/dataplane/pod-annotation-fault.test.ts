import { describe, expect, it } from "vitest";
import type { KubeObject } from "../apiserver/types";
import { annotationFault, effectiveFault } from "./pod-annotation-fault";
import type { PodTrafficFault } from "./types";

const pod = (annotations?: Record<string, string>): KubeObject => ({ apiVersion: "v1", kind: "Pod", metadata: { name: "details-v1-abc", namespace: "bookinfo", ...(annotations ? { annotations } : {}) } });
const FAIL: PodTrafficFault = { mode: "error", status: 503, body: "fault filter abort" };

describe("the FailRequests pod annotation", () => {
  const cases: Array<[string, Record<string, string> | undefined, PodTrafficFault | undefined]> = [
    ["no annotations", undefined, undefined],
    ["other annotations only", { "sidecar.istio.io/status": "{}" }, undefined],
    ["eastwest.dev/fault: fail-requests", { "eastwest.dev/fault": "fail-requests" }, FAIL],
    ["a value it does not know (a typo asks for nothing)", { "eastwest.dev/fault": "fail-request" }, undefined],
    ["an empty value", { "eastwest.dev/fault": "" }, undefined],
  ];
  it.each(cases)("%s", (_name, annotations, expected) => {
    expect(annotationFault(pod(annotations))).toEqual(expected);
  });
});

describe("which fault a pod shows", () => {
  const latency: PodTrafficFault = { mode: "latency", latencyMs: 50 };
  const cases: Array<[string, PodTrafficFault | undefined, PodTrafficFault | undefined, PodTrafficFault]> = [
    ["neither", undefined, undefined, { mode: "none" }],
    ["the annotation alone", undefined, FAIL, FAIL],
    ["an admin fault wins over the annotation", latency, FAIL, latency],
    ["an admin fault cleared (none) leaves the annotation's", { mode: "none" }, FAIL, FAIL],
    ["an admin fault alone", { mode: "refuse" }, undefined, { mode: "refuse" }],
  ];
  it.each(cases)("%s", (_name, admin, annotated, expected) => {
    expect(effectiveFault(admin, annotated)).toEqual(expected);
  });
});
