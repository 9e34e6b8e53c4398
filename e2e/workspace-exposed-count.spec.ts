import { expect, test } from "@playwright/test";
import { kubectlAt } from "./support/kubectl";
import { DEMO_LAB_KUBECONFIG } from "./support/lab";
import { shot } from "./support/workspace";

// A WorkspaceSetting whose exposedServices lists 10,000 entries, two of them real services: the header counts
// what is exposed ("2 of 4"), never the list ("10000 of 4"), and flags the rest; so does the overview. Runs after
// workspace-deploy-expose (files run in name order) and leaves the setting as it found it (details and reviews).

const WORKSPACE = "bookinfo-ws";
const REAL = ["details.bookinfo.svc.cluster.local", "reviews.bookinfo.svc.cluster.local"];
const JUNK = Array.from({ length: 9_998 }, (_, i) => `no-such-service-${i}.bookinfo.svc.cluster.local`);

const setting = (exposed: string[]) =>
  JSON.stringify({
    apiVersion: "settings.tetrate.io/v1alpha1",
    kind: "WorkspaceSetting",
    metadata: { name: `${WORKSPACE}-setting`, namespace: "bookinfo" },
    spec: { workspace: WORKSPACE, defaultEastWestGatewaySettings: { workloadSelector: { app: "eastwest-gateway" }, exposedServices: exposed } },
  });

// As the console writes it, so later specs' applies do not meet a field owned by another manager.
const apply = (exposed: string[]) =>
  kubectlAt(DEMO_LAB_KUBECONFIG, "west", ["apply", "--server-side", "--field-manager=eastwest-console", "--force-conflicts", "-f", "-"], setting(exposed));

test.afterEach(async () => {
  await apply(REAL);
});

test("10,000 listed entries with two real services read as 2 exposed, the rest flagged", async ({ page }) => {
  await apply([...REAL, ...JUNK]);
  await page.goto("/");
  const row = page.getByRole("list", { name: "Workspaces" }).getByRole("listitem").filter({ hasText: WORKSPACE });
  await expect(row.getByText(/Exposes 2 chosen services/)).toBeVisible({ timeout: 30_000 });
  await expect(row.getByText("9,998 entries name no service")).toBeVisible();
  await expect(row.getByText(/Exposes 10000/)).toHaveCount(0);

  await row.getByRole("link", { name: WORKSPACE }).click();
  const summary = page.getByRole("list", { name: "Workspace summary" }).or(page.locator('dl[aria-label="Workspace summary"]'));
  await expect(summary.getByText(/^2 of \d+$/)).toBeVisible();
  await expect(summary.getByText("9,998 entries name no service")).toBeVisible();
  await expect(summary.getByText(/^10000 of/)).toHaveCount(0);
  // 9,998 conditions of one kind are one line with a count, not 9,998 lines.
  await expect(page.getByRole("region", { name: /^The registry reports/ }).getByText(/^9,998 conditions of one kind/)).toBeVisible();
  await shot(page, "24-exposed-count");

  await page.getByRole("button", { name: "Expose services" }).click();
  const expose = page.getByRole("dialog", { name: "Expose services" });
  await expect(expose.getByText(/The live setting lists 9,998 entries that name no service of the workspace/)).toBeVisible();
  await expect(expose.getByText(/^2 selected/)).toBeVisible();
});
