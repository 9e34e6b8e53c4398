// For the mesh client's tests: two lab clusters ("west", "east") on one claimed loopback block, each with its
// controllers, real workloads (pods answering on their addresses), its own mesh view and client, east-west
// gateways, one lab CA, and telemetry that keeps the samples. Fixtures are written straight into the stores.
import { createClusterStore } from "../apiserver/store";
import type { ClusterStore, KubeObject, ResourceType } from "../apiserver/types";
import { createTypeRegistry } from "../apiserver/types-registry";
import { startControllers, type ControllerSet } from "../controllers/index";
import { deploymentManifest, kubectlApply, namespaceManifest, serviceManifest } from "../scenarios/seed-util";
import { seedSystem } from "../scenarios/system";
import { claimAddressBlock, type AddressBlock } from "./address-block";
import { startGateways } from "./gateways";
import { createLabCa } from "./lab-ca";
import { createMeshClient } from "./mesh-client";
import { createMeshView, type FlushableMeshView } from "./mesh-view";
import type { ClusterDataPlaneContext, Gateways, MeshClient, MeshResponse, RequestSample, Workloads } from "./types";
import { startWorkloads } from "./workloads";

export const NS = "bookinfo";

/** Calls `attempt` until it yields a value, pausing `intervalMs` between tries; fails after `timeoutMs`. */
export async function pollUntil<T>(what: string, attempt: () => Promise<T | undefined>, o: { timeoutMs: number; intervalMs?: number }): Promise<T> {
  const deadline = performance.now() + o.timeoutMs;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (performance.now() >= deadline) throw new Error(`timed out after ${o.timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, o.intervalMs ?? 25));
  }
}
export const SOURCE = { namespace: "sleep", workload: "sleep" };

export interface MeshTestCluster {
  name: string;
  store: ClusterStore;
  controllers: ControllerSet;
  view: FlushableMeshView;
  client: MeshClient & { close(): void };
  workloads: Workloads;
  gateways: Gateways;
  samples: RequestSample[];
}

export interface MeshTestLab {
  block: AddressBlock;
  west: MeshTestCluster;
  east: MeshTestCluster;
  type(group: string, kind: string): ResourceType;
  apply(cluster: MeshTestCluster, manifest: KubeObject): void;
  stop(): Promise<void>;
}

const types = createTypeRegistry();
const typeOf = (group: string, kind: string): ResourceType => {
  const t = types.byKind(group, kind);
  if (!t) throw new Error(`no ${kind} kind`);
  return t;
};

export async function startMeshTestLab(): Promise<MeshTestLab> {
  const block = await claimAddressBlock(`mesh-client-test-${process.pid}-${Math.random()}`, 2);
  const ca = await createLabCa();
  const start = (name: string, index: number): MeshTestCluster => {
    const store = createClusterStore(name, types);
    seedSystem(store);
    for (const ns of [NS, "istio-system", "xcp-multicluster", "sleep"]) kubectlApply(store, namespaceManifest(ns));
    const controllers = startControllers(store, { podReadyDelayMs: 20, loadBalancerAddresses: (ns, n) => block.loadBalancerAddresses(index, ns, n) });
    const samples: RequestSample[] = [];
    const telemetry = { record: (s: RequestSample) => void samples.push(s), text: () => Promise.resolve("") };
    const ctx: ClusterDataPlaneContext = { cluster: name, clusterIndex: index, addresses: block, store, ca, telemetry };
    const view = createMeshView(ctx);
    const made: { client?: MeshClient } = {};
    const workloads = startWorkloads(ctx, { mesh: () => made.client as MeshClient, lazy: false });
    const client = createMeshClient(ctx, { view, workloads });
    made.client = client;
    const gateways = startGateways(ctx, { view, workloads });
    return { name, store, controllers, view, client, workloads, gateways, samples };
  };
  const west = start("west", 0);
  const east = start("east", 1);
  return {
    block, west, east, type: typeOf,
    apply(cluster, manifest) {
      const group = manifest.apiVersion.includes("/") ? (manifest.apiVersion.split("/")[0] ?? "") : "";
      const t = typeOf(group, manifest.kind);
      const existing = cluster.store.get(t, manifest.metadata.namespace, manifest.metadata.name ?? "");
      if (existing) cluster.store.update(t, { ...existing, spec: manifest.spec }, { fieldManager: "kubectl" });
      else kubectlApply(cluster.store, manifest);
    },
    async stop() {
      for (const c of [west, east]) {
        c.client.close();
        await c.gateways.stop();
        await c.workloads.stop();
        c.view.stop();
        c.controllers.stop();
      }
      await block.release();
    },
  };
}

/** A bookinfo-like service: its Service and a Deployment `<app>-v1` answering on 9080. */
export function deployApp(lab: MeshTestLab, cluster: MeshTestCluster, app: string, replicas = 1): void {
  lab.apply(cluster, serviceManifest({ namespace: NS, app, image: `docker.io/istio/examples-bookinfo-${app}-v1:1.20.2`, port: 9080 }));
  lab.apply(cluster, deploymentManifest({ namespace: NS, app, version: "v1", image: `docker.io/istio/examples-bookinfo-${app}-v1:1.20.2`, port: 9080, replicas }));
}

export function scale(lab: MeshTestLab, cluster: MeshTestCluster, name: string, replicas: number): void {
  const t = lab.type("apps", "Deployment");
  const dep = cluster.store.get(t, NS, name);
  if (!dep) throw new Error(`no Deployment ${name}`);
  cluster.store.update(t, { ...dep, spec: { ...(dep.spec as object), replicas } }, { fieldManager: "kubectl" });
}

/** The gateway Service's published addresses, once the service controller has written them. */
export function gatewayAddresses(lab: MeshTestLab, cluster: MeshTestCluster): Promise<string[]> {
  return pollUntil(`${cluster.name}'s gateway addresses`, () => {
    const svc = cluster.store.get(lab.type("", "Service"), NS, "eastwest-gateway");
    const ingress = (svc?.status as { loadBalancer?: { ingress?: Array<{ ip?: string }> } } | undefined)?.loadBalancer?.ingress ?? [];
    const ips = ingress.flatMap((i) => (i.ip ? [i.ip] : []));
    return Promise.resolve(ips.length > 0 ? ips : undefined);
  }, { timeoutMs: 10_000 });
}

export function send(cluster: MeshTestCluster, url: string, timeoutMs?: number): Promise<MeshResponse> {
  return cluster.client.request({ url, source: SOURCE, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
}

/** Sends requests until one satisfies `accept` (the data plane follows the stores after a debounced push). */
export function sendUntil(what: string, cluster: MeshTestCluster, url: string, accept: (r: MeshResponse) => boolean, timeoutMs = 10_000): Promise<MeshResponse> {
  return pollUntil(what, async () => {
    const r = await send(cluster, url);
    return accept(r) ? r : undefined;
  }, { timeoutMs, intervalMs: 10 });
}
