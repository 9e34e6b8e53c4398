// `scale`: C clusters (c01…) × S services each, 25 per namespace (ns-001…), each Service backed by a one-replica
// Deployment (created as `kubectl create -f` would: no last-applied annotation, to keep 10^4 objects small); the
// first cluster holds a Workspace over every `ns-*` namespace. Sized to measure the console against hundreds of
// namespaces and thousands of services.
import type { ClusterStore } from "../apiserver/types";
import { deploymentManifest, kubectlApply, namespaceManifest, serviceManifest } from "./seed-util";
import { seedWorkspace } from "./tetrate";

export const SERVICES_PER_NAMESPACE = 25;

export function scaleClusterNames(count: number): string[] {
  const width = Math.max(2, String(count).length);
  return Array.from({ length: count }, (_, i) => `c${String(i + 1).padStart(width, "0")}`);
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

export function seedScale(stores: ClusterStore[], services: number): void {
  const namespaces = Math.ceil(services / SERVICES_PER_NAMESPACE);
  const nsWidth = Math.max(3, String(namespaces).length);
  const svcWidth = Math.max(4, String(services).length);
  for (const store of stores) {
    kubectlApply(store, namespaceManifest("xcp-multicluster"));
    for (let n = 1; n <= namespaces; n++) kubectlApply(store, namespaceManifest(`ns-${pad(n, nsWidth)}`));
    for (let s = 0; s < services; s++) {
      const namespace = `ns-${pad(Math.floor(s / SERVICES_PER_NAMESPACE) + 1, nsWidth)}`;
      const app = { namespace, app: `svc-${pad(s + 1, svcWidth)}`, image: "docker.io/hashicorp/http-echo:1.0", port: 8080 };
      kubectlApply(store, serviceManifest(app), { lastApplied: false });
      kubectlApply(store, deploymentManifest(app), { lastApplied: false });
    }
  }
  const management = stores[0];
  if (management && namespaces > 0) {
    seedWorkspace(management, { name: "scale-ws", namespace: `ns-${pad(1, nsWidth)}`, selector: ["*/ns-*"] });
  }
}
