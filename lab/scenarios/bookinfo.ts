// Istio's bookinfo sample (samples/bookinfo/platform/kube/bookinfo.yaml) and the `sleep` client Tetrate's demos
// add: Services on port 9080 named `http` selecting `app`, Deployments labelled app + version.
import type { ClusterStore } from "../apiserver/types";
import { deploymentManifest, kubectlApply, namespaceManifest, serviceManifest, type AppSpec } from "./seed-util";

const TAG = "1.20.2";
const image = (name: string): string => `docker.io/istio/examples-bookinfo-${name}:${TAG}`;

function bookinfoApps(namespace: string): AppSpec[] {
  const base = { namespace, port: 9080 };
  const reviews = (version: string): AppSpec => ({
    ...base, app: "reviews", version, image: image(`reviews-${version}`), serviceAccount: "bookinfo-reviews",
    env: [{ name: "LOG_DIR", value: "/tmp/logs" }],
  });
  return [
    { ...base, app: "details", version: "v1", image: image("details-v1"), serviceAccount: "bookinfo-details" },
    { ...base, app: "ratings", version: "v1", image: image("ratings-v1"), serviceAccount: "bookinfo-ratings" },
    reviews("v1"),
    reviews("v2"),
    reviews("v3"),
    { ...base, app: "productpage", version: "v1", image: image("productpage-v1"), serviceAccount: "bookinfo-productpage" },
  ];
}

/**
 * Seeds bookinfo into `namespace`; `only` restricts it to some of its services (e.g. ["productpage"]);
 * `namespaceAnnotations` go on the namespace (e.g. the drills opt-in).
 */
export function seedBookinfo(store: ClusterStore, namespace = "bookinfo", only?: string[], namespaceAnnotations: Record<string, string> = {}): void {
  kubectlApply(store, namespaceManifest(namespace, {}, namespaceAnnotations));
  const apps = bookinfoApps(namespace).filter((a) => !only || only.includes(a.app));
  const services = new Set<string>();
  for (const app of apps) {
    if (!services.has(app.app)) kubectlApply(store, serviceManifest(app));
    services.add(app.app);
    kubectlApply(store, deploymentManifest(app));
  }
}

/** The `sleep` client (samples/sleep/sleep.yaml): a curl image that sleeps forever, Service on port 80. */
export function seedSleep(store: ClusterStore, namespace = "sleep"): void {
  kubectlApply(store, namespaceManifest(namespace));
  const app: AppSpec = { namespace, app: "sleep", image: "curlimages/curl", port: 80, serviceAccount: "sleep", command: ["/bin/sleep", "infinity"] };
  kubectlApply(store, serviceManifest(app));
  kubectlApply(store, deploymentManifest(app));
}
