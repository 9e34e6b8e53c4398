import { afterEach, describe, expect, it } from "vitest";
import { createClusterStore } from "../apiserver/store";
import { createTypeRegistry } from "../apiserver/types-registry";
import type { ClusterStore, KubeObject } from "../apiserver/types";
import { seedSystem } from "../scenarios/system";
import { deploymentManifest, kubectlApply, namespaceManifest, serviceManifest } from "../scenarios/seed-util";
import { startControllers, type ControllerSet } from "./index";
import { loadBalancerAddresses } from "./load-balancer";

const types = createTypeRegistry();
const t = (group: string, kind: string) => {
  const type = types.byKind(group, kind);
  if (!type) throw new Error(kind);
  return type;
};
const POD = t("", "Pod");
const DEPLOY = t("apps", "Deployment");
const SVC = t("", "Service");
const EP = t("", "Endpoints");
const SLICE = t("discovery.k8s.io", "EndpointSlice");
const IGW = t("install.tetrate.io", "IngressGateway");
const NODE = t("", "Node");

let running: ControllerSet | undefined;
const runningSet = (): ControllerSet | undefined => running;
afterEach(() => running?.stop());

const TERMINATION_MS = 200;

function setup(): { store: ClusterStore; settle: () => Promise<void> } {
  const store = createClusterStore("west", types);
  seedSystem(store);
  kubectlApply(store, namespaceManifest("bookinfo"));
  running = startControllers(store, { podReadyDelayMs: 20, podTerminationDelayMs: TERMINATION_MS });
  const controllers = running;
  return { store, settle: () => controllers.waitForIdle(5000) };
}

const app = { namespace: "bookinfo", app: "details", version: "v1", image: "img:1", port: 9080 };

describe("deployment controller and kubelet", () => {
  it("creates named, labelled, owned pods that become Ready, and reports Available", async () => {
    const { store, settle } = setup();
    const dep = kubectlApply(store, deploymentManifest({ ...app, replicas: 2 }));
    await settle();
    const pods = store.list(POD, "bookinfo");
    expect(pods).toHaveLength(2);
    for (const pod of pods) {
      expect(pod.metadata.name).toMatch(/^details-v1-[bcdfghjklmnpqrstvwxz2456789]{10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(pod.metadata.labels).toMatchObject({ app: "details", version: "v1", "pod-template-hash": expect.any(String) });
      expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: "Deployment", uid: dep.metadata.uid, controller: true });
      expect(pod.spec).toMatchObject({ nodeName: "west-node-1" });
      expect(pod.status).toMatchObject({ phase: "Running", podIP: expect.stringMatching(/^10\.244\./) });
    }
    const status = store.get(DEPLOY, "bookinfo", "details-v1")?.status as Record<string, unknown>;
    expect(status).toMatchObject({ replicas: 2, readyReplicas: 2, updatedReplicas: 2, availableReplicas: 2, observedGeneration: 1 });
    expect(status.conditions).toEqual(expect.arrayContaining([expect.objectContaining({ type: "Available", status: "True" })]));
  });

  it("after boot, a new pod is ContainerCreating for the configured delay before it is Running", async () => {
    const { store, settle } = setup();
    await settle(); // boot over: the seeded world starts Running at once, later pods take the delay
    const phases: string[] = [];
    const stop = store.watch(POD, undefined, (event) => {
      const status = event.object.status as { phase?: string; containerStatuses?: Array<{ state: Record<string, unknown> }> } | undefined;
      const waiting = status?.containerStatuses?.[0]?.state.waiting as { reason?: string } | undefined;
      phases.push(waiting?.reason ?? status?.phase ?? "");
    });
    const started = Date.now();
    kubectlApply(store, deploymentManifest(app));
    await settle();
    stop();
    expect(phases).toEqual(["Pending", "ContainerCreating", "Running"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(20);
    const reasons = store.list(t("", "Event"), "bookinfo").map((e) => `${String((e.involvedObject as { kind: string }).kind)} ${String(e.reason)}`);
    expect(reasons.sort()).toEqual(["Deployment ScalingReplicaSet", "Pod Created", "Pod Pulled", "Pod Scheduled", "Pod Started"]);
  });

  it("schedules and starts a bare pod", async () => {
    const { store, settle } = setup();
    await settle();
    const spec = { containers: [{ name: "c", image: "img:1" }] };
    store.create(POD, { apiVersion: "v1", kind: "Pod", metadata: { name: "bare", namespace: "bookinfo" }, spec });
    await settle();
    expect(store.get(POD, "bookinfo", "bare")).toMatchObject({ spec: { nodeName: "west-node-1" }, status: { phase: "Running" } });
  });

  it("scales down and up on spec.replicas", async () => {
    const { store, settle } = setup();
    kubectlApply(store, deploymentManifest({ ...app, replicas: 3 }));
    await settle();
    for (const replicas of [1, 0, 2]) {
      const dep = store.get(DEPLOY, "bookinfo", "details-v1") as KubeObject;
      store.update(DEPLOY, { ...dep, spec: { ...(dep.spec as object), replicas } });
      await settle();
      expect(store.list(POD, "bookinfo")).toHaveLength(replicas);
      expect((store.get(DEPLOY, "bookinfo", "details-v1")?.status as { readyReplicas?: number }).readyReplicas ?? 0).toBe(replicas);
    }
  });

  it("converges to an identical status (a settled cluster writes nothing)", async () => {
    const { store, settle } = setup();
    kubectlApply(store, deploymentManifest(app));
    await settle();
    const rv = store.currentResourceVersion();
    await settle();
    expect(store.currentResourceVersion()).toBe(rv);
  });
});

describe("endpoints controller", () => {
  it("publishes ready pods in Endpoints and an EndpointSlice named after the Service's ports", async () => {
    const { store, settle } = setup();
    kubectlApply(store, serviceManifest(app));
    kubectlApply(store, deploymentManifest({ ...app, replicas: 2 }));
    await settle();
    const ep = store.get(EP, "bookinfo", "details") as KubeObject & { subsets: Array<{ addresses: unknown[]; ports: unknown[] }> };
    expect(ep.subsets[0]?.addresses).toHaveLength(2);
    expect(ep.subsets[0]?.ports).toEqual([{ name: "http", port: 9080, protocol: "TCP" }]);
    const slices = store.list(SLICE, "bookinfo");
    expect(slices).toHaveLength(1);
    expect(slices[0]?.metadata.labels).toMatchObject({ "kubernetes.io/service-name": "details" });
    expect(slices[0]?.ports).toEqual([{ name: "http", port: 9080, protocol: "TCP" }]);
    expect(slices[0]?.endpoints).toEqual(
      expect.arrayContaining([expect.objectContaining({ conditions: { ready: true, serving: true, terminating: false }, targetRef: expect.objectContaining({ kind: "Pod" }) })]),
    );
  });

  it("deletes Endpoints and the slice with the Service", async () => {
    const { store, settle } = setup();
    kubectlApply(store, serviceManifest(app));
    await settle();
    store.delete(SVC, "bookinfo", "details");
    await settle();
    expect(store.get(EP, "bookinfo", "details")).toBeUndefined();
    expect(store.list(SLICE, "bookinfo")).toHaveLength(0);
  });
});

describe("pod faults", () => {
  it("fail takes a pod out of Endpoints, stop terminates it, none heals it (with a restart after stop)", async () => {
    const { store, settle } = setup();
    kubectlApply(store, serviceManifest(app));
    kubectlApply(store, deploymentManifest(app));
    await settle();
    const pod = store.list(POD, "bookinfo")[0]?.metadata.name ?? "";
    const subset = () => (store.get(EP, "bookinfo", "details") as KubeObject & { subsets: Array<Record<string, unknown[]>> }).subsets[0];
    const container = () => (store.get(POD, "bookinfo", pod)?.status as { containerStatuses: Array<Record<string, unknown>> }).containerStatuses[0];
    expect(running?.setPodFault("bookinfo", pod, "fail")).toBe(true);
    await settle();
    expect(subset()?.addresses).toBeUndefined();
    expect(subset()?.notReadyAddresses).toHaveLength(1);
    expect(store.get(DEPLOY, "bookinfo", "details-v1")?.status).toMatchObject({ unavailableReplicas: 1 });
    running?.setPodFault("bookinfo", pod, "stop");
    await settle();
    expect(container()?.state).toMatchObject({ terminated: { exitCode: 137, reason: "Error" } });
    running?.setPodFault("bookinfo", pod, "none");
    await settle();
    expect(subset()?.addresses).toHaveLength(1);
    expect(container()).toMatchObject({ ready: true, restartCount: 1, state: { running: expect.any(Object) } });
    expect(running?.setPodFault("bookinfo", "no-such-pod", "fail")).toBe(false);
  });
});

describe("pod lifecycle: graceful termination", () => {
  type Slice = { endpoints: Array<{ targetRef: { name: string }; conditions: Record<string, boolean> }> };
  const sliceConditions = (store: ClusterStore, pod: string) =>
    (store.list(SLICE, "bookinfo")[0] as unknown as Slice | undefined)?.endpoints.find((e) => e.targetRef.name === pod)?.conditions;
  const endpointNames = (store: ClusterStore) =>
    ((store.get(EP, "bookinfo", "details")?.subsets ?? []) as Array<Record<string, Array<{ targetRef: { name: string } }> | undefined>>)
      .flatMap((s) => [...(s.addresses ?? []), ...(s.notReadyAddresses ?? [])].map((a) => a.targetRef.name));
  async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  async function withApp(replicas: number) {
    const { store, settle } = setup();
    kubectlApply(store, serviceManifest(app));
    kubectlApply(store, deploymentManifest({ ...app, replicas }));
    await settle();
    return { store, settle };
  }

  it("a deleted pod is Terminating for its grace period, serving but not ready in the slice, out of Endpoints, then gone", async () => {
    const { store, settle } = await withApp(1);
    const pod = store.list(POD, "bookinfo")[0] as KubeObject;
    const name = pod.metadata.name ?? "";
    const ip = (pod.status as { podIP: string }).podIP;
    const before = Date.now();
    const { object, gone } = store.delete(POD, "bookinfo", name);
    expect(gone).toBe(false);
    expect(object.metadata.deletionGracePeriodSeconds).toBe(30);
    const deadline = Date.parse(object.metadata.deletionTimestamp ?? "");
    expect(deadline).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 29_000);
    expect(deadline).toBeLessThanOrEqual(Date.now() + 31_000);
    const conditions = await until("the slice to show the pod terminating", () => (sliceConditions(store, name)?.terminating ? sliceConditions(store, name) : undefined));
    expect(conditions).toEqual({ ready: false, serving: true, terminating: true });
    expect(endpointNames(store)).toEqual([]);
    expect(store.get(POD, "bookinfo", name)?.status).toMatchObject({ phase: "Running" });
    // The Deployment does not count a terminating pod: its replacement is created at once.
    await until("a replacement pod", () => (store.list(POD, "bookinfo").length === 2 ? true : undefined));
    await settle();
    expect(store.get(POD, "bookinfo", name)).toBeUndefined();
    expect(Date.now() - before).toBeGreaterThanOrEqual(TERMINATION_MS - 10);
    const events = store.list(t("", "Event"), "bookinfo").filter((e) => (e.involvedObject as { name: string }).name === name);
    expect(events.map((e) => `${String(e.reason)}: ${String(e.message)}`)).toContain("Killing: Stopping container details");
    const replacement = store.list(POD, "bookinfo")[0] as KubeObject;
    expect(replacement.metadata.name).not.toBe(name);
    expect(sliceConditions(store, name)).toBeUndefined();
    // The IP went back to the pool: the next pods may get it again, never while the old pod held it.
    expect((replacement.status as { podIP: string }).podIP).not.toBe(ip);
  });

  it("the kubelet writes the terminal phase before it removes the pod", async () => {
    const { store, settle } = await withApp(1);
    const name = store.list(POD, "bookinfo")[0]?.metadata.name ?? "";
    const seen: Array<{ type: string; phase?: string; ready?: string }> = [];
    const stop = store.watch(POD, undefined, (event) => {
      if (event.object.metadata.name !== name) return;
      const status = event.object.status as { phase?: string; conditions?: Array<{ type: string; status: string }> };
      seen.push({ type: event.type, phase: status.phase, ready: status.conditions?.find((c) => c.type === "Ready")?.status });
    });
    store.delete(POD, "bookinfo", name);
    await settle();
    stop();
    expect(seen).toEqual([
      { type: "MODIFIED", phase: "Running", ready: "True" },
      { type: "MODIFIED", phase: "Succeeded", ready: "False" },
      { type: "DELETED", phase: "Succeeded", ready: "False" },
    ]);
  });

  it("scaling to 0 terminates the pods the same way", async () => {
    const { store, settle } = await withApp(2);
    const names = store.list(POD, "bookinfo").map((p) => p.metadata.name ?? "");
    const dep = store.get(DEPLOY, "bookinfo", "details-v1") as KubeObject;
    store.update(DEPLOY, { ...dep, spec: { ...(dep.spec as object), replicas: 0 } });
    await until("both pods terminating in the slice", () => (names.every((n) => sliceConditions(store, n)?.terminating) ? true : undefined));
    for (const n of names) expect(sliceConditions(store, n)).toEqual({ ready: false, serving: true, terminating: true });
    expect(store.list(POD, "bookinfo").every((p) => p.metadata.deletionTimestamp !== undefined)).toBe(true);
    await settle();
    expect(store.list(POD, "bookinfo")).toHaveLength(0);
    expect((store.list(SLICE, "bookinfo")[0] as unknown as Slice).endpoints).toEqual([]);
  });

  it.each([
    ["an unscheduled pod", { nodeName: undefined, terminationGracePeriodSeconds: 30 }],
    ["a pod whose grace period is 0", { nodeName: "west-node-1", terminationGracePeriodSeconds: 0 }],
  ])("%s is deleted at once", async (_what, spec) => {
    const { store } = setup();
    const body = { apiVersion: "v1", kind: "Pod", metadata: { name: "now", namespace: "bookinfo" }, spec: { containers: [{ name: "c", image: "img:1" }], ...spec } };
    store.create(POD, body as KubeObject);
    expect(store.delete(POD, "bookinfo", "now").gone).toBe(true);
    expect(store.get(POD, "bookinfo", "now")).toBeUndefined();
  });

  it("a second delete does not restart the grace period", async () => {
    const { store } = await withApp(1);
    const name = store.list(POD, "bookinfo")[0]?.metadata.name ?? "";
    const first = store.delete(POD, "bookinfo", name).object;
    const second = store.delete(POD, "bookinfo", name).object;
    expect(second.metadata.deletionTimestamp).toBe(first.metadata.deletionTimestamp);
    expect(second.metadata.resourceVersion).toBe(first.metadata.resourceVersion);
  });

  it("gracePeriodSeconds 0 removes a running pod at once; a shorter one shortens a pending deletion", async () => {
    const { store } = await withApp(2);
    const [a, b] = store.list(POD, "bookinfo").map((p) => p.metadata.name ?? "");
    expect(store.delete(POD, "bookinfo", a ?? "", { gracePeriodSeconds: 0 }).gone).toBe(true);
    const first = store.delete(POD, "bookinfo", b ?? "", { gracePeriodSeconds: 20 }).object;
    expect(first.metadata.deletionGracePeriodSeconds).toBe(20);
    const shorter = store.delete(POD, "bookinfo", b ?? "", { gracePeriodSeconds: 5 }).object;
    expect(shorter.metadata.deletionGracePeriodSeconds).toBe(5);
    expect(Date.parse(shorter.metadata.deletionTimestamp ?? "") - Date.parse(first.metadata.deletionTimestamp ?? "")).toBe(-15_000);
    expect(store.delete(POD, "bookinfo", b ?? "", { gracePeriodSeconds: 10 }).object.metadata.deletionGracePeriodSeconds).toBe(5);
    expect(store.delete(POD, "bookinfo", b ?? "", { gracePeriodSeconds: 0 }).gone).toBe(true);
  });

  it("the termination delay is capped by the grace period", async () => {
    const store = createClusterStore("west", types);
    seedSystem(store);
    kubectlApply(store, namespaceManifest("bookinfo"));
    running = startControllers(store, { podReadyDelayMs: 20, podTerminationDelayMs: 60_000 });
    const controllers = running;
    const body = { apiVersion: "v1", kind: "Pod", metadata: { name: "quick", namespace: "bookinfo" }, spec: { terminationGracePeriodSeconds: 1, containers: [{ name: "c", image: "img:1" }] } };
    store.create(POD, body);
    await until("quick running", () => (store.get(POD, "bookinfo", "quick")?.status as { phase?: string } | undefined)?.phase === "Running" || undefined);
    const started = Date.now();
    store.delete(POD, "bookinfo", "quick");
    await controllers.waitForIdle(5000);
    expect(store.get(POD, "bookinfo", "quick")).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("a pod deleted while its container is stopped goes at once (nothing left to stop), as Failed", async () => {
    const { store, settle } = await withApp(1);
    const name = store.list(POD, "bookinfo")[0]?.metadata.name ?? "";
    runningSet()?.setPodFault("bookinfo", name, "stop");
    await settle();
    const phases: string[] = [];
    const stop = store.watch(POD, undefined, (e) => void (e.object.metadata.name === name && phases.push(String((e.object.status as { phase?: string }).phase))));
    const started = Date.now();
    store.delete(POD, "bookinfo", name);
    await until("the stopped pod gone", () => (store.get(POD, "bookinfo", name) ? undefined : true));
    stop();
    expect(Date.now() - started).toBeLessThan(TERMINATION_MS - 10);
    // Its container was killed (exit 137), so the pod ends Failed, not Succeeded.
    expect(phases).toEqual(["Running", "Failed", "Failed"]);
  });
});

describe("node registration", () => {
  it("the kubelet registers its Node with the cloud's topology labels and a Ready status", async () => {
    const { store, settle } = setup();
    await settle();
    const nodes = store.list(NODE);
    expect(nodes.map((n) => n.metadata.name)).toEqual(["west-node-1"]);
    expect(nodes[0]?.metadata.labels).toMatchObject({
      "kubernetes.io/hostname": "west-node-1", "topology.kubernetes.io/region": "lab-west", "topology.kubernetes.io/zone": "lab-west-a",
    });
    expect(nodes[0]?.metadata.namespace).toBeUndefined();
    const status = nodes[0]?.status as { conditions: Array<{ type: string; status: string }>; addresses: unknown[]; nodeInfo: { kubeletVersion: string } };
    expect(status.conditions.find((c) => c.type === "Ready")?.status).toBe("True");
    expect(status.addresses).toContainEqual({ type: "InternalIP", address: "172.18.0.2" });
    expect(status.nodeInfo.kubeletVersion).toMatch(/^v1\.32\.\d+$/);
  });

  it("binds every pod to a registered Node, and a restarted kubelet registers nothing twice", async () => {
    const { store, settle } = setup();
    kubectlApply(store, deploymentManifest({ ...app, replicas: 2 }));
    store.create(POD, { apiVersion: "v1", kind: "Pod", metadata: { name: "bare", namespace: "bookinfo" }, spec: { containers: [{ name: "c", image: "img:1" }] } });
    await settle();
    const registered = new Set(store.list(NODE).map((n) => n.metadata.name));
    const bound = store.list(POD, "bookinfo").map((p) => (p.spec as { nodeName?: string }).nodeName);
    expect(bound).toHaveLength(3);
    for (const nodeName of bound) expect(registered.has(nodeName)).toBe(true);
    const before = store.get(NODE, undefined, "west-node-1")?.metadata.resourceVersion;
    running?.stop();
    running = startControllers(store, { podReadyDelayMs: 20 });
    await running.waitForIdle(5000);
    expect(store.list(NODE)).toHaveLength(1);
    expect(store.get(NODE, undefined, "west-node-1")?.metadata.resourceVersion).toBe(before);
  });

  it("leaves a pod Pending while the only Node is cordoned, and binds it once the Node is schedulable again", async () => {
    const { store, settle } = setup();
    await settle();
    const cordon = (unschedulable: boolean) => {
      const node = store.get(NODE, undefined, "west-node-1");
      if (!node) throw new Error("no node");
      store.update(NODE, { ...node, spec: { ...(node.spec as object), unschedulable } });
    };
    cordon(true);
    store.create(POD, { apiVersion: "v1", kind: "Pod", metadata: { name: "waits", namespace: "bookinfo" }, spec: { containers: [{ name: "c", image: "img:1" }] } });
    await settle();
    expect(store.get(POD, "bookinfo", "waits")).toMatchObject({ status: { phase: "Pending" } });
    expect((store.get(POD, "bookinfo", "waits")?.spec as { nodeName?: string }).nodeName).toBeUndefined();
    const reasons = store.list(t("", "Event"), "bookinfo").map((e) => String(e.reason));
    expect(reasons).toContain("FailedScheduling");
    cordon(false);
    await settle();
    expect(store.get(POD, "bookinfo", "waits")).toMatchObject({ spec: { nodeName: "west-node-1" }, status: { phase: "Running" } });
  });
});

describe("gateway installer", () => {
  const gateway = (spec: Record<string, unknown>): KubeObject => ({
    apiVersion: "install.tetrate.io/v1alpha1", kind: "IngressGateway", metadata: { name: "eastwest-gateway", namespace: "bookinfo" }, spec,
  });

  it("creates an east-west Deployment and a 15443-only LoadBalancer Service with three loopback addresses", async () => {
    const { store, settle } = setup();
    store.create(IGW, gateway({ eastWestOnly: true }));
    await settle();
    const svc = store.get(SVC, "bookinfo", "eastwest-gateway") as KubeObject & { spec: { type: string; ports: Array<Record<string, unknown>> } };
    expect(svc.spec.type).toBe("LoadBalancer");
    expect(svc.spec.ports.map((p) => p.port)).toEqual([15443]);
    expect(svc.spec.ports[0]?.nodePort).toEqual(expect.any(Number));
    const ingress = (svc.status as { loadBalancer: { ingress: Array<{ ip: string }> } }).loadBalancer.ingress.map((i) => i.ip);
    expect(ingress).toEqual(loadBalancerAddresses("west", "bookinfo", "eastwest-gateway"));
    expect(new Set(ingress).size).toBe(3);
    for (const ip of ingress) expect(ip).toMatch(/^127\.(?!0\.0\.)\d+\.\d+\.[123]$/);
    const pods = store.list(POD, "bookinfo").filter((p) => p.metadata.labels?.app === "eastwest-gateway");
    expect(pods).toHaveLength(1);
    expect(pods[0]?.metadata.labels?.istio).toBe("eastwestgateway");
    // Kubernetes 1.32 does not copy the node's topology labels onto pods: locality is read from the pod's Node.
    expect(Object.keys(pods[0]?.metadata.labels ?? {}).filter((k) => k.startsWith("topology."))).toEqual([]);
    expect(pods[0]?.spec).toMatchObject({ nodeName: "west-node-1" });
    expect(store.get(IGW, "bookinfo", "eastwest-gateway")?.status).toMatchObject({ phase: "Ready" });
  });

  it("gives a plain ingress gateway 80/443/15443 and honours kubeSpec.service.type", async () => {
    const { store, settle } = setup();
    store.create(IGW, gateway({ kubeSpec: { service: { type: "NodePort" } } }));
    await settle();
    const svc = store.get(SVC, "bookinfo", "eastwest-gateway") as KubeObject & { spec: { type: string; ports: Array<{ port: number }> } };
    expect(svc.spec.type).toBe("NodePort");
    expect(svc.spec.ports.map((p) => p.port)).toEqual([80, 443, 15443]);
  });

  it("garbage-collects the Deployment, Service, pods and slices when the CR is deleted", async () => {
    const { store, settle } = setup();
    store.create(IGW, gateway({ eastWestOnly: true }));
    await settle();
    store.delete(IGW, "bookinfo", "eastwest-gateway");
    await settle();
    expect(store.get(DEPLOY, "bookinfo", "eastwest-gateway")).toBeUndefined();
    expect(store.get(SVC, "bookinfo", "eastwest-gateway")).toBeUndefined();
    expect(store.list(POD, "bookinfo")).toHaveLength(0);
    expect(store.list(SLICE, "bookinfo")).toHaveLength(0);
  });
});
