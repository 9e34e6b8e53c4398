// Test support for workloads: one cluster's store with its controllers (pods really go Pending → Running →
// Terminating → gone), a claimed loopback block, a telemetry that keeps its samples, a fake mesh client that
// records what it is asked, a plain HTTP client (one connection per request, so nothing pooled hides a refusal)
// and bounded polling.
import { request as httpRequest } from "node:http";
import { createClusterStore } from "../apiserver/store";
import type { ClusterStore, KubeObject, ResourceType } from "../apiserver/types";
import { createTypeRegistry } from "../apiserver/types-registry";
import { startControllers, type ControllerSet } from "../controllers/index";
import { seedSystem } from "../scenarios/system";
import { deploymentManifest, kubectlApply, namespaceManifest, serviceManifest, type AppSpec } from "../scenarios/seed-util";
import type { AddressBlock } from "./address-block";
import type { ClusterDataPlaneContext, MeshClient, MeshRequest, MeshResponse, RequestSample, Workloads } from "./types";
import { startWorkloads } from "./workloads";

export interface HttpReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One GET on a fresh connection; rejects with the socket error (ECONNREFUSED, ECONNRESET). */
export function get(address: string, port: number, path = "/", headers: Record<string, string> = {}): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: address, port, path, headers, agent: false }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** The error code a GET fails with, or "answered". */
export async function outcome(address: string, port: number): Promise<string> {
  try {
    await get(address, port);
    return "answered";
  } catch (error) {
    return String((error as NodeJS.ErrnoException).code ?? (error as Error).message);
  }
}

/** Polls `probe` every `everyMs` until it gives a value; throws after `timeoutMs`. */
export async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 5000, everyMs = 10): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export type FakeAnswer = (request: MeshRequest) => MeshResponse | Promise<MeshResponse>;

export interface WorkloadTestLab {
  store: ClusterStore;
  controllers: ControllerSet;
  workloads: Workloads;
  samples: RequestSample[];
  meshCalls: MeshRequest[];
  /** What the fake mesh client answers (default: 200 from east/<host>-pod). */
  answer: { current: FakeAnswer };
  kind(group: string, kind: string): ResourceType;
  deploy(spec: Partial<AppSpec> & { app: string }): void;
  /** The running pods of a Deployment, with their loopback addresses. */
  podsOf(deployment: string, namespace?: string): Array<{ pod: KubeObject; address: string }>;
  close(): Promise<void>;
}

export const defaultAnswer: FakeAnswer = (request) => {
  const host = new URL(request.url).hostname.split(".")[0] ?? "";
  return { status: 200, latencyMs: 1, servedByCluster: "east", servedByPod: `${host}-pod`, error: null, responseFlags: "-", body: { service: host } };
};

export async function startWorkloadTestLab(block: AddressBlock, lazy: boolean, idleCloseMs?: number): Promise<WorkloadTestLab> {
  const types = createTypeRegistry();
  const store = createClusterStore("west", types);
  seedSystem(store);
  kubectlApply(store, namespaceManifest("bookinfo"));
  const controllers = startControllers(store, { podReadyDelayMs: 20 });
  await controllers.waitForIdle(5000);
  const samples: RequestSample[] = [];
  const meshCalls: MeshRequest[] = [];
  const answer = { current: defaultAnswer };
  const mesh: MeshClient = {
    request: async (request) => {
      meshCalls.push(request);
      return answer.current(request);
    },
  };
  // Workloads issue no certificates: a CA that issues none shows it.
  const ca = { caPem: "", issue: () => Promise.reject(new Error("workloads issue no certificates")) };
  const telemetry = { record: (s: RequestSample) => void samples.push(s), text: () => Promise.resolve("") };
  const ctx: ClusterDataPlaneContext = { cluster: "west", clusterIndex: 0, addresses: block, store, ca, telemetry };
  const workloads = startWorkloads(ctx, { mesh: () => mesh, lazy, ...(idleCloseMs === undefined ? {} : { idleCloseMs }) });
  const kind = (group: string, name: string): ResourceType => {
    const type = types.byKind(group, name);
    if (!type) throw new Error(`no ${name} type`);
    return type;
  };
  return {
    store, controllers, workloads, samples, meshCalls, answer, kind,
    deploy(spec) {
      const app: AppSpec = { namespace: "bookinfo", image: `img/${spec.app}:1`, port: 9080, ...spec };
      kubectlApply(store, serviceManifest(app));
      kubectlApply(store, deploymentManifest(app));
    },
    podsOf(deployment, namespace = "bookinfo") {
      return store
        .list(kind("", "Pod"), namespace)
        // Pods belong to the Deployment's ReplicaSet `<deployment>-<pod-template-hash>`, as upstream.
        .filter((p) => p.metadata.ownerReferences?.some((r) => r.name === deployment || (r.kind === "ReplicaSet" && r.name === `${deployment}-${p.metadata.labels?.["pod-template-hash"] ?? ""}`)))
        .flatMap((pod) => {
          const ip = (pod.status as { podIP?: string } | undefined)?.podIP;
          const address = ip ? block.podAddress(0, ip) : undefined;
          return address ? [{ pod, address }] : [];
        });
    },
    async close() {
      await workloads.stop();
      controllers.stop();
    },
  };
}
