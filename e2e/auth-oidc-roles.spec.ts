import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { kubectlAt } from "./support/kubectl";
import { LAB_CLUSTERS } from "./support/lab";
import { AUTH_LAB_KUBECONFIG, bindPlatformOwners, labAudit, personWritesSince } from "./support/oidc-lab";
import { signIn, trpcErrorMessage, trpcMutation } from "./support/oidc-session";

// Roles from the provider's groups, enforced three times: the UI does not offer what the role does not allow, the
// API refuses it (403, nothing reaches a cluster), and the clusters' RBAC — asked as the impersonated person —
// has the last word even when the console's role allows (pat). alice (platform owner) deploys a gateway and
// changes exposure; the lab's audit trail shows alice, impersonated by the console's own user.

const WORKSPACE = "bookinfo-ws";
const INGRESS = "ingressgateways.install.tetrate.io";
const SHOTS = "screenshots/auth";
const DRILL = "Run failover drill on details in west";

test.describe.configure({ mode: "serial" });
test.beforeAll(bindPlatformOwners);

const gatewaysIn = async (cluster: string) => JSON.parse(await kubectlAt(AUTH_LAB_KUBECONFIG, cluster, ["get", INGRESS, "-A", "-o", "json"])).items.length as number;

async function openWorkspace(page: Page, login: string): Promise<void> {
  await signIn(page, login, `/workspaces/${WORKSPACE}`);
  await expect(page.getByRole("heading", { level: 1, name: WORKSPACE })).toBeVisible();
  await expect(page.getByRole("status", { name: "Live updates: Live" })).toBeVisible();
}

/** Sets the deploy dialog's cluster checkboxes to exactly `wanted` (it may preselect clusters without a gateway). */
async function pickClusters(dialog: Locator, wanted: readonly string[]): Promise<void> {
  for (const cluster of LAB_CLUSTERS) await dialog.getByRole("checkbox", { name: cluster, exact: true }).setChecked(wanted.includes(cluster));
}

/**
 * Not offered: absent, or present but disabled with the reason as its accessible description, and a press (forced:
 * a person may still click a greyed button) opens nothing.
 */
async function expectNotOffered(page: Page, control: Locator, reason: RegExp): Promise<void> {
  if ((await control.count()) === 0) return;
  await expect(control).toBeDisabled();
  await expect(control).toHaveAccessibleDescription(reason);
  await control.click({ force: true });
  await expect(page.getByRole("dialog")).toHaveCount(0);
}

test("alice (platform owner) deploys gateways in west and east; each cluster records alice, impersonated by the console", async ({ page }) => {
  test.setTimeout(180_000);
  const since = new Date().toISOString();
  await openWorkspace(page, "alice");
  await page.getByRole("button", { name: "Deploy east-west gateway" }).click();
  const deploy = page.getByRole("dialog", { name: "Deploy east-west gateway" });
  await pickClusters(deploy, ["west", "east"]);
  await deploy.getByRole("button", { name: "Preview" }).click();
  for (const cluster of ["west", "east"]) await expect(deploy.getByText(`Dry run OK: ${cluster} accepts the change`)).toBeVisible();
  await deploy.getByRole("button", { name: "Confirm and apply to 2 clusters" }).click();
  await expect(deploy.getByRole("list", { name: "Apply results" }).getByText("Applied", { exact: true })).toHaveCount(2);
  await deploy.getByRole("button", { name: "Done" }).click();
  for (const cluster of ["west", "east"]) expect(await gatewaysIn(cluster)).toBe(1);

  for (const cluster of ["west", "east"]) {
    // The lab records a request once its response has finished, which the console may have seen first: poll.
    const gatewayWrites = async () => (await labAudit(cluster)).filter((e) => e.time >= since && e.resource === "ingressgateways" && e.verb !== "get");
    await expect.poll(async () => (await gatewayWrites()).length, { message: `${cluster} saw the gateway write` }).toBeGreaterThan(0);
    for (const entry of await gatewayWrites()) {
      expect(entry.user.name).toBe("alice");
      expect(entry.user.groups ?? []).toContain("eastwest:platform-owners");
      expect(entry.impersonatedBy?.name).toBe("kubernetes-admin");
      expect(entry.code).toBeLessThan(300);
    }
  }
});

test("alice changes exposure: the WorkspaceSetting write is hers in the management cluster's audit", async ({ page }) => {
  test.setTimeout(120_000);
  const since = new Date().toISOString();
  await openWorkspace(page, "alice");
  await page.getByRole("button", { name: "Expose services" }).click();
  const expose = page.getByRole("dialog", { name: "Expose services" });
  await expose.getByRole("radio", { name: /Choose services/ }).check();
  await expose.getByRole("button", { name: "Clear all" }).click();
  await expose.getByRole("checkbox", { name: "details.bookinfo.svc.cluster.local" }).check();
  await expose.getByRole("button", { name: "Preview" }).click();
  await expose.getByRole("tab", { name: /Server dry-run/ }).click();
  await expect(expose.getByText("Dry run OK: west accepts the change")).toBeVisible();
  await expose.getByRole("button", { name: /^Apply to / }).click();
  await expect(expose.getByText(/^Applied WorkspaceSetting /)).toBeVisible();
  await expose.getByRole("button", { name: "Done" }).click();
  const settingWrites = async () => (await labAudit("west")).filter((e) => e.time >= since && e.resource === "workspacesettings" && e.code < 300);
  await expect.poll(async () => (await settingWrites()).length).toBeGreaterThan(0);
  for (const entry of await settingWrites()) expect([entry.user.name, entry.impersonatedBy?.name]).toEqual(["alice", "kubernetes-admin"]);
});

test("victor (viewer) is offered neither deploy, expose nor drill, and the API refuses each with 403; nothing is written", async ({ page }) => {
  await openWorkspace(page, "victor");
  await expect(page.getByRole("region", { name: "Signed in" }).getByRole("list", { name: "Roles" }).getByRole("listitem")).toHaveText(["viewer"]);
  await expect(page.getByRole("table", { name: "Failover state of each service in each cluster" })).toBeVisible();
  await expectNotOffered(page, page.getByRole("button", { name: "Deploy east-west gateway" }), /platform.owner/);
  await expectNotOffered(page, page.getByRole("button", { name: "Expose services" }), /platform.owner/);
  await expectNotOffered(page, page.getByRole("button", { name: DRILL }), /app.owner/);
  await page.screenshot({ path: `${SHOTS}/02-viewer-workspace.png`, fullPage: true });
  await expectNoSeriousA11yViolations(page, "the workspace page as a viewer");

  const since = new Date().toISOString();
  const before = await Promise.all(LAB_CLUSTERS.map(gatewaysIn));
  const base = new URL(page.url()).origin;
  const refusals = [
    { path: "workspace.gatewayApply", input: { workspace: WORKSPACE, clusters: ["north"] }, says: /signed in as victor \(viewer\).*deploying gateways needs the platform-owner role/ },
    { path: "workspace.exposureApply", input: { workspace: WORKSPACE, exposure: { mode: "all" } }, says: /signed in as victor \(viewer\).*platform-owner/ },
    { path: "drills.start", input: { cluster: "west", namespace: "bookinfo", service: "details" }, says: /signed in as victor \(viewer\).*app-owner/ },
  ];
  for (const { path, input, says } of refusals) {
    const res = await trpcMutation(page.request, base, path, input);
    expect(res.status(), path).toBe(403);
    expect(await trpcErrorMessage(res)).toMatch(says);
  }
  expect(await Promise.all(LAB_CLUSTERS.map(gatewaysIn))).toEqual(before);
  expect(await personWritesSince(since, "victor")).toEqual([]);
});

test("annie (app owner) is offered the drill the viewer was not, starts it as herself and aborts it; not the gateway deployment", async ({ page }) => {
  test.setTimeout(150_000);
  await openWorkspace(page, "annie");
  await expectNotOffered(page, page.getByRole("button", { name: "Deploy east-west gateway" }), /platform.owner/);
  const since = new Date().toISOString();
  await page.getByRole("button", { name: DRILL }).click();
  const dialog = page.getByRole("dialog", { name: "Failover drill: details in west" });
  await dialog.getByRole("button", { name: "Start drill" }).click();
  const abort = dialog.getByRole("button", { name: "Abort drill" });
  await expect(abort).toBeVisible();
  // The FailoverDrill is written as annie (impersonated), and so is the abort.
  // (create, or a server-side apply: verb patch; the runner's own status writes are the console's, not hers)
  const drillWrites = async () => (await labAudit("west")).filter((e) => e.time >= since && e.resource === "failoverdrills" && !["get", "list", "watch"].includes(e.verb) && e.code < 300);
  await expect.poll(async () => (await drillWrites()).map((e) => `${e.user.name} by ${e.impersonatedBy?.name ?? "nobody"}`)).toContain("annie by kubernetes-admin");
  const writesBefore = (await labAudit("west")).filter((e) => e.time >= since && e.resource === "failoverdrills" && e.user.name === "annie").length;
  await abort.click();
  await expect(dialog.getByRole("status", { name: "Drill phase" })).toContainText("Aborted", { timeout: 90_000 });
  const annieWrites = (await labAudit("west")).filter((e) => e.time >= since && e.resource === "failoverdrills" && e.user.name === "annie");
  expect(annieWrites.length).toBeGreaterThan(writesBefore);
});

test("pat: the console's role allows, north's RBAC refuses; the refusal names verb, resource and cluster, nothing is written", async ({ page }) => {
  test.setTimeout(120_000);
  const since = new Date().toISOString();
  await openWorkspace(page, "pat");
  await page.getByRole("button", { name: "Deploy east-west gateway" }).click();
  const deploy = page.getByRole("dialog", { name: "Deploy east-west gateway" });
  await pickClusters(deploy, ["north"]);
  await deploy.getByRole("button", { name: "Preview" }).click();
  await expect(deploy.getByText(/you may not (create|patch) ingressgateways(\.install\.tetrate\.io)? in north/)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/03-cluster-refuses-pat.png` });
  await expectNoSeriousA11yViolations(page, "the deploy dialog refused by the cluster");
  // The API straight: the apply reaches north as pat, and north says no.
  const res = await trpcMutation(page.request, new URL(page.url()).origin, "workspace.gatewayApply", { workspace: WORKSPACE, clusters: ["north"] });
  expect(JSON.stringify(await res.json())).toMatch(/you may not (create|patch) ingressgateways(\.install\.tetrate\.io)? in north/);
  expect(await gatewaysIn("north")).toBe(0);
  await expect.poll(async () => (await personWritesSince(since, "pat")).length).toBeGreaterThan(0);
  for (const entry of await personWritesSince(since, "pat")) expect([entry.user.name, entry.code]).toEqual(["pat", 403]);
});
