// Specs that need east-west gateways on the shared demo lab (workspace project): workspace-deploy-expose.spec.ts
// deploys them first, but a spec run alone (or after a spec that removed one) must not depend on that. Each
// missing IngressGateway is applied exactly as the console's deploy dialog applies it (server-side apply, its
// field manager and label), and only those are deleted afterwards, so the lab is left as found.
import { test } from "@playwright/test";
import { kubectlAt } from "./kubectl";
import { DEMO_LAB_KUBECONFIG } from "./lab";

const INGRESS = "ingressgateways.install.tetrate.io";
const GATEWAY_NS = "bookinfo";
const GATEWAY = "eastwest-gateway";

const manifest = JSON.stringify({
  apiVersion: "install.tetrate.io/v1alpha1",
  kind: "IngressGateway",
  metadata: { name: GATEWAY, namespace: GATEWAY_NS, labels: { "app.kubernetes.io/managed-by": "eastwest-console" } },
  spec: { eastWestOnly: true },
});

/** Registers beforeAll/afterAll hooks: `bookinfo/eastwest-gateway` in each of `clusters` for the spec's tests. */
export function withDemoGateways(clusters: readonly string[]): void {
  const created: string[] = [];
  const kubectl = (cluster: string, args: string[], input?: string) => kubectlAt(DEMO_LAB_KUBECONFIG, cluster, args, input);
  test.beforeAll(async () => {
    for (const cluster of clusters) {
      const found = await kubectl(cluster, ["get", INGRESS, "-n", GATEWAY_NS, GATEWAY, "--ignore-not-found", "-o", "name"]);
      if (found.trim() !== "") continue;
      await kubectl(cluster, ["apply", "--server-side", "--field-manager=eastwest-console", "-f", "-"], manifest);
      created.push(cluster);
    }
  });
  test.afterAll(async () => {
    for (const cluster of created.splice(0)) await kubectl(cluster, ["delete", INGRESS, "-n", GATEWAY_NS, GATEWAY, "--ignore-not-found"]);
  });
}
