import { beforeEach, describe, expect, it } from "vitest";
import { createClusterStore, createTypeRegistry, type ClusterStore, type KubeObject, type ResourceType } from "../apiserver/index";
import { createProbeLogStore, type ProbeLogStore } from "../dataplane/probe-log";
import { createLogProvider } from "./log-provider";

const STARTED = "2026-12-05T01:00:00Z";

describe("createLogProvider", () => {
  let store: ClusterStore;
  let podType: ResourceType;
  let probes: ProbeLogStore;

  const createPod = (name: string, containers: Array<Record<string, unknown>>, annotations: Record<string, string> = {}, started = true): KubeObject => {
    store.create(podType, { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "default", annotations }, spec: { containers } });
    const pod = store.get(podType, "default", name) as KubeObject;
    const containerStatuses = containers.map((c) => ({ name: c.name, state: started ? { running: { startedAt: STARTED } } : { waiting: { reason: "ContainerCreating" } } }));
    return store.update(podType, { ...pod, status: { phase: started ? "Running" : "Pending", podIP: "10.244.0.7", containerStatuses } }, { subresource: "status" });
  };

  beforeEach(() => {
    const types = createTypeRegistry();
    store = createClusterStore("west", types);
    podType = types.byKind("", "Pod") as ResourceType;
    store.create(types.byKind("", "Namespace") as ResourceType, { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" } });
    probes = createProbeLogStore();
  });

  it.each([
    ["an app", [{ name: "details", image: "bookinfo/details:1.20", ports: [{ containerPort: 9080 }] }], "details", /^2026-12-05T01:00:00\.000Z INFO starting details/, 4],
    ["the sidecar", [{ name: "app", image: "x" }, { name: "istio-proxy", image: "proxyv2" }], "istio-proxy", /^2026-12-05T01:00:00\.000Z\tinfo\tFLAG: --domain="default.svc.cluster.local"$/, 7],
    ["a sleep client", [{ name: "sleep", image: "curl", command: ["/bin/sleep", "infinity"] }], "sleep", undefined, 0],
  ])("%s: its lines, stamped from the container's start", (_name, containers, container, first, count) => {
    createPod("p", containers);
    const log = createLogProvider(store, probes).open?.("default", "p", container);
    expect(log?.entries).toHaveLength(count);
    if (!first) return;
    expect(log?.entries[0]?.text).toMatch(first);
    expect(log?.entries[0]?.time?.toISOString()).toBe("2026-12-05T01:00:00.000Z");
  });

  it("plain text is the same lines (what a provider without open() would serve)", () => {
    createPod("p", [{ name: "details", image: "d" }]);
    const provider = createLogProvider(store, probes);
    expect(provider("default", "p")).toBe(`${(provider.open?.("default", "p", "details")?.entries ?? []).map((e) => `${e.text}\n`).join("")}`);
    expect(provider("default", "ghost")).toBeUndefined();
    expect(provider("default", "p", "nope")).toBeUndefined();
  });

  it("a running container can be followed until its pod is deleted", () => {
    createPod("p", [{ name: "details", image: "d" }]);
    let ended = 0;
    const unsubscribe = createLogProvider(store, probes).open?.("default", "p", "details")?.follow?.(() => undefined, () => ended++);
    expect(unsubscribe).toBeTypeOf("function");
    createPod("other", [{ name: "details", image: "d" }]);
    expect(ended).toBe(0);
    store.delete(podType, "default", "p");
    expect(ended).toBe(1);
  });

  it("a container that has not started has no lines and no follow", () => {
    createPod("p", [{ name: "details", image: "d" }], {}, false);
    expect(createLogProvider(store, probes).open?.("default", "p", "details")).toEqual({ entries: [] });
  });

  it("a probe pod's first container is its probe log; its sidecar keeps Envoy's lines", () => {
    const pod = createPod("probe", [{ name: "probe", image: "curl" }, { name: "istio-proxy", image: "proxyv2" }], { "eastwest.dev/probe-url": "http://details.bookinfo:9080/" });
    const provider = createLogProvider(store, probes);
    expect(provider.open?.("default", "probe", "probe")).toEqual({ entries: [] });
    probes.begin(pod.metadata.uid ?? "");
    probes.append(pod.metadata.uid ?? "", '{"ts":"…","status":200}');
    expect(provider.open?.("default", "probe", "probe")?.entries.map((e) => e.text)).toEqual(['{"ts":"…","status":200}']);
    expect(provider.open?.("default", "probe", "probe")?.follow).toBeTypeOf("function");
    expect(provider.open?.("default", "probe", "istio-proxy")?.entries[6]?.text).toMatch(/Envoy proxy is ready$/);
  });
});
