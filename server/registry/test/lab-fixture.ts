// Test-only support for the registry's integration tests (imported by *.int.test.ts only; product code never
// imports it, since it starts the lab): a demo lab on ephemeral ports, kubectl against its kubeconfig, the
// list-based fleet snapshot, writers that count their writes, and "run until a cycle writes nothing".
import { KUBECTL } from "@/server/testing/kubectl-path";
import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, vi } from "vitest";
import type { ScenarioName } from "@/lab/scenarios/index";
import { startLab, type Lab } from "@/lab/start";
import { loadKubeconfig, type ClusterHandle } from "@/server/kube/kubeconfig";
import { createFleetLister, type FleetLister } from "@/server/kube/writer-fleet-lister";
import { createClusterWriter, type ClusterWriter } from "@/server/kube/writer";
import type { Registry, SnapshotSource } from "../controller";
import { startRegistryOnSource, type SourceRegistry, type SourceRegistryDeps } from "../model-registry";

export type WriteLog = Array<{ cluster: string; op: "apply" | "delete" | "event"; id: string; force?: boolean }>;

export type RegistryLab = {
  lab: Lab;
  handles: ClusterHandle[];
  kubectl(context: string, args: string[], stdin?: string): Promise<string>;
  newLister(): FleetLister;
  sourceOf(lister: FleetLister): SnapshotSource;
  /** A source that re-lists every `ms` and notifies subscribers, like a (slow) informer; stop it with the returned function. */
  pollingSource(lister: FleetLister, ms: number): SnapshotSource & { stop(): void };
  /** Writers that record every write into `log` (and run `before` first, e.g. a leadership check). */
  writers(log: WriteLog, before?: () => void): (cluster: string) => ClusterWriter | undefined;
  stop(): Promise<void>;
};

/** `scenario`: the lab's world (default the demo: no gateways yet, nothing exposed). */
export async function startRegistryLab(scenario: ScenarioName = "demo"): Promise<RegistryLab> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "eastwest-registry-"));
  const lab = await startLab({ scenario, portBase: 0, adminPort: 0, kubeconfigPath: path.join(dir, "kubeconfig"), podReadyDelayMs: 20 });
  const loaded = await loadKubeconfig([lab.kubeconfigPath], []);
  if (!loaded.ok) throw new Error(loaded.error.message);
  const handles = loaded.clusters;
  const kubectl = (context: string, args: string[], stdin?: string) =>
    new Promise<string>((resolve, reject) => {
      const child = execFile(KUBECTL, ["--kubeconfig", lab.kubeconfigPath, "--context", context, ...args], { timeout: 30_000 }, (err, stdout, stderr) =>
        err ? reject(new Error(`kubectl ${args.join(" ")}: ${stderr || err.message}`)) : resolve(stdout),
      );
      if (stdin !== undefined) child.stdin?.end(stdin);
    });
  const writers = (log: WriteLog, before?: () => void) => {
    const byCluster = new Map(handles.map((h) => [h.name, createClusterWriter(h, { timeoutMs: 3_000 })]));
    return (cluster: string): ClusterWriter | undefined => {
      const inner = byCluster.get(cluster);
      if (!inner) return undefined;
      return {
        apply: (object, lock, how) => {
          before?.();
          log.push({ cluster, op: "apply", id: `${object.kind} ${object.metadata.namespace}/${object.metadata.name}`, ...(how?.force ? { force: true } : {}) });
          return inner.apply(object, lock, how);
        },
        recordDrift: (event) => {
          log.push({ cluster, op: "event", id: `${event.object.kind} ${event.object.namespace}/${event.object.name}` });
          return inner.recordDrift ? inner.recordDrift(event) : Promise.resolve({ ok: true });
        },
        delete: (ref, pre) => {
          before?.();
          log.push({ cluster, op: "delete", id: `${ref.kind} ${ref.namespace}/${ref.name}` });
          return inner.delete(ref, pre);
        },
      };
    };
  };
  return {
    lab,
    handles,
    kubectl,
    newLister: () => createFleetLister(handles, { timeoutMs: 2_000 }),
    sourceOf: (lister) => ({ current: () => lister.current(), subscribe: () => () => undefined }),
    pollingSource: (lister, ms) => {
      const listeners = new Set<() => void>();
      let busy = false;
      const timer = setInterval(() => {
        if (busy) return;
        busy = true;
        void lister.refresh().then(() => {
          busy = false;
          for (const l of listeners) l();
        });
      }, ms);
      return {
        current: () => lister.current(),
        subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
        stop: () => clearInterval(timer),
      };
    },
    writers,
    stop: () => lab.stop(),
  };
}

/** Refresh + reconcile until a cycle writes nothing (bounded); returns how many writes it took. */
export async function converge(lister: FleetLister, registry: Registry, maxCycles = 6): Promise<number> {
  const start = registry.writes();
  for (let cycle = 0; cycle < maxCycles; cycle++) {
    const before = registry.writes();
    await lister.refresh();
    await registry.reconcileNow();
    const after = registry.writes();
    if (after.applied + after.deleted === before.applied + before.deleted) {
      const end = registry.writes();
      return end.applied + end.deleted - start.applied - start.deleted;
    }
  }
  throw new Error(`registry did not converge in ${maxCycles} cycles`);
}

const GATEWAY = (ns: string) => `apiVersion: install.tetrate.io/v1alpha1
kind: IngressGateway
metadata: { name: eastwest-gateway, namespace: ${ns} }
spec: { eastWestOnly: true }
`;

export const EXPOSE_DETAILS_AND_REVIEWS = `apiVersion: settings.tetrate.io/v1alpha1
kind: WorkspaceSetting
metadata:
  name: bookinfo-ws-setting
  namespace: bookinfo
  annotations: { tsb.tetrate.io/organization: tetrate, tsb.tetrate.io/tenant: tetrate, tsb.tetrate.io/workspace: bookinfo-ws }
spec:
  workspace: bookinfo-ws
  defaultEastWestGatewaySettings:
    workloadSelector: { app: eastwest-gateway }
    exposedServices: [details.bookinfo.svc.cluster.local, reviews.bookinfo.svc.cluster.local]
`;

/** The seed's steps 1–3: gateways in every cluster, details and reviews exposed; waits for LB addresses. */
export async function exposeWithGateways(env: RegistryLab): Promise<Record<string, string[]>> {
  await env.kubectl("west", ["apply", "-f", "-"], EXPOSE_DETAILS_AND_REVIEWS);
  for (const c of ["west", "east", "north"]) await env.kubectl(c, ["apply", "-f", "-"], GATEWAY("bookinfo"));
  const addresses: Record<string, string[]> = {};
  for (const c of ["west", "east", "north"]) {
    await vi.waitFor(async () => {
      const out = await env.kubectl(c, ["get", "svc", "eastwest-gateway", "-n", "bookinfo", "-o", "jsonpath={.status.loadBalancer.ingress[*].ip}"]);
      addresses[c] = out.split(" ").filter((s) => s !== "");
      expect(addresses[c]?.length).toBe(3);
    }, { timeout: 20_000, interval: 100 });
  }
  return addresses;
}

/**
 * A registry on this lab as most integration tests want it: its own fleet model on the lister's snapshots
 * (planner on this thread, inputs and outputs deep-frozen), standalone, the lab's loopback gateway addresses
 * allowed, west managing, and no timer of its own (`converge` drives every cycle). `overrides` change any of it.
 */
export function startLabRegistry(env: RegistryLab, lister: FleetLister, log: WriteLog, overrides: Partial<SourceRegistryDeps> = {}): SourceRegistry {
  return startRegistryOnSource({ mode: "standalone", allowLoopbackGatewayAddresses: true, source: env.sourceOf(lister), writerFor: env.writers(log), managementCluster: "west", resyncMs: 3_600_000, coalesceMs: 0, ...overrides });
}

/** The demo lab with gateways in every cluster and details and reviews exposed, and a registry converged on it. */
export async function startConvergedRegistryLab(log: WriteLog): Promise<{ env: RegistryLab; lister: FleetLister; registry: SourceRegistry }> {
  const env = await startRegistryLab();
  await exposeWithGateways(env);
  const lister = env.newLister();
  const registry = startLabRegistry(env, lister, log);
  await converge(lister, registry);
  return { env, lister, registry };
}
