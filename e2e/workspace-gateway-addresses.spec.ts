import { expect, test } from "@playwright/test";
import { kubectlAt } from "./support/kubectl";
import { DEMO_LAB_KUBECONFIG } from "./support/lab";
import { shot } from "./support/workspace";

// A gateway whose published address is rejected (here link-local, which no other cluster can reach) is not
// "Ready" on the workspace page: the card says "Problem" and names the address and why, in the planner's words.
// Runs after workspace-deploy-expose (files run in name order); it applies the gateway it needs itself.

const WORKSPACE = "bookinfo-ws";
const ADDRESS = "169.254.10.10";

const ANNOTATION = "xcp.tetrate.io/cluster-external-addresses";
const GATEWAY = `apiVersion: install.tetrate.io/v1alpha1
kind: IngressGateway
metadata: { name: eastwest-gateway, namespace: bookinfo, labels: { app.kubernetes.io/managed-by: eastwest-console } }
spec: { eastWestOnly: true }
`;

const kubectl = (args: string[], input?: string) => kubectlAt(DEMO_LAB_KUBECONFIG, "west", args, input);
// The address a gateway publishes, set on its Service the way a platform team does (the installer leaves it).
const annotate = (value: string | undefined) =>
  kubectl(["-n", "bookinfo", "annotate", "service", "eastwest-gateway", "--overwrite", value === undefined ? `${ANNOTATION}-` : `${ANNOTATION}=${value}`]);

test.afterEach(async () => {
  // Cleanup after a failure part-way: the annotation may already be gone (kubectl then says so and fails).
  await annotate(undefined).catch(() => undefined);
});

test("a gateway publishing a rejected address is a problem, not Ready, and says which address and why", async ({ page }) => {
  await kubectl(["apply", "--server-side", "--field-manager=eastwest-console", "-f", "-"], GATEWAY);
  await page.goto(`/workspaces/${WORKSPACE}`);
  const card = page.getByRole("region", { name: "Gateway bookinfo/eastwest-gateway in west" });
  await expect(card.getByText("Ready", { exact: true })).toBeVisible({ timeout: 30_000 });

  await annotate(ADDRESS);
  await expect(card.getByText("Problem", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(card.getByText("Ready", { exact: true })).toHaveCount(0);
  await expect(card.getByRole("list", { name: "Problems" })).toContainText(`${ADDRESS} is a link-local (169.254.0.0/16) address`);
  await shot(page, "23-gateway-rejected-address");

  await annotate(undefined);
  await expect(card.getByText("Ready", { exact: true })).toBeVisible({ timeout: 30_000 });
});
