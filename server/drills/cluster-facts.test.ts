import { describe, expect, it } from "vitest";
import { clusterOfKinds } from "@/lib/fleet/snapshot-fixtures";
import { deploymentsBehind, failRequestsSupported, namespaceOptedIn, otherRunning, parseDrill, podsBehind } from "./cluster-facts";

const drill = (name: string, extra: { service?: string; phase?: string; created?: string } = {}) => ({
  apiVersion: "eastwest.dev/v1alpha1",
  kind: "FailoverDrill",
  metadata: { name, namespace: "bookinfo", creationTimestamp: extra.created ?? "2026-12-05T06:00:00Z" },
  spec: { service: extra.service ?? "details" },
  ...(extra.phase ? { status: { phase: extra.phase } } : {}),
});
const ready = { conditions: [{ type: "Ready", status: "True" }] };

const cluster = clusterOfKinds("west", {
  Namespace: [{ metadata: { name: "bookinfo", annotations: { "eastwest.dev/drills": "enabled" } } }, { metadata: { name: "other" } }],
  Node: [{ metadata: { name: "n1", labels: { "eastwest.dev/fault-injection": "pod-annotation" } } }],
  Deployment: [
    { metadata: { name: "details-v1", namespace: "bookinfo", uid: "u1" }, spec: { replicas: 2, template: { metadata: { labels: { app: "details", version: "v1" } } } }, status: { readyReplicas: 1 } },
    { metadata: { name: "reviews-v1", namespace: "bookinfo", uid: "u2" }, spec: { replicas: 1, template: { metadata: { labels: { app: "reviews" } } } } },
    { metadata: { name: "details-v1", namespace: "other", uid: "u3" }, spec: { replicas: 1, template: { metadata: { labels: { app: "details" } } } } },
  ],
  Pod: [
    { metadata: { name: "details-a", namespace: "bookinfo", uid: "p1", labels: { app: "details" }, annotations: { "eastwest.dev/fault": "fail-requests" } }, status: ready },
    { metadata: { name: "details-b", namespace: "bookinfo", uid: "p2", labels: { app: "details" } } },
    { metadata: { name: "details-c", namespace: "bookinfo", uid: "p3", labels: { app: "details" }, deletionTimestamp: "2026-12-05T06:00:00Z" } },
  ],
  FailoverDrill: [drill("a-old", { created: "2026-12-05T05:00:00Z" }), drill("b-now"), drill("c-running", { phase: "Observing", created: "2026-12-05T07:00:00Z" }), drill("d-done", { phase: "Succeeded" }), drill("e-ratings", { service: "ratings", phase: "Observing" })],
});

describe("what the runner reads of the drilled cluster", () => {
  it("finds the Deployments and live pods behind a selector, in that namespace only", () => {
    expect(deploymentsBehind(cluster, "bookinfo", { app: "details" })).toEqual([{ name: "details-v1", uid: "u1", replicas: 2, readyReplicas: 1 }]);
    expect(deploymentsBehind(cluster, "bookinfo", {})).toEqual([]);
    expect(podsBehind(cluster, "bookinfo", { app: "details" })).toEqual([
      { name: "details-a", uid: "p1", ready: true, faulted: true },
      { name: "details-b", uid: "p2", ready: false, faulted: false },
    ]);
  });

  it.each([
    ["bookinfo", true],
    ["other", false],
    ["missing", false],
  ])("namespace %s opted in: %s", (namespace, opted) => {
    expect(namespaceOptedIn(cluster, namespace)).toBe(opted);
  });

  it("knows FailRequests from a Node's label", () => {
    expect(failRequestsSupported(cluster)).toBe(true);
    expect(failRequestsSupported(clusterOfKinds("east", { Node: [{ metadata: { name: "n", labels: {} } }] }))).toBe(false);
  });

  it.each([
    // A Pending drill waits for those past Pending and for Pending ones created before it; never for final ones or other services.
    ["b-now", ["a-old", "c-running"]],
    ["a-old", ["c-running"]],
    ["c-running", []],
  ])("the other drills %s must wait for: %j", (name, others) => {
    const object = cluster.objects.FailoverDrill.get(`bookinfo/${name}`);
    const parsed = object && parseDrill(object);
    if (!parsed) throw new Error("no drill");
    expect(otherRunning(cluster, parsed)).toEqual(others);
  });
});
