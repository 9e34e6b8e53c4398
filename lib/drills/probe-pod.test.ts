import { describe, expect, it } from "vitest";
import { PROBE_INTERVAL_MS, RESTORE_WAIT_MS } from "./drill-timing";
import { PROBE_SCRIPT, probePod, probePodName, probeUrl } from "./probe-pod";
import { drillOf } from "./test-world";
import doc from "../../docs/real-cluster-probe.md?raw";

describe("probePodName", () => {
  it.each([
    ["details-20261205-010000", "details-20261205-010000-probe"],
    ["a".repeat(80), `${"a".repeat(57)}-probe`],
    [`${"a".repeat(56)}-b`, `${"a".repeat(56)}-probe`],
  ])("%s → %s", (drill, pod) => {
    expect(probePodName(drill)).toBe(pod);
    expect(probePodName(drill).length).toBeLessThanOrEqual(63);
  });
});

describe("probePod", () => {
  const drill = drillOf();
  const pod = probePod({ drill, port: 9080, path: "/details/0", maxDurationSeconds: 120 });

  it("asks the drilled Service through the mesh, every PROBE_INTERVAL_MS", () => {
    expect(pod.metadata.annotations).toMatchObject({
      "eastwest.dev/probe-url": "http://details.bookinfo.svc.cluster.local:9080/details/0",
      "eastwest.dev/probe-interval-ms": String(PROBE_INTERVAL_MS),
      "proxy.istio.io/config": '{ "holdApplicationUntilProxyStarts": true }',
    });
    expect(pod.metadata.labels).toMatchObject({ "sidecar.istio.io/inject": "true", "eastwest.dev/drill": drill.metadata.name, "app.kubernetes.io/managed-by": "eastwest-console" });
    expect(pod.metadata.namespace).toBe("bookinfo");
  });

  it("dies by itself and goes with its drill", () => {
    expect(pod.spec).toMatchObject({ restartPolicy: "Never", activeDeadlineSeconds: 120 + RESTORE_WAIT_MS / 1000 });
    expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: "eastwest.dev/v1alpha1", kind: "FailoverDrill", name: drill.metadata.name, uid: "drill-uid", controller: true, blockOwnerDeletion: false }]);
  });

  it("leaves out what a long or uid-less drill cannot carry", () => {
    const long = drillOf();
    const unnamed = { ...long, metadata: { ...long.metadata, name: `details-${"x".repeat(70)}`, uid: undefined } };
    const other = probePod({ drill: unnamed, port: 9080, maxDurationSeconds: 90.5 });
    expect(other.metadata.labels["eastwest.dev/drill"]).toBeUndefined();
    expect(other.metadata.annotations["eastwest.dev/drill"]).toBe(unnamed.metadata.name);
    expect(other.metadata.ownerReferences).toBeUndefined();
    expect(other.spec.activeDeadlineSeconds).toBe(91 + RESTORE_WAIT_MS / 1000);
  });

  it("runs the documented script", () => {
    const container = (pod.spec.containers as { args: string[]; image: string }[])[0];
    expect(container?.args).toEqual([PROBE_SCRIPT]);
    expect(container?.image).toBe("curlimages/curl:8.11.0");
  });
});

describe("probeUrl", () => {
  it.each([
    [9080, undefined, "http://details.bookinfo.svc.cluster.local:9080/"],
    [80, "health", "http://details.bookinfo.svc.cluster.local:80/health"],
  ])("port %d path %s", (port, path, url) => {
    expect(probeUrl(drillOf(), port, path)).toBe(url);
  });
});

describe("PROBE_SCRIPT", () => {
  it("is the script of docs/real-cluster-probe.md, line for line", () => {
    const block = /      args:\n        - \|\n([\s\S]*?)\n```/.exec(doc)?.[1] ?? "";
    const script = block
      .split("\n")
      .map((line) => line.replace(/^ {10}/, ""))
      .join("\n")
      .trimEnd();
    expect(script.length).toBeGreaterThan(500);
    expect(PROBE_SCRIPT).toBe(script);
  });
});
