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
const RS = t("apps", "ReplicaSet");
const SVC = t("", "Service");
const EP = t("", "Endpoints");
const SLICE = t("discovery.k8s.io", "EndpointSlice");
const IGW = t("install.tetrate.io", "IngressGateway");
const NODE = t("", "Node");

let running: ControllerSet | undefined;
afterEach(() => running?.stop());

function setup(): { store: ClusterStore; settle: () => Promise<void> } {
  const store = createClusterStore("west", types);
  seedSystem(store);
  kubectlApply(store, namespaceManifest("bookinfo"));
  running = startControllers(store, { podReadyDelayMs: 20, podTerminationDelayMs: 200 });
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
      const [rs] = store.list(RS, "bookinfo");
      expect(pod.metadata.name?.startsWith(`${rs?.metadata.name ?? "?"}-`)).toBe(true);
      expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: "ReplicaSet", uid: rs?.metadata.uid, controller: true, blockOwnerDeletion: true });
      expect(rs?.metadata.ownerReferences?.[0]).toMatchObject({ kind: "Deployment", uid: dep.metadata.uid, controller: true });
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
    // Created unbound, bound by the scheduler, then started by the kubelet.
    expect(phases).toEqual(["Pending", "Pending", "ContainerCreating", "Running"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(20);
    const reasons = store.list(t("", "Event"), "bookinfo").map((e) => `${String((e.involvedObject as { kind: string }).kind)} ${String(e.reason)}`);
    expect(reasons.sort()).toEqual(["Deployment ScalingReplicaSet", "Pod Created", "Pod Pulled", "Pod Scheduled", "Pod Started", "ReplicaSet SuccessfulCreate"]);
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

describe("node registration", () => {
  it("the kubelet registers its Node with the cloud's topology labels, the fault-injection label and a Ready status", async () => {
    const { store, settle } = setup();
    await settle();
    const nodes = store.list(NODE);
    expect(nodes.map((n) => n.metadata.name)).toEqual(["west-node-1"]);
    expect(nodes[0]?.metadata.labels).toMatchObject({
      "kubernetes.io/hostname": "west-node-1", "topology.kubernetes.io/region": "lab-west", "topology.kubernetes.io/zone": "lab-west-a",
      // The lab's data plane honours the FailRequests pod annotation (lab/dataplane/pod-annotation-fault.ts).
      "eastwest.dev/fault-injection": "pod-annotation",
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
