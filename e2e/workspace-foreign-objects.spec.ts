import { expect, test } from "@playwright/test";
import { kubectlAt } from "./support/kubectl";
import { DEMO_LAB_KUBECONFIG } from "./support/lab";
import { shot } from "./support/workspace";

// An object named like one the registry would write, made by someone else (its managed-by label copied), is a
// conflict everywhere the console shows the service: "blocked" in the exposure preview's consequences (never
// "added"), "blocked" in propagation (never "received"), and a condition marked "Not made by the console". It is
// left byte-identical. Runs after workspace-deploy-expose (files run in name order); it plants what it needs.

const WORKSPACE = "bookinfo-ws";
const RATINGS = "ratings.bookinfo.svc.cluster.local";
const SE_NAME = "global-gwinternal-ratings-bookinfo-svc-cluster-local";

const FOREIGN_SE = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: ${SE_NAME}
  namespace: xcp-multicluster
  labels:
    app.kubernetes.io/managed-by: eastwest-console
spec:
  hosts: [${RATINGS}]
  location: MESH_INTERNAL
  resolution: STATIC
  ports: [{ number: 9080, name: http, protocol: HTTP }]
`;

const gateway = `apiVersion: install.tetrate.io/v1alpha1
kind: IngressGateway
metadata: { name: eastwest-gateway, namespace: bookinfo, labels: { app.kubernetes.io/managed-by: eastwest-console } }
spec: { eastWestOnly: true }
`;

const kubectl = (context: string, args: string[], input?: string) => kubectlAt(DEMO_LAB_KUBECONFIG, context, args, input);
const foreignSE = async () => JSON.parse(await kubectl("north", ["-n", "xcp-multicluster", "get", "serviceentry", SE_NAME, "-o", "json"])) as { metadata: { resourceVersion: string }; spec: unknown };

test.afterEach(async () => {
  await kubectl("north", ["-n", "xcp-multicluster", "delete", "serviceentry", SE_NAME, "--ignore-not-found"]);
});

test("a ServiceEntry named like ours but made by someone else is shown blocked, never added or received, and left untouched", async ({ page }) => {
  test.setTimeout(120_000);
  // Ratings runs in west and east: their gateways carry it to north (applied as the console applies them).
  for (const cluster of ["west", "east"]) await kubectl(cluster, ["apply", "--server-side", "--field-manager=eastwest-console", "-f", "-"], gateway);
  await kubectl("north", ["apply", "-f", "-"], "apiVersion: v1\nkind: Namespace\nmetadata: { name: xcp-multicluster }\n");
  await kubectl("north", ["apply", "-f", "-"], FOREIGN_SE);
  const planted = await foreignSE();

  await page.goto(`/workspaces/${WORKSPACE}`);
  await expect(page.getByRole("heading", { level: 1, name: WORKSPACE })).toBeVisible();
  await page.getByRole("button", { name: "Expose services" }).click();
  const expose = page.getByRole("dialog", { name: "Expose services" });
  await expose.getByRole("radio", { name: /Choose services/ }).check();
  await expose.getByRole("searchbox", { name: "Search services" }).fill("ratings");
  await expose.getByRole("checkbox", { name: RATINGS }).check();
  await expose.getByRole("button", { name: "Preview" }).click();
  await expose.getByRole("tab", { name: "Consequences" }).click();
  const north = expose.getByRole("table", { name: "Consequences per cluster" }).getByRole("row", { name: /^north/ });
  const line = north.getByRole("listitem").filter({ hasText: SE_NAME });
  await expect(line).toContainText("blocked: an object not made by the console holds this name");
  await expect(line.getByLabel("added")).toHaveCount(0);
  await shot(page, "21-consequences-blocked");

  await expose.getByRole("button", { name: "Apply to all 3 clusters" }).click();
  await expect(expose.getByText(/^Applied WorkspaceSetting /)).toBeVisible();
  const chips = expose.getByRole("list", { name: "Propagation" }).getByRole("listitem", { name: RATINGS });
  await expect(chips.getByText("north: blocked, an object not made by the console holds its name")).toBeVisible({ timeout: 60_000 });
  await expect(chips.getByText("north: received")).toHaveCount(0);
  await expose.getByRole("button", { name: "Done" }).click();

  // The registry reports it on its next reconcile; the box shows the worst few first, the rest behind "Show all".
  const box = page.getByRole("region", { name: /^The registry reports/ });
  const condition = box.getByRole("listitem").filter({ hasText: `(xcp-multicluster/${SE_NAME})` });
  await expect(async () => {
    const more = box.getByRole("button", { name: /^Show all \d+$/ });
    if ((await more.count()) > 0) await more.click();
    await expect(condition.getByText("Not made by the console")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(condition).toContainText("named like ours exists in north");
  await shot(page, "22-foreign-condition");

  // Left byte-identical: same resourceVersion, same spec.
  const after = await foreignSE();
  expect(after.metadata.resourceVersion).toBe(planted.metadata.resourceVersion);
  expect(after.spec).toEqual(planted.spec);
});
