// Test support for probe pods: one cluster's store and API server on 127.0.0.1:0 (with the lab's log provider),
// its kubeconfig in a temp dir, kubectl runners (Debian's /usr/bin/kubectl, HOME in the temp dir so no user config
// leaks in), a fake mesh client that records what it is asked, and bounded polling.
import { execFile, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createApiServer, createClusterStore, createTypeRegistry, type ApiServer, type ClusterStore, type KubeObject, type ResourceType } from "../apiserver/index";
import { createLogProvider } from "../controllers/log-provider";
import { writeKubeconfig } from "../kubeconfig";
import { createAddressPlan } from "./address-plan";
import { createTelemetry } from "./telemetry";
import type { ClusterDataPlaneContext, MeshClient, MeshRequest, MeshResponse } from "./types";

// kubectl from KUBECTL, else found on PATH (as a person runs it).
export const KUBECTL = process.env.KUBECTL ?? "kubectl";

export interface ProbeTestLab {
  store: ClusterStore;
  podType: ResourceType;
  server: ApiServer;
  ctx: ClusterDataPlaneContext;
  /** A Pod in namespace `sleep` with one container "probe" (and the istio-proxy sidecar), in `phase`. */
  createPod(name: string, annotations: Record<string, string>, phase?: string): KubeObject;
  setPhase(name: string, phase: string): void;
  kubectl(args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  /** A long-running kubectl (logs -f): its output so far, and its exit. */
  spawnKubectl(args: string[]): { output: () => string; exited: Promise<number>; stop: () => void };
  close(): Promise<void>;
}

export async function startProbeTestLab(): Promise<ProbeTestLab> {
  const types = createTypeRegistry();
  const store = createClusterStore("west", types);
  const byKind = (kind: string): ResourceType => {
    const type = types.byKind("", kind);
    if (!type) throw new Error(`no ${kind} type`);
    return type;
  };
  const podType = byKind("Pod");
  store.create(byKind("Namespace"), { apiVersion: "v1", kind: "Namespace", metadata: { name: "sleep" } });
  const server = await createApiServer(store, { host: "127.0.0.1", port: 0, logs: createLogProvider(store) });
  const dir = await mkdtemp(join(tmpdir(), "lab-probe-"));
  const kubeconfig = join(dir, "kubeconfig");
  await writeKubeconfig(kubeconfig, [{ name: "west", url: server.url }]);
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: dir, KUBECACHEDIR: join(dir, "cache") };
  delete env.KUBECONFIG;
  const base = ["--kubeconfig", kubeconfig, "--context", "west", "-n", "sleep"];
  // Probe pods need no certificates: a CA that issues none shows it.
  const ca = { caPem: "", issue: () => Promise.reject(new Error("probe pods issue no certificates")) };
  const ctx: ClusterDataPlaneContext = { cluster: "west", clusterIndex: 0, addresses: createAddressPlan(1, 1), store, ca, telemetry: createTelemetry("west") };
  const setPhase = (name: string, phase: string): void => {
    const pod = store.get(podType, "sleep", name);
    if (!pod) throw new Error(`no pod ${name}`);
    const containerStatuses = [{ name: "probe", ready: phase === "Running", state: { running: { startedAt: new Date().toISOString() } } }];
    store.update(podType, { ...pod, status: { phase, containerStatuses } }, { subresource: "status" });
  };
  return {
    store, podType, server, ctx, setPhase,
    createPod(name, annotations, phase = "Running") {
      const containers = [{ name: "probe", image: "curlimages/curl:8.11.0" }, { name: "istio-proxy", image: "docker.io/istio/proxyv2:1.22.3" }];
      store.create(podType, { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "sleep", annotations }, spec: { containers } });
      setPhase(name, phase);
      const pod = store.get(podType, "sleep", name);
      if (!pod) throw new Error(`no pod ${name}`);
      return pod;
    },
    kubectl: (args) => kubectlIn(dir, kubeconfig, [...base.slice(2), ...args]),
    spawnKubectl(args) {
      const child = spawn(KUBECTL, [...base, ...args], { env });
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => void (out += chunk.toString()));
      const exited = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
      return { output: () => out, exited, stop: () => void child.kill("SIGTERM") };
    },
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Runs kubectl with this kubeconfig, HOME in `dir` (no user config leaks in). */
export function kubectlIn(dir: string, kubeconfig: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: dir, KUBECACHEDIR: join(dir, "cache") };
  delete env.KUBECONFIG;
  return new Promise((resolve) => {
    execFile(KUBECTL, ["--kubeconfig", kubeconfig, ...args], { env, timeout: 30_000, encoding: "utf8" }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** A mesh client that answers every request 200 from east, numbering the pods that serve, and records requests. */
export function fakeMesh(): MeshClient & { requests: MeshRequest[] } {
  const requests: MeshRequest[] = [];
  return {
    requests,
    request(request) {
      requests.push(request);
      const n = requests.length;
      const response: MeshResponse = { status: 200, latencyMs: 1.25, servedByCluster: "east", servedByPod: `details-v1-${n}`, error: null, responseFlags: "-" };
      return Promise.resolve(response);
    },
  };
}

/** Polls `check` until it yields a value, within `timeoutMs` (a bounded wait on a condition, never a fixed sleep). */
export async function pollUntil<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
