// `scale`: C clusters (c01…) × S services each, 25 per namespace (ns-001…), each Service backed by a one-replica
// Deployment (created as `kubectl create -f` would: no last-applied annotation, to keep 10^4 objects small); the
// first cluster holds the workspaces. Sized to measure the console against hundreds of namespaces and thousands
// of services.
// - workspaces = 1 (default): one Workspace `scale-ws` over every `ns-*` namespace.
// - workspaces = N > 1: `scale-ws-1`…`scale-ws-N`, the namespaces split in N contiguous runs (the first runs one
//   longer when they do not divide evenly), as teams would own them.
// Every workspace's setting selects the east-west gateway (`app: eastwest-gateway`). With `gateways`, each cluster
// also runs that gateway in ns-001 (console-gateway.ts), so the registry has work in every cluster from the start.
import type { ClusterStore } from "../apiserver/types";
import { seedConsoleGateway } from "./console-gateway";
import { deploymentManifest, kubectlApply, namespaceManifest, serviceManifest } from "./seed-util";
import { seedWorkspace } from "./tetrate";

export const SERVICES_PER_NAMESPACE = 25;

export type ScaleOptions = { workspaces?: number; gateways?: boolean };

export function scaleClusterNames(count: number): string[] {
  const width = Math.max(2, String(count).length);
  return Array.from({ length: count }, (_, i) => `c${String(i + 1).padStart(width, "0")}`);
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** The workspaces' names and namespaces: `count` contiguous runs of `namespaces` (never more runs than namespaces). */
export function scaleWorkspaces(namespaces: readonly string[], count: number): Array<{ name: string; namespaces: string[] }> {
  const n = Math.max(1, Math.min(count, namespaces.length));
  if (n === 1) return [{ name: "scale-ws", namespaces: [...namespaces] }];
  const base = Math.floor(namespaces.length / n);
  const longer = namespaces.length % n;
  const out: Array<{ name: string; namespaces: string[] }> = [];
  for (let i = 0, start = 0; i < n; i++) {
    const size = base + (i < longer ? 1 : 0);
    out.push({ name: `scale-ws-${i + 1}`, namespaces: namespaces.slice(start, start + size) });
    start += size;
  }
  return out;
}

function seedCluster(store: ClusterStore, namespaces: readonly string[], services: number): void {
  const svcWidth = Math.max(4, String(services).length);
  kubectlApply(store, namespaceManifest("xcp-multicluster"));
  for (const ns of namespaces) kubectlApply(store, namespaceManifest(ns));
  for (let s = 0; s < services; s++) {
    const namespace = namespaces[Math.floor(s / SERVICES_PER_NAMESPACE)] ?? "";
    const app = { namespace, app: `svc-${pad(s + 1, svcWidth)}`, image: "docker.io/hashicorp/http-echo:1.0", port: 8080 };
    kubectlApply(store, serviceManifest(app), { lastApplied: false });
    kubectlApply(store, deploymentManifest(app), { lastApplied: false });
  }
}

export function seedScale(stores: ClusterStore[], services: number, options: ScaleOptions = {}): void {
  const count = Math.ceil(services / SERVICES_PER_NAMESPACE);
  const nsWidth = Math.max(3, String(count).length);
  const namespaces = Array.from({ length: count }, (_, i) => `ns-${pad(i + 1, nsWidth)}`);
  for (const store of stores) {
    seedCluster(store, namespaces, services);
    if (options.gateways && namespaces[0]) seedConsoleGateway(store, namespaces[0]);
  }
  const management = stores[0];
  if (!management || namespaces.length === 0) return;
  const workspaces = scaleWorkspaces(namespaces, options.workspaces ?? 1);
  for (const ws of workspaces) {
    const selector = workspaces.length === 1 ? ["*/ns-*"] : ws.namespaces.map((ns) => `*/${ns}`);
    seedWorkspace(management, { name: ws.name, namespace: ws.namespaces[0] ?? "", selector });
  }
}
